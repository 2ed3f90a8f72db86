package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamingMedianTest {

    @Test
    void shouldGiveTheExactMedianOfUpToFiveValues() {
        final StreamingMedian m = new StreamingMedian();
        m.add(3);
        m.add(1);
        assertThat(m.median()).isEqualTo(2.0);
        m.add(10);
        assertThat(m.median()).isEqualTo(3.0);
        m.add(-4);
        m.add(7);
        assertThat(m.median()).isEqualTo(3.0);
    }

    @Test
    void shouldFollowTheMedianOfALongNoisyPlateauWithinAFractionOfItsSpread() {
        final Random random = new Random(3);
        final StreamingMedian m = new StreamingMedian();
        final double[] all = new double[5_000];
        for (int k = 0; k < all.length; k++) {
            all[k] = 0.050 + 0.001 * random.nextGaussian() + (k % 97 == 0 ? 1.4 : 0);
            m.add(all[k]);
        }
        Arrays.sort(all);

        assertThat(m.median()).isCloseTo(all[all.length / 2], within(0.0001));
    }

    @Test
    void shouldContinueExactlyAfterARoundTripThroughBytes() {
        final StreamingMedian a = new StreamingMedian();
        for (int k = 0; k < 40; k++) {
            a.add(Math.sin(k));
        }
        final ByteBuffer b = ByteBuffer.allocate(128);
        a.fields(StateFields.writer(b, StateCodec.CYCLE_STATE_VERSION));
        b.flip();
        final StreamingMedian c = new StreamingMedian();
        c.fields(StateFields.reader(b, StateCodec.CYCLE_STATE_VERSION));
        for (int k = 40; k < 80; k++) {
            a.add(Math.sin(k));
            c.add(Math.sin(k));
        }

        assertThat(c.median()).isEqualTo(a.median());
        assertThat(c.count()).isEqualTo(80);
    }
}
