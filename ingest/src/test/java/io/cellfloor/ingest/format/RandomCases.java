package io.cellfloor.ingest.format;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Random inputs for this package's randomized tests, drawn from a seeded {@link Random} so that every failure
 * reproduces. A test's fixed base seed gives one seed per case; the case draws its input from a {@code Random} of
 * its own seed, and the assertions name the case, its seed and the input.
 *
 * <p>Use: {@code @ParameterizedTest(name = "{0}") @MethodSource} over {@link #cases(long, int)}, then draw the input
 * from {@link Case#random()}.
 */
final class RandomCases {

    private static final List<Double> EDGE_DOUBLES = List.of(0.0, -0.0, 1.0, -1.0, 0.1, -0.1, 0.5, 1e-7, 1e7,
            1e21, 1e22, 1e23, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
            Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE, Math.ulp(1.0),
            (double) Long.MAX_VALUE, 9007199254740993.0, 2.2250738585072012e-308);

    private RandomCases() {
    }

    /** One case of a randomized test: its number, from 1, and the seed of its input. */
    record Case(int number, long seed) {

        /** A fresh generator for this case's input: the same draws every time. */
        Random random() {
            return new Random(seed);
        }

        @Override
        public String toString() {
            return "case " + number + ", seed " + seed + "L";
        }
    }

    /** {@code count} cases, their seeds drawn from {@code baseSeed}: the same cases on every run. */
    static Stream<Case> cases(final long baseSeed, final int count) {
        final Random seeds = new Random(baseSeed);
        return IntStream.rangeClosed(1, count).mapToObj(n -> new Case(n, seeds.nextLong()));
    }

    /** A string of {@code minLength} to {@code maxLength} characters, each drawn from {@code chars}. */
    static String string(final Random random, final String chars, final int minLength, final int maxLength) {
        final int length = minLength + random.nextInt(maxLength - minLength + 1);
        final StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(chars.charAt(random.nextInt(chars.length())));
        }
        return s.toString();
    }

    static <T> T oneOf(final Random random, final List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Up to {@code maxLength} random bytes. */
    static byte[] bytes(final Random random, final int maxLength) {
        final byte[] b = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(b);
        return b;
    }

    /**
     * A finite double from the whole range: a quarter edge cases (zeros, subnormals, the extremes, round-trip
     * traps), a quarter raw bit patterns (every exponent), a quarter short decimals as instruments write them, a
     * quarter ordinary magnitudes.
     */
    static double anyDouble(final Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> oneOf(random, EDGE_DOUBLES);
            case 1 -> finiteBits(random);
            case 2 -> (random.nextInt(2_000_001) - 1_000_000) / Math.pow(10, random.nextInt(7));
            default -> (random.nextDouble() * 2 - 1) * Math.pow(10, random.nextInt(41) - 20);
        };
    }

    private static double finiteBits(final Random random) {
        while (true) {
            final double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                return d;
            }
        }
    }

    /** A string for a failure message: quoted, control and non-ASCII characters escaped as in Java source. */
    static String show(final String s) {
        final StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String show(final List<String> lines) {
        return lines.stream().map(RandomCases::show).collect(Collectors.joining(", ", "[", "]"));
    }

    static String show(final byte[] bytes) {
        return bytes.length + " bytes " + HexFormat.of().formatHex(bytes);
    }
}
