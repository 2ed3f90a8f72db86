package io.cellfloor.domain;

/**
 * Thresholds of the CE-jump detector. A jump is a departure from the channel's own recent CE, predicted from the level
 * and local trend of its last healthy cycles (medians, robust to one odd cycle), by more than
 * {@code max(floor, jumpSigmas x robust sigma)}; not a fixed 100 % line, because Li/SSE/CC cells run anywhere from
 * 2 % (bare Cu) to 88 % (Au@Cu) and drift over their first cycles (LPSC on SS: 65.1 % to 56.3 % in five).
 *
 * @param historyCycles   how many recent healthy cycles make the baseline (at most {@link CeHistory#CAPACITY})
 * @param minHistory      no relative judgement before this many: the paper's stable LPSC stage is five cycles
 * @param trendCycles     the trend is the median of the cycle-to-cycle slopes among only the most recent this-many:
 *                        a CE that settles exponentially (bare Cu: 60 % to 2 % within ~15 cycles) is locally straight,
 *                        globally not, and a line through ten cycles of it would predict a negative CE
 * @param jumpSigmas      departure in robust standard deviations of the prediction; the scatter is estimated from the
 *                        second differences of the whole history (1.4826 x MAD / sqrt 6), which a steady trend or a
 *                        smooth settling curve does not inflate, and widened for the uncertainty of level and trend
 *                        from few cycles (x1.6 one cycle ahead of three). 4.5 keeps a Gaussian false alarm per cycle
 *                        near 3e-6 and still finds the paper's smallest jump (56.3 % to 64.6 %) against a scatter of
 *                        1 point
 * @param minSigmaPct     the scatter is never taken below this (CE points) for Li cells: a fit through 3-10 points can
 *                        come out implausibly tight; the simulator's and the paper's cells scatter 0.5-1.5 points
 * @param floorPct        and a departure smaller than this many CE points is never a jump for Li cells (the paper's
 *                        smallest jump is 56.3 % to 64.6 %, 8 points above a falling baseline)
 * @param fullMinSigmaPct the scatter floor for full cells, whose CE is precise to hundredths
 * @param fullFloorPct    the smallest jump for full cells
 * @param plausibleMaxPct a Li/SSE/CC cell cannot strip more Li than it plated: a CE above this is a leak whatever the
 *                        history (Au@Cu alloying reaches 100.76 % in its first cycle and is not flagged)
 * @param extrapolationCycles the baseline line is never extrapolated further than this beyond its last cycle
 * @param currentChangeFraction a cycle whose current differs from the last one by more than this fraction starts a new
 *                        baseline (a deliberate change of current density moves CE and voltage without a breakdown)
 * @param firstCycleMaxPct a Li/SSE/CC cell's first cycle whose strip reached the cut-off may exceed 100 % up to this:
 *                        Li alloyed into a coating (Au, Ag) or a Li-rich interphase in the first plating comes back in
 *                        the first strip on top of the plated Li (Au@Cu in the paper: 100.76 %). A coating's alloy
 *                        capacity is a fraction of the plated Li, so a first CE far above it is still a leak
 * @param currentStepAllowancePct the cycle at a new current is still judged against the baseline learnt at the old
 *                        one, with this many CE points added to the threshold, before the baseline starts afresh: a
 *                        change of current density moves a Li cell's CE by a few points (more or less dead Li), a
 *                        leak that opens with the step (a critical-current-density test) moves it by tens, and without
 *                        this judgement it would be learnt as the new baseline
 */
public record CeRules(
        int historyCycles,
        int minHistory,
        int trendCycles,
        double jumpSigmas,
        double minSigmaPct,
        double floorPct,
        double fullMinSigmaPct,
        double fullFloorPct,
        double plausibleMaxPct,
        int extrapolationCycles,
        double currentChangeFraction,
        double firstCycleMaxPct,
        double currentStepAllowancePct) {

    public static final CeRules DEFAULTS = new CeRules(10, 3, 4, 4.5, 1.0, 5.0, 0.1, 1.0, 105.0, 3, 0.10, 125.0, 10.0);

    public CeRules {
        if (historyCycles < 2 || historyCycles > CeHistory.CAPACITY || minHistory < 2 || minHistory > historyCycles
                || trendCycles < 2) {
            throw new IllegalArgumentException("CE history must hold 2.." + CeHistory.CAPACITY
                    + " cycles, need 2..historyCycles of them and fit >= 2, got " + historyCycles + ", " + minHistory
                    + " and " + trendCycles);
        }
    }
}
