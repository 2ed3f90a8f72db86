package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Pins the bytes that running state stores hold (see {@link GoldenStates}). The files under {@code golden/} are the
 * current version's (6): today's code must read them as the same state, write the same state to the same bytes, and
 * continue from them exactly as from the state that was never stored. The files under {@code golden/v2/} were written
 * by the version-2 code before the state codec was rewritten, those under {@code golden/v3/} by version 3 (cuts at
 * the cycler's index, instrument counters): both must still be read, and continue cycle for cycle (detection itself
 * has changed since, so not to the same events). Those under {@code golden/v4/} (issue 13's detection) and
 * {@code golden/v5/} (with the span of the cycler cycle in progress) must continue to exactly the cycles they did,
 * the drift sums of {@link DriftCusum} (version 6) starting afresh: none of these short cases runs long enough at one
 * current for them to matter.
 * {@code -Dgolden.write=true} rewrites the current files; only do that on a deliberate format change, with a new
 * version, keeping the old ones beside them.
 */
class GoldenStateBytesTest {
    private static final Path RESOURCES = Path.of("src/test/resources/golden");

    @Test
    void shouldReadVersion2StateBytesAsTheStateTheyWereWrittenFrom() throws IOException {
        for (final GoldenStates.Case c : GoldenStates.cases()) {
            final byte[] golden = GoldenStates.unhex(resource("v2/" + c.name() + ".state.hex"));
            assertThat(golden[0]).as(c.name()).isEqualTo((byte) 2);

            final CycleState restored = decode(golden);

            assertThat(GoldenStates.describe(restored)).as(c.name()).isEqualTo(expected("v2/" + c.name()).get(0));
            assertThat(continueFrom(restored, c)).as(c.name()).hasSize(expected("v2/" + c.name()).size() - 1);
        }
    }

    @Test
    void shouldReadVersion3StateBytesAndContinueCycleForCycle() throws IOException {
        for (final GoldenStates.Case c : GoldenStates.cases()) {
            final byte[] golden = GoldenStates.unhex(resource("v3/" + c.name() + ".state.hex"));
            assertThat(golden[0]).as(c.name()).isEqualTo((byte) 3);

            final CycleState restored = decode(golden);

            assertThat(GoldenStates.describe(restored)).as(c.name()).isEqualTo(expected(c.name()).get(0));
            assertThat(continueFrom(restored, c)).as(c.name()).hasSize(expected(c.name()).size() - 1);
        }
    }

    @Test
    void shouldReadVersion4StateBytesAndContinueExactlyAsTheyDid() throws IOException {
        for (final GoldenStates.Case c : GoldenStates.cases()) {
            final byte[] golden = GoldenStates.unhex(resource("v4/" + c.name() + ".state.hex"));
            assertThat(golden[0]).as(c.name()).isEqualTo((byte) 4);
            final List<String> expected = expected("v4/" + c.name());

            final CycleState restored = decode(golden);

            assertThat(GoldenStates.describe(restored)).as(c.name()).isEqualTo(expected.get(0));
            // rendered then, cycles had no explicit span at the end of their line
            assertThat(continueFrom(restored, c)).as(c.name())
                    .map(line -> line.replaceFirst(", startMs=-?\\d+, endMs=-?\\d+]$", "]"))
                    .isEqualTo(expected.subList(1, expected.size()));
        }
    }

    @Test
    void shouldReadVersion5StateBytesAndContinueExactlyAsTheyDid() throws IOException {
        for (final GoldenStates.Case c : GoldenStates.cases()) {
            final byte[] golden = GoldenStates.unhex(resource("v5/" + c.name() + ".state.hex"));
            assertThat(golden[0]).as(c.name()).isEqualTo((byte) 5);
            final List<String> expected = expected("v5/" + c.name());

            final CycleState restored = decode(golden);

            assertThat(GoldenStates.describe(restored)).as(c.name()).isEqualTo(expected.get(0));
            assertThat(continueFrom(restored, c)).as(c.name()).isEqualTo(expected.subList(1, expected.size()));
        }
    }

    @Test
    void shouldReadTodaysStateBytesAsTheStateTheyWereWrittenFrom() throws IOException {
        for (final GoldenStates.Case c : GoldenStates.cases()) {
            final byte[] golden = GoldenStates.unhex(resource(c.name() + ".state.hex"));
            assertThat(golden[0]).as(c.name()).isEqualTo(StateCodec.CYCLE_STATE_VERSION);

            final CycleState restored = decode(golden);

            assertThat(GoldenStates.describe(restored)).as(c.name()).isEqualTo(expected(c.name()).get(0));
            assertThat(GoldenStates.hex(encode(restored))).as(c.name()).isEqualTo(GoldenStates.hex(golden));
        }
    }

    @Test
    void shouldWriteTodaysStatesToTheGoldenBytes() throws IOException {
        for (final GoldenStates.Case c : GoldenStates.cases()) {
            assertThat(GoldenStates.hex(encode(stateBefore(c)))).as(c.name())
                    .isEqualTo(resource(c.name() + ".state.hex").strip());
        }
    }

    @Test
    void shouldContinueFromGoldenBytesAsFromTheStateThatWasNeverStored() throws IOException {
        for (final GoldenStates.Case c : GoldenStates.cases()) {
            final List<String> expected = expected(c.name());

            final byte[] golden = GoldenStates.unhex(resource(c.name() + ".state.hex"));
            final List<String> restored = continueFrom(decode(golden), c);
            final CycleState original = new CycleState();
            original.reset("golden");
            final List<String> uninterrupted = new ArrayList<>();
            final CycleAssembler a = new CycleAssembler(CycleRules.DEFAULTS, c.cell(), original,
                    cycle -> uninterrupted.add(GoldenStates.render(cycle)));
            GoldenStates.feed(a, c.samples());
            a.finish();

            assertThat(restored).as(c.name()).isEqualTo(expected.subList(1, expected.size()));
            assertThat(uninterrupted.subList(uninterrupted.size() - restored.size(), uninterrupted.size()))
                    .as(c.name()).isEqualTo(restored);
            assertThat(restored).as(c.name()).isNotEmpty();
        }
    }

    @Test
    void shouldReadVersion1ReorderBufferBytesWithTheSamplesInOrder() throws IOException {
        final byte[] golden = GoldenStates.unhex(resource("reorder-buffer.hex"));
        final String v2 = resource("reorder-buffer.v2.hex").strip();
        assertThat(GoldenStates.hex(StateCodec.encode(StateCodec.decodeReorderBuffer(golden)))).isEqualTo(v2);
        assertThat(drain(StateCodec.decodeReorderBuffer(golden))).isEqualTo(resource("reorder-buffer.expected.txt"));
        assertThat(drain(StateCodec.decodeReorderBuffer(GoldenStates.unhex(v2))))
                .isEqualTo(resource("reorder-buffer.expected.txt"));
        assertThat(GoldenStates.hex(StateCodec.encode(filledBuffer()))).isEqualTo(v2);
    }

    @Test
    @EnabledIfSystemProperty(named = "golden.write", matches = "true")
    void writeGoldenFiles() throws IOException {
        Files.createDirectories(RESOURCES);
        for (final GoldenStates.Case c : GoldenStates.cases()) {
            final CycleState state = stateBefore(c);
            final byte[] bytes = encode(state);
            final List<String> lines = new ArrayList<>();
            lines.add(GoldenStates.describe(state));
            lines.addAll(continueFrom(decode(bytes), c));
            Files.writeString(RESOURCES.resolve(c.name() + ".state.hex"), GoldenStates.hex(bytes) + "\n");
            Files.write(RESOURCES.resolve(c.name() + ".expected.txt"), lines);
        }
    }

    private static CycleState stateBefore(final GoldenStates.Case c) {
        final CycleState state = new CycleState();
        state.reset("golden");
        state.lastSequence(41);
        final CycleAssembler a = new CycleAssembler(CycleRules.DEFAULTS, c.cell(), state, cycle -> { });
        GoldenStates.feed(a, c.before());
        return state;
    }

    private static List<String> continueFrom(final CycleState state, final GoldenStates.Case c) {
        final List<String> out = new ArrayList<>();
        final CycleAssembler a = new CycleAssembler(CycleRules.DEFAULTS, c.cell(), state,
                cycle -> out.add(GoldenStates.render(cycle)));
        GoldenStates.feed(a, c.after());
        a.finish();
        return out;
    }

    private static ReorderBuffer filledBuffer() {
        final ReorderBuffer buffer = new ReorderBuffer();
        GoldenStates.fillBuffer(s -> buffer.offer((long) s[0], s[1], s[2], Sample.NO_INDEX, (int) s[3],
                s[4] == 0 ? null : Direction.values()[(int) s[4] - 1], Double.NaN, Double.NaN));
        buffer.release(2500, (t, i, v, step, k, d, qc, qd) -> { });
        return buffer;
    }

    /** Releases with a grace, then everything, one line per sample in the order released. */
    private static String drain(final ReorderBuffer buffer) {
        final StringBuilder out = new StringBuilder();
        final ReorderBuffer.Sink sink = (t, i, v, step, k, d, qc, qd) -> out.append(t).append(' ').append(i).append(' ').append(v)
                .append(' ').append(k).append(' ').append(d).append('\n');
        buffer.offer(1_767_225_600_000L + 12_000, 0.002, 0.06, Sample.NO_INDEX, 5, null, Double.NaN, Double.NaN);
        buffer.release(2500, sink);
        out.append("--\n");
        buffer.releaseAll(sink);
        return out.toString();
    }

    private static byte[] encode(final CycleState state) {
        return StateCodec.encode(state);
    }

    private static CycleState decode(final byte[] bytes) {
        return StateCodec.decodeCycleState(bytes);
    }

    private static List<String> expected(final String name) throws IOException {
        return resource(name + ".expected.txt").lines().toList();
    }

    private static String resource(final String name) throws IOException {
        try (InputStream in = GoldenStateBytesTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IOException("golden file " + name + " is missing from src/test/resources/golden");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
