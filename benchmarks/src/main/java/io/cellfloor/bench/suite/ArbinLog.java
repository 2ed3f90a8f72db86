package io.cellfloor.bench.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Random;

/**
 * The cycler's data logger: it sees the cell at every internal tick and writes an Arbin CSV row when the logging
 * rule says so (interval with jitter, voltage change, step start and end). It also keeps the instrument's own
 * per-cycle capacity and energy counters, which integrate at every tick rather than at every logged row.
 * Arbin signs current positive for charge, so plating Li onto the collector is a discharge.
 */
final class ArbinLog {
    static final String HEADER = "Data_Point,Test_Time,DateTime,Step_Time,Step_Index,Cycle_Index,Current,Voltage,"
            + "Charge_Capacity,Discharge_Capacity,Charge_Energy,Discharge_Energy,dV/dt,Internal_Resistance,"
            + "Temperature";
    private static final long START_EPOCH_S = 1_767_225_600L;

    private final Writer out;
    private final Logging logging;
    private final Random random;
    private long points;
    private int step = -1;
    private int cycle = -1;
    private double stepStart;
    private double nextDue;
    private double lastLoggedV;
    private double lastLoggedT;
    private double chargeAh;
    private double dischargeAh;
    private double chargeWh;
    private double dischargeWh;
    private double lastT;
    private boolean pending;
    private double pT;
    private double pI;
    private double pV;

    ArbinLog(final Writer out, final Logging logging, final Random random) {
        this.out = out;
        this.logging = logging;
        this.random = random;
        write(HEADER + "\n");
    }

    /** The cell at test time {@code t} seconds, in the given cycler step and cycle. */
    void tick(final double t, final int stepIndex, final int cycleIndex, final double currentA, final double voltageV) {
        final double measuredV = voltageV + random.nextGaussian() * logging.noiseV();
        final double measuredI = currentA == 0 ? random.nextGaussian() * 2e-9
                : currentA * (1 + random.nextGaussian() * 1e-4);
        if (cycleIndex != cycle) {
            chargeAh = 0;
            dischargeAh = 0;
            chargeWh = 0;
            dischargeWh = 0;
        } else {
            final double dtH = (t - lastT) / 3600.0;
            if (currentA > 0) {
                chargeAh += currentA * dtH;
                chargeWh += currentA * voltageV * dtH;
            } else if (currentA < 0) {
                dischargeAh -= currentA * dtH;
                dischargeWh -= currentA * voltageV * dtH;
            }
        }
        lastT = t;
        final boolean newStep = stepIndex != step || cycleIndex != cycle;
        if (newStep) {
            flushPending();
            step = stepIndex;
            cycle = cycleIndex;
            stepStart = t;
            row(t, measuredI, measuredV);
            return;
        }
        if (t >= nextDue || Math.abs(measuredV - lastLoggedV) >= logging.deltaV()) {
            row(t, measuredI, measuredV);
            return;
        }
        pending = true;
        pT = t;
        pI = measuredI;
        pV = measuredV;
    }

    /** Writes the last tick of the step that is ending, as cyclers log the point where a limit was met. */
    void flushPending() {
        if (pending) {
            row(pT, pI, pV);
        }
    }

    long points() {
        return points;
    }

    private void row(final double t, final double currentA, final double voltageV) {
        pending = false;
        points++;
        final double dvdt = t > lastLoggedT ? (voltageV - lastLoggedV) / (t - lastLoggedT) : 0;
        lastLoggedV = voltageV;
        lastLoggedT = t;
        nextDue = t + logging.intervalS() * (1 + 0.01 * (random.nextDouble() - 0.5));
        final double jitterS = random.nextInt(4) / 1000.0;
        write(String.format(Locale.ROOT, "%d,%.3f,%.3f,%.3f,%d,%d,%.6E,%.6f,%.6E,%.6E,%.6E,%.6E,%.4E,0,25.0%n",
                points, t + jitterS, START_EPOCH_S + t + jitterS, t - stepStart + jitterS, step, cycle, currentA,
                voltageV, chargeAh, dischargeAh, chargeWh, dischargeWh, dvdt));
    }

    private void write(final String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated cycler file", e);
        }
    }
}
