package io.cellfloor.ingest.format;

import io.cellfloor.domain.Direction;
import java.util.Locale;

/**
 * Maps a step-type text (Neware's "CC Chg", "CCCV DChg", "Rest" ...) to a {@link Direction}, remembering the last
 * one: step types change once per step, so most rows cost one byte comparison and no String.
 */
final class StepKinds {
    private byte[] lastBytes = new byte[0];
    private Direction last;

    /** The direction of the step type in the field, or null for a kind that is not charge, discharge or rest. */
    Direction of(final Fields f, final int column) {
        if (!f.has(column)) {
            return null;
        }
        final byte[] b = f.bytes();
        final int s = f.start(column);
        final int len = f.end(column) - s;
        if (len == lastBytes.length && java.util.Arrays.equals(b, s, s + len, lastBytes, 0, len)) {
            return last;
        }
        lastBytes = java.util.Arrays.copyOfRange(b, s, s + len);
        last = parse(f.text(column));
        return last;
    }

    /** Neware and similar step names: "...DChg" is discharge, "...Chg" charge, "Rest" rest; anything else null. */
    static Direction parse(final String type) {
        final String t = type.trim().toLowerCase(Locale.ROOT);
        if (t.contains("dchg") || t.contains("discharge") || t.equals("d")) {
            return Direction.DISCHARGE;
        }
        if (t.contains("chg") || t.contains("charge") || t.equals("c")) {
            return Direction.CHARGE;
        }
        if (t.startsWith("rest") || t.equals("r")) {
            return Direction.REST;
        }
        return null;
    }
}
