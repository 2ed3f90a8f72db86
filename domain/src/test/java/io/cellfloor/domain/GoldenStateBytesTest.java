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
 * Pins the bytes that running state stores hold: the files under {@code golden/} were written by the version-2 code
 * before the state codec was rewritten (see {@link GoldenStates}), the {@code .v3} ones by version 3 (cycler cuts). Today's code must read them as the same state,
 * write the same state to the same bytes, and continue from them exactly as from the state that was never stored.
 * {@code -Dgolden.write=true} rewrites the files; only do that on a deliberate format change, with a new version.
 */
class GoldenStateBytesTest {
    private static final Path RESOURCES = Path.of("src/test/resources/golden");

    @Test
    void shouldReadVersion2StateBytesAsTheStateTheyWereWrittenFrom() throws IOException {
        for (final GoldenStates.Case c : GoldenStates.cases()) {
            final byte[] golden = GoldenStates.unhex(resource(c.name() + ".state.hex"));
            assertThat(golden[0]).as(c.name()).isEqualTo((byte) 2);

            final CycleState restored = decode(golden);

            assertThat(GoldenStates.describe(restored)).as(c.name()).isEqualTo(expected(c.name()).get(0));
            // written again, it is today's version, and reads back as the same state
            assertThat(encode(restored)[0]).isEqualTo(StateCodec.CYCLE_STATE_VERSION);
            assertThat(GoldenStates.describe(decode(encode(restored)))).as(c.name())
                    .isEqualTo(expected(c.name()).get(0));
        }
    }

    @Test
    void shouldWriteTodaysStatesToTheGoldenBytes() throws IOException {
        for (final GoldenStates.Case c : GoldenStates.cases()) {
            assertThat(GoldenStates.hex(encode(stateBefore(c)))).as(c.name())
                    .isEqualTo(resource(c.name() + ".v3.state.hex").strip());
        }
    }

    @Test
    void shouldContinueFromGoldenBytesAsFromTheStateThatWasNeverStored() throws IOException {
        for (final String[] version : new String[][] {{"v2", ".state.hex"}, {"v3", ".v3.state.hex"}}) {
            for (final GoldenStates.Case c : GoldenStates.cases()) {
                continuesAsNeverStored(c, version[0], GoldenStates.unhex(resource(c.name() + version[1])));
            }
        }
    }

    private static void continuesAsNeverStored(final GoldenStates.Case c, final String version, final byte[] golden)
            throws IOException {
        {
            final List<String> expected = expected(c.name());
            final List<String> restored = continueFrom(decode(golden), c);
            final CycleState original = new CycleState();
            original.reset("golden");
            final List<String> uninterrupted = new ArrayList<>();
            final CycleAssembler a = new CycleAssembler(CycleRules.DEFAULTS, c.cell(), original,
                    cycle -> uninterrupted.add(GoldenStates.render(cycle)));
            GoldenStates.feed(a, c.samples());
            a.finish();

            assertThat(restored.stream().map(GoldenStates::withoutVersion3Fields).toList()).as(c.name() + " " + version)
                    .isEqualTo(expected.subList(1, expected.size()));
            assertThat(uninterrupted.subList(uninterrupted.size() - restored.size(), uninterrupted.size()))
                    .as(c.name() + " " + version).isEqualTo(restored);
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
            // the version-2 files stay as they were written; only today's version is (re)written
            Files.writeString(RESOURCES.resolve(c.name() + ".v3.state.hex"), GoldenStates.hex(bytes) + "\n");
        }
        final ReorderBuffer buffer = filledBuffer();
        Files.writeString(RESOURCES.resolve("reorder-buffer.v2.hex"), GoldenStates.hex(StateCodec.encode(buffer))
                + "\n");
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
