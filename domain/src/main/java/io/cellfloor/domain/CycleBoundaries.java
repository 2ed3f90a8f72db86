package io.cellfloor.domain;

import java.util.Locale;

/**
 * Where a channel's cycles begin and end. People compare cellfloor's cycles with the cycler's own cycle table and
 * with tools that follow it (cellpy, BEEP, NewareNDA, battdat), so the cycler's cycle index wins wherever a source
 * carries it; cutting at reversals of current is the fallback for sources that do not (the simulator, a mapped CSV
 * without a cycle column).
 */
public enum CycleBoundaries {
    /** The cycler's index where the test's first sample carries one, else the direction of current (the default). */
    AUTO,
    /** Always the cycler's index: a sample without one is rejected, so a source that lost its column is noticed. */
    CYCLER,
    /** Always the direction of current: a half-cycle per run of one direction, a cycle per two halves. */
    DIRECTION;

    /** {@code auto}, {@code cycler} or {@code direction}, in any case; the message names the choices. */
    public static CycleBoundaries parse(final String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cycle boundaries must be auto, cycler or direction, got '" + value
                    + "'", e);
        }
    }
}
