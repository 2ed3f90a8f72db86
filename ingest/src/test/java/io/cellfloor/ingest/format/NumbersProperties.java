package io.cellfloor.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The byte-level number parser agrees with the JDK's to the last bit, and says NaN to anything else. */
class NumbersProperties {

    private static double parse(final String s) {
        final byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return Numbers.parse(b, 0, b.length, false);
    }

    @Property(tries = 2000)
    void shouldParseEveryDoubleAsTheJdkDoes(@ForAll final double d) {
        final String s = Double.toString(d);
        if (Double.isFinite(d)) {
            assertThat(parse(s)).isEqualTo(Double.parseDouble(s));
        }
    }

    @Property(tries = 2000)
    void shouldParseDecimalTextsAsTheJdkDoes(@ForAll("decimals") final String s) {
        assertThat(parse(s)).isEqualTo(Double.parseDouble(s));
    }

    @Provide
    Arbitrary<String> decimals() {
        final Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(22);
        final Arbitrary<String> exp = Arbitraries.integers().between(-330, 310).map(e -> "e" + e);
        return net.jqwik.api.Combinators.combine(Arbitraries.of("", "-", "+"), digits, digits.injectNull(0.3),
                exp.injectNull(0.5)).as((sign, whole, fraction, e) -> sign + whole
                + (fraction == null ? "" : "." + fraction) + (e == null ? "" : e));
    }

    @Property(tries = 1000)
    void shouldNeverThrowOnGarbage(@ForAll("garbage") final String s) {
        final double d = parse(s);
        if (!Double.isNaN(d)) {
            assertThat(d).isEqualTo(Double.parseDouble(s.trim()));
        }
    }

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.strings().withChars("0123456789.-+eE xX,NaIinf").ofMaxLength(15);
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
