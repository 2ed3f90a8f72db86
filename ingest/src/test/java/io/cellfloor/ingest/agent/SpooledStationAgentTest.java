package io.cellfloor.ingest.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.ingest.SimulatedSource;
import io.cellfloor.ingest.spool.Spool;
import io.cellfloor.ingest.spool.SpoolDrainer;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.sim.FloorPlan;
import io.cellfloor.sim.Pacing;
import io.cellfloor.sim.SimulatedFloor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's agent through the spool: every sample read is acknowledged once the drainer is done. */
class SpooledStationAgentTest {
    @TempDir
    Path dir;

    @Test
    void shouldPublishEverySampleReadThroughTheSpool() throws Exception {
        final SimulatedFloor floor = new SimulatedFloor(
                FloorPlan.builder().seed(3).stations(1).channelsPerStation(2).cycles(2).build(),
                Pacing.runToCompletion(1_767_225_600_000L));
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final Spool spool = Spool.open(dir, 1 << 24, 1 << 20, null);
        final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        final SpoolDrainer drainer = new SpoolDrainer(spool, producer, 64, Duration.ofMillis(20), meters,
                System::currentTimeMillis).start();
        final StationAgent agent = StationAgent.spooled(new SimulatedSource(floor), spool,
                CellfloorSerdes.value(SampleBatch.class, AgentFixture.REGISTRY, AgentFixture.REGISTRY_CONFIG)
                        .serializer(),
                CellfloorSerdes.value(CellTest.class, AgentFixture.REGISTRY, AgentFixture.REGISTRY_CONFIG)
                        .serializer(),
                new AgentSettings(100, 1000), meters, System::currentTimeMillis);

        agent.publishCellTests();
        agent.run(() -> true);
        drainer.close(Duration.ofSeconds(10));
        spool.close();

        assertThat(drainer.drained()).isTrue();
        assertThat(meters.counter("cellfloor.agent.samples.read").count()).isPositive()
                .isEqualTo(meters.counter("cellfloor.agent.samples.published").count());
        assertThat(producer.history()).isNotEmpty();
    }
}
