package io.cellfloor.domain;

/** Direction of current in a sample; positive current charges the cell. */
public enum Direction {
    CHARGE,
    DISCHARGE,
    REST;

    /** The direction of {@code currentA}, treating |I| at or below {@code deadBandA} as rest. */
    public static Direction of(final double currentA, final double deadBandA) {
        if (currentA > deadBandA) {
            return CHARGE;
        }
        return currentA < -deadBandA ? DISCHARGE : REST;
    }
}
