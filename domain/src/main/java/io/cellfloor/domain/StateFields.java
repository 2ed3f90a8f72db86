package io.cellfloor.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One direction of {@link StateCodec}: the primitives a {@code fields} method declares its fields with, writing or
 * reading, and the layout of the immutable values inside the state. Every call returns the field's value: the one
 * passed when writing, the one read when reading.
 */
abstract class StateFields {
    private final int version;

    private StateFields(final int version) {
        this.version = version;
    }

    static StateFields writer(final ByteBuffer b, final int version) {
        return new StateFields(version) {
            @Override
            boolean reading() {
                return false;
            }

            @Override
            byte i8(final byte v) {
                b.put(v);
                return v;
            }

            @Override
            int i32(final int v) {
                b.putInt(v);
                return v;
            }

            @Override
            long i64(final long v) {
                b.putLong(v);
                return v;
            }

            @Override
            double f64(final double v) {
                b.putDouble(v);
                return v;
            }

            @Override
            String string(final String v) {
                final byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
                b.putInt(bytes.length).put(bytes);
                return v;
            }
        };
    }

    static StateFields reader(final ByteBuffer b, final int version) {
        return new StateFields(version) {
            @Override
            boolean reading() {
                return true;
            }

            @Override
            byte i8(final byte v) {
                return b.get();
            }

            @Override
            int i32(final int v) {
                return b.getInt();
            }

            @Override
            long i64(final long v) {
                return b.getLong();
            }

            @Override
            double f64(final double v) {
                return b.getDouble();
            }

            @Override
            String string(final String v) {
                final byte[] bytes = new byte[b.getInt()];
                b.get(bytes);
                return new String(bytes, StandardCharsets.UTF_8);
            }
        };
    }

    /** The version being written or read. */
    final int version() {
        return version;
    }

    abstract boolean reading();

    abstract byte i8(byte v);

    abstract int i32(int v);

    abstract long i64(long v);

    abstract double f64(double v);

    /** Length-prefixed UTF-8. */
    abstract String string(String v);

    /** A small count kept in one byte. */
    final int count8(final int v) {
        return i8((byte) v);
    }

    final boolean flag(final boolean v) {
        return i8((byte) (v ? 1 : 0)) == 1;
    }

    /** Whether an optional value is there: written as a flag before it. */
    final boolean present(final Object v) {
        return flag(v != null);
    }

    /** A non-null enum as its ordinal. */
    final <E extends Enum<E>> E ordinal(final E v, final E[] values) {
        return values[i8(v == null ? 0 : (byte) v.ordinal())];
    }

    /** An enum that may be null: 0 for null, else its ordinal + 1. */
    final <E extends Enum<E>> E nullable(final E v, final E[] values) {
        final byte code = i8((byte) (v == null ? 0 : v.ordinal() + 1));
        return code == 0 ? null : values[code - 1];
    }

    /** Version 3 added the coulomb and instrument counts, the steps and the rest inside. */
    final HalfCycle halfCycle(final HalfCycle h) {
        final boolean w = !reading();
        final Direction direction = nullable(w ? h.direction() : null, Direction.values());
        final long start = i64(w ? h.startMs() : 0);
        final long end = i64(w ? h.endMs() : 0);
        final double capacity = f64(w ? h.capacityAh() : 0);
        final EndReason reason = nullable(w ? h.endReason() : null, EndReason.values());
        final int samples = i32(w ? h.sampleCount() : 0);
        final int gaps = i32(w ? h.gapCount() : 0);
        final long gapMs = i64(w ? h.gapMs() : 0);
        final double endV = f64(w ? h.endVoltageV() : 0);
        final int cycle = i32(w ? h.cyclerCycleIndex() : 0);
        if (version < 3) {
            return w ? h : new HalfCycle(direction, start, end, capacity, reason, samples, gaps, gapMs, endV, cycle);
        }
        final double coulomb = f64(w ? h.coulombAh() : 0);
        final double instrument = f64(w ? h.instrumentAh() : 0);
        final int steps = i32(w ? h.steps() : 0);
        final long rest = i64(w ? h.restMs() : 0);
        return w ? h : new HalfCycle(direction, start, end, capacity, reason, samples, gaps, gapMs, endV, cycle,
                coulomb, instrument, steps, rest);
    }

    /** The deepest excursion is only there when there were excursions, the low tail only when the half ended low. */
    final HalfSummary halfSummary(final HalfSummary s) {
        final boolean w = !reading();
        final Direction direction = ordinal(w ? s.direction() : null, Direction.values());
        final long start = i64(w ? s.startMs() : 0);
        final long end = i64(w ? s.endMs() : 0);
        final double current = f64(w ? s.currentA() : 0);
        final double plateau = f64(w ? s.plateauV() : 0);
        final double reference = f64(w ? s.referenceV() : 0);
        final double noise = f64(w ? s.noiseV() : 0);
        final double min = f64(w ? s.minAbsV() : 0);
        final double step = f64(w ? s.maxStepV() : 0);
        final double interval = f64(w ? s.loggingIntervalS() : 0);
        final double maxInterval = f64(w ? s.maxIntervalS() : 0);
        final double nucleation = f64(w ? s.nucleationV() : 0);
        final double dcr = f64(w ? s.dcResistanceOhm() : 0);
        final int excursions = i32(w ? s.excursions() : 0);
        final boolean any = excursions > 0;
        final long excStart = any ? i64(w ? s.excStartMs() : 0) : 0;
        final long excEnd = any ? i64(w ? s.excEndMs() : 0) : 0;
        final double depth = any ? f64(w ? s.excDepth() : 0) : 0;
        final double excMin = any ? f64(w ? s.excMinAbsV() : 0) : Double.NaN;
        final boolean recovered = any && flag(w && s.excRecovered());
        final boolean atOnset = any && flag(w && s.excAtOnset());
        final long first = any ? i64(w ? s.firstExcursionMs() : 0) : 0;
        final long last = any ? i64(w ? s.lastExcursionEndMs() : 0) : 0;
        final double low = f64(w ? s.lowFraction() : 0);
        final long lowSince = low > 0 ? i64(w ? s.lowSinceMs() : 0) : 0;
        final double lowR = low > 0 ? f64(w ? s.lowResistanceOhm() : 0) : Double.NaN;
        final int lowN = low > 0 ? i32(w ? s.lowSamples() : 0) : 0;
        final double ownSide = version() >= 4 ? f64(w ? s.ownSideFraction() : 0) : Double.NaN;
        return w ? s : new HalfSummary(direction, start, end, current, plateau, reference, noise, min, step, interval,
                maxInterval, nucleation, dcr, excursions, excStart, excEnd, depth, excMin, recovered, atOnset, first,
                last, low, lowSince, lowR, lowN, ownSide);
    }

    final RestObservation restObservation(final RestObservation r) {
        final boolean w = !reading();
        final RestObservation read = new RestObservation(i32(w ? r.cycleNumber() : 0),
                ordinal(w ? r.after() : null, Direction.values()), flag(w && r.afterCutoff()),
                i64(w ? r.startMs() : 0), f64(w ? r.startV() : 0), i64(w ? r.endMs() : 0), f64(w ? r.endV() : 0),
                i32(w ? r.samples() : 0));
        return w ? r : read;
    }
}
