package io.cellfloor.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A simulated test floor: one {@link CellSimulator} per channel of a {@link FloorPlan},
 * released according to a {@link Pacing}. Each channel runs its fixed number of cycles, then gets
 * {@link FloorSink#endOfTest}; the poll that ends the last channel returns false, as do all after it.
 *
 * <p>Samples are in time order per channel; across channels a poll hands them over channel by channel (rotating
 * the starting channel between polls so none starves under the per-poll cap). The ground truth of every channel is
 * available through {@link #truth(String)} during and after the run. Polled from one thread; truth may be read from
 * another.
 */
public final class SimulatedFloor {
    private final List<SimulatedChannel> channels;
    private final String[] ids;
    private final CellSimulator[] simulators;
    private final boolean[] ended;
    private final Map<String, Integer> indexById = new LinkedHashMap<>();
    private final Pacing pacing;
    private int remaining;
    private int rotation;
    private long completionHorizonMs;
    private boolean capReached;

    public SimulatedFloor(final FloorPlan plan, final Pacing pacing) {
        this.pacing = pacing;
        final int n = plan.channels().size();
        this.ids = new String[n];
        this.simulators = new CellSimulator[n];
        this.ended = new boolean[n];
        final List<SimulatedChannel> infos = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            final ChannelPlan channel = plan.channels().get(i);
            infos.add(channel.info());
            ids[i] = channel.info().channelId();
            simulators[i] = new CellSimulator(channel.config(), pacing.simStartMs());
            indexById.put(ids[i], i);
        }
        this.channels = List.copyOf(infos);
        this.remaining = n;
        this.completionHorizonMs = pacing.simStartMs();
    }

    /** The floor's channels, in plan order. */
    public List<SimulatedChannel> channels() {
        return channels;
    }

    /**
     * Hands every sample due now (by the pacing) to {@code sink}, in time order per channel.
     *
     * @return false once every channel has ended, on this poll and all after it
     */
    public boolean poll(final FloorSink sink) {
        if (remaining == 0) {
            return false;
        }
        final long horizon = pacing.isPaced() ? pacing.pacedHorizonMs() : nextCompletionHorizon();
        int budget = pacing.maxSamplesPerPoll();
        final int n = simulators.length;
        for (int k = 0; k < n && budget > 0; k++) {
            final int c = (rotation + k) % n;
            if (ended[c]) {
                continue;
            }
            final CellSimulator simulator = simulators[c];
            while (budget > 0 && simulator.peekTimeMs() <= horizon) {
                sink.accept(ids[c], simulator.next());
                budget--;
            }
            if (!simulator.hasNext()) {
                ended[c] = true;
                remaining--;
                sink.endOfTest(ids[c]);
            }
        }
        rotation = (rotation + 1) % n;
        capReached = budget == 0;
        return remaining > 0;
    }

    /** Advances the run-to-completion horizon by one step, or jumps it to the next sample when all are idle. */
    private long nextCompletionHorizon() {
        if (capReached) {
            return completionHorizonMs;
        }
        long earliest = Long.MAX_VALUE;
        for (int c = 0; c < simulators.length; c++) {
            if (!ended[c]) {
                earliest = Math.min(earliest, simulators[c].peekTimeMs());
            }
        }
        completionHorizonMs = Math.max(completionHorizonMs, earliest) + pacing.completionStepMs();
        return completionHorizonMs;
    }

    /** Ground truth of one channel so far. */
    public ChannelTruth truth(final String channelId) {
        final Integer index = indexById.get(channelId);
        if (index == null) {
            throw new NoSuchElementException("no simulated channel '" + channelId + "'; the floor has " + ids.length
                    + " channels, e.g. " + (ids.length > 0 ? ids[0] : "none"));
        }
        final CellSimulator simulator = simulators[index];
        final SimulatorConfig config = simulator.config();
        return new ChannelTruth(channelId, config.spec(), config.sampling(), simulator.truth(), simulator.events());
    }

    /** Ground truth of every channel so far, in channel order. */
    public Map<String, ChannelTruth> truth() {
        final Map<String, ChannelTruth> out = new LinkedHashMap<>();
        for (final String id : ids) {
            out.put(id, truth(id));
        }
        return out;
    }
}
