package io.cellfloor.ingest.format;

import static io.cellfloor.ingest.format.RandomCases.anyDouble;
import static io.cellfloor.ingest.format.RandomCases.oneOf;
import static io.cellfloor.ingest.format.RandomCases.show;
import static io.cellfloor.ingest.format.RandomCases.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.ingest.format.RandomCases.Case;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The byte-level number parser agrees with the JDK's to the last bit, and says NaN to anything else. The random
 * cases come from fixed seeds (see {@link RandomCases}); a failure names the case, its seed and the text.
 */
class NumbersTest {

    private static final String DIGITS = "0123456789";
    private static final String GARBAGE_CHARS = "0123456789.-+eE xX,NaIinf";

    private static double parse(final String s) {
        final byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return Numbers.parse(b, 0, b.length, false);
    }

    static Stream<Case> doubles() {
        return RandomCases.cases(0x6e75_6d62_6572_0001L, 2000);
    }

    static Stream<Case> decimals() {
        return RandomCases.cases(0x6e75_6d62_6572_0002L, 2000);
    }

    static Stream<Case> garbage() {
        return RandomCases.cases(0x6e75_6d62_6572_0003L, 1000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("doubles")
    void shouldParseEveryDoubleAsTheJdkDoes(final Case c) {
        // anyDouble is finite, so every case checks (jqwik's doubles were finite as well)
        final String s = Double.toString(anyDouble(c.random()));
        assertThat(parse(s)).as(() -> c + ", text " + show(s)).isEqualTo(Double.parseDouble(s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decimals")
    void shouldParseDecimalTextsAsTheJdkDoes(final Case c) {
        final String s = decimal(c.random());
        assertThat(parse(s)).as(() -> c + ", text " + show(s)).isEqualTo(Double.parseDouble(s));
    }

    /** [sign] 1-22 digits, a fraction of 1-22 digits 70% of the time, an exponent in [-330, 310] half the time. */
    private static String decimal(final Random random) {
        final String sign = oneOf(random, List.of("", "-", "+"));
        final String whole = string(random, DIGITS, 1, 22);
        final String fraction = random.nextDouble() < 0.3 ? "" : "." + string(random, DIGITS, 1, 22);
        final String exponent = random.nextBoolean() ? "" : "e" + (random.nextInt(641) - 330);
        return sign + whole + fraction + exponent;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garbage")
    void shouldNeverThrowOnGarbage(final Case c) {
        final String s = string(c.random(), GARBAGE_CHARS, 0, 15);
        final double d = parse(s);
        if (!Double.isNaN(d)) {
            assertThat(d).as(() -> c + ", text " + show(s)).isEqualTo(Double.parseDouble(s.trim()));
        }
    }

    @Test
    void shouldReadDecimalCommasOnlyWhenAsked() {
        final byte[] b = "3,81503".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Numbers.parse(b, 0, b.length, true)).isEqualTo(3.81503);
        assertThat(Numbers.parse(b, 0, b.length, false)).isNaN();
    }

    @Test
    void shouldRefuseWordsTheJdkWouldAccept() {
        assertThat(parse("NaN")).isNaN();
        assertThat(parse("Infinity")).isNaN();
        assertThat(parse("1d")).isNaN();
        assertThat(parse("0x1p3")).isNaN();
    }
}
