package io.cellfloor.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagingTest {
    @Test
    void shouldDefaultToFirstPageOfFifty() {
        assertThat(Paging.parse(null, "")).isEqualTo(new Paging(0, 50));
    }

    @Test
    void shouldCutThirdPageOfSeven() {
        final List<Integer> all = IntStream.range(0, 17).boxed().toList();

        final Map<String, Object> page = Paging.parse("2", "7").of(all, false);

        assertThat(page).containsEntry("items", List.of(14, 15, 16)).containsEntry("total", 17L)
                .containsEntry("page", 2).containsEntry("size", 7).containsEntry("stale", false);
        assertThat(Paging.parse("3", "7").of(all, true)).containsEntry("items", List.of());
    }

    @Test
    void shouldRejectSizesOutsideOneToFiveHundredAndNonNumbers() {
        assertThat(Paging.parse("0", "500").size()).isEqualTo(500);
        assertThatThrownBy(() -> Paging.parse("0", "501")).isInstanceOf(ApiException.class)
                .hasMessageContaining("size must be between 1 and 500, got 501")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
        assertThatThrownBy(() -> Paging.parse("0", "0")).hasMessageContaining("got 0");
        assertThatThrownBy(() -> Paging.parse("-1", "5")).hasMessageContaining("page must be 0 or more");
        assertThatThrownBy(() -> Paging.parse("x", "5")).hasMessageContaining("page must be a whole number, got 'x'");
    }
}
