package io.cellfloor.domain;

/**
 * The Adams/Aurbach reservoir protocol behind the average CE (paper eq. 2): plate a reservoir
 * {@code reservoirMAh} (Q_T), cycle {@code cycledMAh} (Q_C) {@code cycles} (n) times, then strip everything.
 */
public record AverageCeProtocol(double reservoirMAh, double cycledMAh, int cycles) {
    public AverageCeProtocol {
        if (!(reservoirMAh > 0) || !(cycledMAh > 0) || cycles < 1) {
            throw new IllegalArgumentException("average-CE protocol needs Q_T > 0, Q_C > 0 and n >= 1, got Q_T="
                    + reservoirMAh + " mAh, Q_C=" + cycledMAh + " mAh, n=" + cycles);
        }
    }
}
