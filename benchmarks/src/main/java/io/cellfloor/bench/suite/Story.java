package io.cellfloor.bench.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * Builds the cycle recipes of one channel: current density per cycle, Li lost per cycle, where isolated dendrite
 * contacts happen, from when they persist (growing each cycle), from when a permanent ohmic short exists, and
 * which cycles carry a confounder. Contact times scale with each cycle's half-cycle duration.
 */
final class Story {
    private final Random random;
    private final double arealCapacity;
    private final List<CycleRecipe> cycles = new ArrayList<>();

    Story(final long seed, final int count, final double currentDensity, final double arealCapacity) {
        this.random = new Random(seed);
        this.arealCapacity = arealCapacity;
        for (int n = 1; n <= count; n++) {
            cycles.add(CycleRecipe.normal(n, currentDensity, 0.05));
        }
    }

    /** Current density steps of a critical current density test: {@code perStep} cycles at each value. */
    Story steps(final int perStep, final double... densities) {
        for (int i = 0; i < cycles.size(); i++) {
            final CycleRecipe c = cycles.get(i);
            final double j = densities[Math.min(densities.length - 1, i / perStep)];
            cycles.set(i, new CycleRecipe(c.cycle(), j, c.phase(), c.contacts(), c.persistentShortOhm(),
                    c.lossFraction(), false, false, i > 0 && i % perStep == 0 ? "current step" : null));
        }
        return this;
    }

    Story loss(final double first, final double base, final double spread) {
        for (int i = 0; i < cycles.size(); i++) {
            final CycleRecipe c = cycles.get(i);
            final double loss = i == 0 ? first : base + spread * (2 * random.nextDouble() - 1);
            cycles.set(i, new CycleRecipe(c.cycle(), c.currentDensityMAcm2(), c.phase(), c.contacts(),
                    c.persistentShortOhm(), loss, c.pauseInPlating(), c.eisInPlating(), c.confounder()));
        }
        return this;
    }

    Story confound(final String name, final IntPredicate cycle) {
        cycles.replaceAll(c -> cycle.test(c.cycle()) ? c.withConfounder(name) : c);
        return this;
    }

    Story interrupt(final IntPredicate pause, final IntPredicate eis) {
        cycles.replaceAll(c -> c.withInterruptions(pause.test(c.cycle()), eis.test(c.cycle())));
        return this;
    }

    /** An isolated contact in each given cycle: a drop in one half, or a burst of brief contacts. */
    Story isolated(final int... at) {
        for (final int n : at) {
            final CycleRecipe c = cycles.get(n - 1);
            final double half = halfS(c);
            final List<Contact> contacts = new ArrayList<>();
            final Half where = random.nextBoolean() ? Half.PLATE : Half.STRIP;
            if (random.nextDouble() < 0.65) {
                contacts.add(new Contact(where, half * (0.15 + 0.4 * random.nextDouble()),
                        half * (0.05 + 0.2 * random.nextDouble()), 0.5 + 0.35 * random.nextDouble()));
            } else {
                contacts.addAll(burst(where, half, 4 + random.nextInt(5), 0.3, 0.8));
            }
            cycles.set(n - 1, c.withPhase(Phase.ISOLATED, contacts, Double.POSITIVE_INFINITY));
        }
        return this;
    }

    /** From cycle {@code from} up to {@code to} inclusive, contacts in every cycle, deeper and longer each time. */
    Story persistent(final int from, final int to) {
        for (int n = from; n <= Math.min(to, cycles.size()); n++) {
            final CycleRecipe c = cycles.get(n - 1);
            final double half = halfS(c);
            final int i = n - from;
            final double depth = Math.min(0.95, 0.55 + 0.05 * i);
            final List<Contact> contacts = new ArrayList<>();
            contacts.add(new Contact(Half.PLATE, half * 0.3, half * Math.min(0.3, 0.05 + 0.02 * i), depth));
            contacts.add(new Contact(Half.STRIP, half * 0.1, half * Math.min(0.8, 0.2 + 0.05 * i), depth));
            contacts.addAll(burst(Half.STRIP, half * 0.1, 3, depth * 0.8, depth));
            cycles.set(n - 1, c.withPhase(Phase.PERSISTENT, contacts, Double.POSITIVE_INFINITY));
        }
        return this;
    }

    /** A permanent ohmic short of {@code ohm} from cycle {@code from} to the end. */
    Story hard(final int from, final double ohm) {
        for (int n = from; n <= cycles.size(); n++) {
            cycles.set(n - 1, cycles.get(n - 1).withPhase(Phase.HARD, List.of(), ohm));
        }
        return this;
    }

    /**
     * A leakage path that grows over {@code over} cycles from {@code from} on: its resistance falls geometrically
     * from {@code startLeakOhm} until the cell's DC resistance (the ionic path of {@code ionicOhm} in parallel with
     * the leak) is {@code endOhm}, and stays there. The cell is hard-shorted once the leak carries more current
     * than the electrolyte (R_leak below R_ionic).
     */
    Story gradual(final int from, final int over, final double ionicOhm, final double startLeakOhm,
                  final double endOhm) {
        final double endLeak = 1 / (1 / endOhm - 1 / ionicOhm);
        for (int n = from; n <= cycles.size(); n++) {
            final double progress = Math.min(1.0, (n - from) / (over - 1.0));
            final double leak = startLeakOhm * Math.pow(endLeak / startLeakOhm, progress);
            cycles.set(n - 1, cycles.get(n - 1).withPhase(leak < ionicOhm ? Phase.HARD : Phase.PERSISTENT, List.of(),
                    leak));
        }
        return this;
    }

    List<CycleRecipe> build() {
        return List.copyOf(cycles);
    }

    private List<Contact> burst(final Half where, final double half, final int count, final double minDepth,
                                final double maxDepth) {
        final List<Contact> contacts = new ArrayList<>();
        final double span = half * 0.7 / count;
        for (int k = 0; k < count; k++) {
            final double start = half * 0.1 + k * span + span * 0.3 * random.nextDouble();
            final double length = Math.max(2, Math.min(span * 0.5, 3 + 22 * random.nextDouble()));
            contacts.add(new Contact(where, start, length, minDepth + (maxDepth - minDepth) * random.nextDouble()));
        }
        return contacts;
    }

    private double halfS(final CycleRecipe c) {
        return arealCapacity / c.currentDensityMAcm2() * 3600;
    }
}
