package io.cellfloor.domain;

/**
 * When a cell is irrecoverable (paper Fig. 3d: "breakdowns in most cycles"): at least {@code breakdownCycles} of the
 * last {@code windowCycles} cycles (this one included) had a breakdown signature. The default 3 of 5 puts the paper's
 * compressed LPSC story (drop, CE jump, a normal cycle, fluctuation, 142.9 %, ...) in the irrecoverable stage at its
 * third breakdown cycle, the fluctuation, and keeps a cell with a breakdown every other cycle recoverable.
 */
public record StageRules(int windowCycles, int breakdownCycles) {

    public static final StageRules DEFAULTS = new StageRules(5, 3);

    public StageRules {
        if (windowCycles < 1 || windowCycles > 31 || breakdownCycles < 1 || breakdownCycles > windowCycles) {
            throw new IllegalArgumentException("need 1 <= breakdownCycles <= windowCycles <= 31, got "
                    + breakdownCycles + " of " + windowCycles);
        }
    }
}
