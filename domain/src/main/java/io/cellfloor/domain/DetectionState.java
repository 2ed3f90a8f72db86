package io.cellfloor.domain;

import java.nio.ByteBuffer;

/**
 * What detection remembers about a channel across cycles: its healthy plateaus, noise and rest baselines, the CE
 * history, the stage, the rest being watched and the reservoir protocol's progress. Part of {@link CycleState}, and
 * encoded with it. Baselines are learnt only from cycles with no breakdown signature of their own.
 */
final class DetectionState {
    /** Last healthy plateau |V| per direction (index: {@link Direction#ordinal()} of CHARGE, DISCHARGE). */
    final double[] plateauV = {Double.NaN, Double.NaN};
    /** The |I| each of those plateaus was measured at. */
    final double[] plateauCurrentA = {Double.NaN, Double.NaN};
    double noiseBaselineV = Double.NaN;
    int noiseHalves;
    final CeHistory ce = new CeHistory();
    int measuredCycles;
    double lastCycleCurrentA = Double.NaN;
    CellStage stage = CellStage.STABLE;
    /** One bit per emitted cycle, bit 0 the latest: whether it had a breakdown. */
    int recent;
    final RestWatch rest = new RestWatch();
    /** A finished rest waiting for the cycle that reports it. */
    RestObservation restSeen;
    double restDecayV = Double.NaN;
    int restDecays;
    final AverageCeTracker averageCe = new AverageCeTracker();

    double plateau(final Direction d) {
        return d == Direction.REST ? Double.NaN : plateauV[d.ordinal()];
    }

    double plateauCurrent(final Direction d) {
        return d == Direction.REST ? Double.NaN : plateauCurrentA[d.ordinal()];
    }

    void write(final ByteBuffer b) {
        b.putDouble(plateauV[0]).putDouble(plateauV[1]).putDouble(plateauCurrentA[0]).putDouble(plateauCurrentA[1]);
        b.putDouble(noiseBaselineV).put((byte) noiseHalves);
        ce.write(b);
        b.putInt(measuredCycles).putDouble(lastCycleCurrentA).put((byte) stage.ordinal()).putInt(recent);
        rest.write(b);
        b.put((byte) (restSeen == null ? 0 : 1));
        if (restSeen != null) {
            restSeen.write(b);
        }
        b.putDouble(restDecayV).put((byte) restDecays);
        averageCe.write(b);
    }

    void read(final ByteBuffer b) {
        plateauV[0] = b.getDouble();
        plateauV[1] = b.getDouble();
        plateauCurrentA[0] = b.getDouble();
        plateauCurrentA[1] = b.getDouble();
        noiseBaselineV = b.getDouble();
        noiseHalves = b.get();
        ce.read(b);
        measuredCycles = b.getInt();
        lastCycleCurrentA = b.getDouble();
        stage = CellStage.values()[b.get()];
        recent = b.getInt();
        rest.read(b);
        restSeen = b.get() == 1 ? RestObservation.read(b) : null;
        restDecayV = b.getDouble();
        restDecays = b.get();
        averageCe.read(b);
    }
}
