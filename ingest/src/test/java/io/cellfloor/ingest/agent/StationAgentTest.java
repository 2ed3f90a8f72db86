package io.cellfloor.ingest.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.domain.Sample;
import io.cellfloor.ingest.ChannelInfo;
import io.cellfloor.ingest.SampleSink;
import io.cellfloor.ingest.SampleSource;
import io.cellfloor.ingest.publish.Publisher;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator's agent against a recording publisher and a fake clock: batching, release, back-pressure. */
class StationAgentTest {
    private final long[] clock = {1_767_225_600_000L};
    private final List<Duration> slept = new ArrayList<>();
    private final Sleeper sleeper = d -> {
        slept.add(d);
        clock[0] += d.toMillis();
    };

    /** Records what it is handed; full for as many checks as {@code fullChecks} says. */
    private static final class RecordingPublisher implements Publisher {
        final List<String> events = new ArrayList<>();
        int fullChecks;

        @Override
        public void cellTest(final String channelId, final byte[] value) {
            events.add("cell-test " + channelId);
        }

        @Override
        public void batch(final String channelId, final long timestampMs, final long sequence, final int samples,
                          final byte[] value) {
            events.add("batch " + channelId + " #" + sequence + " x" + samples + " @" + timestampMs);
        }

        @Override
        public void deadLetter(final String channelId, final byte[] value) {
            events.add("dead-letter " + channelId);
        }

        @Override
        public void release() {
            events.add("release");
        }

        @Override
        public void flush() {
            events.add("flush");
        }

        @Override
        public boolean isFull() {
            return fullChecks-- > 0;
        }
    }

    /**
     * One channel; each poll hands over the next {@code perPoll} samples, one a second at the given currents, and the
     * poll that hands over the last ends the test.
     */
    private static final class ListedSource implements SampleSource {
        private final int perPoll;
        private final double[] currents;
        private int next;

        ListedSource(final int perPoll, final double... currents) {
            this.perPoll = perPoll;
            this.currents = currents;
        }

        /** {@code total} samples at 1 mA. */
        static ListedSource charging(final int total, final int perPoll) {
            final double[] currents = new double[total];
            Arrays.fill(currents, 0.001);
            return new ListedSource(perPoll, currents);
        }

        @Override
        public List<ChannelInfo> channels() {
            return List.of(new ChannelInfo("st-1", "ch1", "t1", null));
        }

        @Override
        public boolean poll(final SampleSink sink) {
            for (int i = 0; i < perPoll && next < currents.length; i++, next++) {
                sink.accept("ch1", Sample.of(1_000_000L + next * 1_000L, currents[next], 3.5));
            }
            if (next >= currents.length) {
                sink.endOfTest("ch1");
                return false;
            }
            return true;
        }
    }

    private StationAgent agent(final SampleSource source, final Publisher publisher, final AgentSettings settings) {
        return new StationAgent(source, publisher,
                CellfloorSerdes.value(SampleBatch.class, AgentFixture.REGISTRY, AgentFixture.REGISTRY_CONFIG)
                        .serializer(),
                CellfloorSerdes.value(CellTest.class, AgentFixture.REGISTRY, AgentFixture.REGISTRY_CONFIG)
                        .serializer(),
                settings, new SimpleMeterRegistry(), () -> clock[0], sleeper);
    }

    @Test
    void shouldWaitWithoutReadingWhileThePublisherIsFull() throws Exception {
        final RecordingPublisher publisher = new RecordingPublisher();
        publisher.fullChecks = 3;

        agent(ListedSource.charging(4, 10), publisher, new AgentSettings(10, 1_000)).run(() -> true);

        assertThat(slept).containsExactly(Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(20));
        assertThat(publisher.events).containsExactly("release", "release", "release",
                "batch ch1 #0 x4 @1000000", "release", "flush");
    }

    @Test
    void shouldSendFullBatchesAtOnceAndReleaseThemAtMostMaxDelayLater() throws Exception {
        final RecordingPublisher publisher = new RecordingPublisher();
        final StationAgent agent = agent(ListedSource.charging(7, 3), publisher, new AgentSettings(2, 1_000));

        agent.run(() -> true);

        assertThat(slept).containsExactly(Duration.ofMillis(5), Duration.ofMillis(5));
        assertThat(publisher.events).containsExactly(
                "batch ch1 #0 x2 @1000000", "release",
                "batch ch1 #1 x2 @1002000",
                "batch ch1 #2 x2 @1004000",
                "batch ch1 #3 x1 @1006000", "flush");
    }

    @Test
    void shouldSendAndReleaseABatchAtOnceWithTheSampleThatOpensANewStep() throws Exception {
        final RecordingPublisher publisher = new RecordingPublisher();
        // 2 µA is inside the dead band of an unknown cell (5 µA): rest, like 0 A
        final StationAgent agent = agent(new ListedSource(1, 0.001, 0.001, 0.001, -0.001, -0.001, 2e-6, 0.0),
                publisher, new AgentSettings(500, 1_000));

        agent.run(() -> true);

        assertThat(publisher.events).containsExactly("release",
                "batch ch1 #0 x4 @1000000", "release",
                "batch ch1 #1 x2 @1004000", "release",
                "batch ch1 #2 x1 @1006000", "flush");
    }
}
