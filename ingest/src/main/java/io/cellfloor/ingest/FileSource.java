package io.cellfloor.ingest;

import io.cellfloor.domain.CellSpec;
import io.cellfloor.ingest.format.AcceptedRow;
import io.cellfloor.ingest.format.CyclerFileReader;
import io.cellfloor.ingest.format.FormatSniffer;
import io.cellfloor.ingest.format.ReadCounts;
import io.cellfloor.ingest.format.ReadResult;
import io.cellfloor.ingest.format.ReaderOptions;
import io.cellfloor.ingest.format.RejectedRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * One finished cycler file as a sample source: one channel, named after the file, whose test ends with the file.
 * Rows the reader rejects go to {@code rejected} (for a quarantine file or a report); none is dropped silently.
 */
public final class FileSource implements SampleSource {
    private static final int ROWS_PER_POLL = 50_000;

    private final Path file;
    private final ChannelInfo channel;
    private final CyclerFileReader reader;
    private final Consumer<RejectedRow> rejected;
    private boolean done;

    public FileSource(final Path file, final String stationId, final CellSpec cell, final ReaderOptions options,
                      final Consumer<RejectedRow> rejected) throws IOException {
        this.file = file;
        this.reader = FormatSniffer.open(file, options);
        final String name = baseName(file);
        this.channel = new ChannelInfo(stationId, name, name, cell);
        this.rejected = rejected;
    }

    /** The file name without its extension: the channel and test id of an offline file. */
    public static String baseName(final Path file) {
        final String name = file.getFileName().toString();
        final int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    public Path file() {
        return file;
    }

    public CyclerFileReader reader() {
        return reader;
    }

    public ReadCounts counts() {
        return reader.counts();
    }

    @Override
    public List<ChannelInfo> channels() {
        return List.of(channel);
    }

    @Override
    public boolean poll(final SampleSink sink) throws IOException {
        if (done) {
            return false;
        }
        for (int n = 0; n < ROWS_PER_POLL; n++) {
            final ReadResult row = reader.next();
            if (row == null) {
                sink.endOfTest(channel.channelId());
                done = true;
                return false;
            }
            if (row instanceof AcceptedRow accepted) {
                sink.accept(channel.channelId(), accepted.sample());
            } else if (row instanceof RejectedRow bad) {
                rejected.accept(bad);
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
