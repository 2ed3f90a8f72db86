package io.cellfloor.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the generator's physics and labels, never a detector's score. */
class ChannelGeneratorTest {
    private static final Electrode CU = Electrode.bare(0.035, 0.1, 0.025);

    @TempDir
    Path dir;

    private static Scenario cell(final String name, final List<CycleRecipe> cycles, final double cutoff) {
        return new Scenario(name, "test", "ASYMMETRIC", "LPSC", "Cu", 0.785, 0.25, -1.0, cutoff, 50, CU,
                Logging.every(10, 3, 0.2), 300, 900, cycles, 42);
    }

    @Test
    void shouldGiveAHealthyCellACeBetween95And100PercentAndPlateausNearZero() throws IOException {
        final List<CycleLabel> labels = ChannelGenerator.write(cell("healthy",
                new Story(1, 6, 0.5, 0.25).loss(0.03, 0.03, 0.01).build(), 1.5), dir);

        assertThat(labels).hasSize(6).allSatisfy(l -> {
            assertThat(l.cePercent()).isBetween(95.0, 100.0);
            assertThat(l.stripEnd()).isEqualTo("CUTOFF");
            assertThat(l.plateauPlatingV()).isBetween(-0.100, -0.020);
            assertThat(l.plateauStripV()).isBetween(0.020, 0.100);
            assertThat(l.maxV()).isBetween(1.5, 1.53);
            assertThat(l.stage()).isEqualTo("STABLE");
            assertThat(l.breakdown()).isFalse();
        });
    }

    @Test
    void shouldRaiseCeAbove100PercentWhenAContactLeaksDuringTheStrip() throws IOException {
        final List<CycleRecipe> cycles = new Story(2, 4, 0.5, 0.25).loss(0.03, 0.03, 0.0).build();
        final CycleRecipe shorted = cycles.get(2).withPhase(Phase.ISOLATED,
                List.of(new Contact(Half.STRIP, 200, 900, 0.9)), Double.POSITIVE_INFINITY);
        final List<CycleLabel> labels = ChannelGenerator.write(cell("leaky",
                List.of(cycles.get(0), cycles.get(1), shorted, cycles.get(3)), 1.5), dir);

        assertThat(labels.get(2).cePercent()).isGreaterThan(100.0);
        assertThat(labels.get(2).kinds()).containsExactly("VOLTAGE_DROP");
        assertThat(labels.get(2).leakFraction()).isGreaterThan(0.3);
        assertThat(labels.get(3).cePercent()).isBetween(95.0, 100.0);
        assertThat(labels.stream().map(CycleLabel::stage).toList())
                .containsExactly("STABLE", "STABLE", "RECOVERABLE", "RECOVERABLE");
    }

    @Test
    void shouldHoldAHardShortedCellNearZeroVoltsWithoutReachingTheCutoff() throws IOException {
        final List<CycleLabel> labels = ChannelGenerator.write(cell("hard",
                new Story(3, 3, 0.5, 0.25).loss(0.03, 0.03, 0.0).hard(2, 20).build(), 1.5), dir);

        assertThat(labels.get(0).stripEnd()).isEqualTo("CUTOFF");
        assertThat(labels.get(1).stripEnd()).isEqualTo("TIME");
        assertThat(labels.get(2).maxV()).isLessThan(0.02);
        assertThat(labels.get(2).minV()).isGreaterThan(-0.02);
        assertThat(labels.stream().map(CycleLabel::stage).toList())
                .containsExactly("STABLE", "HARD_SHORT", "HARD_SHORT");
    }

    @Test
    void shouldCallPersistentContactsIrrecoverableFromTheSecondConsecutiveCycle() {
        final List<CycleRecipe> cycles = new Story(4, 12, 0.5, 0.25).isolated(3).persistent(7, 9).hard(11, 20)
                .build();

        assertThat(StageLabels.of(cycles)).containsExactly("STABLE", "STABLE", "RECOVERABLE", "RECOVERABLE",
                "RECOVERABLE", "RECOVERABLE", "RECOVERABLE", "IRRECOVERABLE", "IRRECOVERABLE", "IRRECOVERABLE",
                "HARD_SHORT", "HARD_SHORT");
    }

    @Test
    void shouldStartAnAlloyingPlatingAboveZeroVoltsAndGiveAFirstCycleCeAbove100() throws IOException {
        final Scenario gold = new Scenario("gold", "test", "ASYMMETRIC", "LPSC", "Au@Cu", 0.785, 0.25, -1.0, 1.5, 50,
                CU.alloying(0.12, 0.3), Logging.every(10, 3, 0.2), 300, 900,
                new Story(5, 3, 0.5, 0.25).loss(-0.05, 0.1, 0.0).build(), 7);
        final List<CycleLabel> labels = ChannelGenerator.write(gold, dir);

        assertThat(labels.get(0).cePercent()).isBetween(100.5, 110.0);
        assertThat(labels.get(1).cePercent()).isBetween(85.0, 95.0);
        final double firstPlatingMinuteMax = Files.readAllLines(dir.resolve("gold.csv")).stream().skip(1)
                .map(l -> l.split(",")).filter(f -> f[5].equals("2") && f[4].equals("2"))
                .filter(f -> Double.parseDouble(f[3]) > 30 && Double.parseDouble(f[3]) < 120)
                .mapToDouble(f -> Double.parseDouble(f[7])).max().orElseThrow();
        assertThat(firstPlatingMinuteMax).isGreaterThan(0.05);
    }

    @Test
    void shouldKeepStepsInsideAPlatingInTheSameCycleIndex() throws IOException {
        ChannelGenerator.write(cell("paused", new Story(6, 3, 0.5, 0.25).loss(0.03, 0.03, 0.0)
                .interrupt(n -> n == 2, n -> n == 2).build(), 1.5), dir);

        try (Stream<String> lines = Files.lines(dir.resolve("paused.csv"))) {
            final List<String[]> cycle2 = lines.skip(1).map(l -> l.split(",")).filter(f -> f[5].equals("2"))
                    .toList();
            assertThat(cycle2.stream().map(f -> f[4]).distinct().toList())
                    .containsExactly("2", "3", "4", "6", "5", "7", "8", "9");
            assertThat(cycle2.stream().filter(f -> f[4].equals("3")).mapToDouble(f -> Double.parseDouble(f[6])))
                    .allMatch(i -> Math.abs(i) < 1e-7);
        }
    }

    @Test
    void shouldLogOnVoltageChangeOnlyWhenNoIntervalIsSet() throws IOException {
        final Scenario s = new Scenario("change", "test", "ASYMMETRIC", "LPSC", "Cu", 0.785, 0.25, -1.0, 1.5, 50, CU,
                Logging.onChangeOnly(5, 0.2), 300, 900, new Story(8, 2, 0.5, 0.25).loss(0.03, 0.03, 0.0).build(), 9);
        ChannelGenerator.write(s, dir);

        final List<String[]> rows = Files.readAllLines(dir.resolve("change.csv")).stream().skip(1)
                .map(l -> l.split(",")).toList();
        final long strip = rows.stream().filter(f -> f[4].equals("8")).count();
        final long riseToCutoff = rows.stream().filter(f -> f[4].equals("8") && Double.parseDouble(f[7]) > 0.15)
                .count();
        assertThat(riseToCutoff * 2).isGreaterThan(strip);
    }

    @Test
    void shouldWriteTheSameFilesForTheSameSeed() throws IOException {
        final Scenario s = Families.all(13).get(0);
        ChannelGenerator.write(s, dir.resolve("a"));
        ChannelGenerator.write(s, dir.resolve("b"));

        assertThat(Files.mismatch(dir.resolve("a").resolve(s.name() + ".csv"),
                dir.resolve("b").resolve(s.name() + ".csv"))).isEqualTo(-1L);
    }
}
