package io.cellfloor.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The channels of a simulated floor. {@link #demo()} is the default demo floor: 64 channels over 4 stations, a mix
 * of Li/SSE/CC cells (LPSC, LPS, LGPS, Li3YCl6, Li3N on SS, Cu, C@Cu, Au@Cu at 0.1-3 mA/cm2),
 * Li/SSE/Li cells and full cells, cycles of minutes of simulated time, and 4 channels breaking down within the first
 * 10 cycles. {@link #builder()} varies the size, cycles, breakdowns and seed; {@link #of} takes any channels.
 */
public record FloorPlan(List<ChannelPlan> channels) {

    public FloorPlan {
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a floor needs at least one channel");
        }
        final Set<String> seen = new HashSet<>();
        for (final ChannelPlan channel : channels) {
            if (!seen.add(channel.info().channelId())) {
                throw new IllegalArgumentException("duplicate channel id '" + channel.info().channelId() + "'");
            }
        }
    }

    public static FloorPlan of(final List<ChannelPlan> channels) {
        return new FloorPlan(channels);
    }

    /** The default demo floor (seed 42, 64 channels, 4 stations, 30 cycles, 4 breakdowns). */
    public static FloorPlan demo() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sizes and seed of a generated floor; the mix of cells is derived from them deterministically. */
    public static final class Builder {
        private long seed = 42L;
        private int stations = 4;
        private int channelsPerStation = 16;
        private int cycles = 30;
        private int breakdowns = 4;
        private SamplingConfig sampling;

        private Builder() {
        }

        public Builder seed(final long value) {
            this.seed = value;
            return this;
        }

        public Builder stations(final int value) {
            this.stations = value;
            return this;
        }

        public Builder channelsPerStation(final int value) {
            this.channelsPerStation = value;
            return this;
        }

        public Builder cycles(final int value) {
            this.cycles = value;
            return this;
        }

        /** How many channels get a breakdown story within their first 10 cycles. */
        public Builder breakdowns(final int value) {
            this.breakdowns = value;
            return this;
        }

        /** One logging setup for every channel instead of the realistic mix of intervals. */
        public Builder sampling(final SamplingConfig value) {
            this.sampling = Objects.requireNonNull(value, "sampling");
            return this;
        }

        public FloorPlan build() {
            if (stations < 1 || channelsPerStation < 1 || cycles < 1 || breakdowns < 0) {
                throw new IllegalArgumentException("a floor needs >= 1 station, >= 1 channel per station, >= 1 cycle"
                        + " and >= 0 breakdowns, got " + stations + ", " + channelsPerStation + ", " + cycles + ", "
                        + breakdowns);
            }
            return new FloorPlan(new FloorMix(seed, stations, channelsPerStation, cycles, breakdowns, sampling)
                    .channels());
        }
    }
}
