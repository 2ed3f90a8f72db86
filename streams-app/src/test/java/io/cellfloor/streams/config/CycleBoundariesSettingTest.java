package io.cellfloor.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellfloor.domain.CycleBoundaries;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code cellfloor.cycle-boundaries} and the instrument tolerances reach the topology's rules. */
class CycleBoundariesSettingTest {
    private static Map<String, String> minimal() {
        final Map<String, String> s = new HashMap<>();
        s.put("bootstrap.servers", "localhost:9092");
        s.put(StreamsAppConfig.REGISTRY_URL, "http://localhost:8081");
        return s;
    }

    @Test
    void shouldCutAtTheCyclerIndexWhereThereIsOneUnlessToldOtherwise() {
        assertThat(StreamsAppConfig.parse(minimal()).topology().rules().boundaries()).isEqualTo(CycleBoundaries.AUTO);

        final Map<String, String> s = minimal();
        s.put("cellfloor.cycle-boundaries", "Direction");
        s.put("cellfloor.instrument-tolerance", "0.005");
        final StreamsAppConfig config = StreamsAppConfig.parse(s);

        assertThat(config.topology().rules().boundaries()).isEqualTo(CycleBoundaries.DIRECTION);
        assertThat(config.topology().rules().instrumentTolerance()).isEqualTo(0.005);
        assertThat(config.kafka()).doesNotContainKey("cellfloor.cycle-boundaries");
    }

    @Test
    void shouldNameTheChoicesOfAWrongValue() {
        final Map<String, String> s = minimal();
        s.put("cellfloor.cycle-boundaries", "steps");

        assertThatThrownBy(() -> StreamsAppConfig.parse(s))
                .hasMessage("cycle boundaries must be auto, cycler or direction, got 'steps'");
    }

    @Test
    void shouldTakeTheSettingFromTheEnvironment() {
        assertThat(StreamsAppConfig.fromEnvironment(Map.of("CELLFLOOR_CYCLE_BOUNDARIES", "cycler")))
                .containsEntry("cellfloor.cycle-boundaries", "cycler");
    }
}
