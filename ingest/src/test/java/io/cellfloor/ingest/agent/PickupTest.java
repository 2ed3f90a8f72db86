package io.cellfloor.ingest.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.ingest.agent.Pickup.Action;
import io.cellfloor.ingest.checkpoint.FileCheckpoint;
import io.cellfloor.ingest.checkpoint.FileIdentity;
import org.junit.jupiter.api.Test;

/** Each rule of what the file agent does with a file it finds, on facts alone: no directory, no spool. */
class PickupTest {
    private static final FileCheckpoint UNFINISHED = checkpoint(false);
    private static final FileCheckpoint FINISHED = checkpoint(true);

    private static FileCheckpoint checkpoint(final boolean finished) {
        return new FileCheckpoint("/in/cell-a.csv", new FileIdentity("(dev=1,ino=7)", 900, 512, "0badcafe"), 4_200,
                "st1-ch1", "cell-a", 17, 0, finished);
    }

    private static Pickup decide(final boolean tracked, final boolean trackedSame, final String renamedFrom,
                                 final FileCheckpoint previous, final boolean previousSame, final String holder) {
        return Pickup.decide(new FileFacts(tracked, trackedSame, renamedFrom, previous, previousSame, holder));
    }

    @Test
    void shouldLeaveAFileBeingReadAlone() {
        assertThat(decide(true, true, null, UNFINISHED, true, null).action()).isEqualTo(Action.NONE);
    }

    @Test
    void shouldReadAFileChangedUnderItsReaderAgainAsANewTest() {
        final Pickup p = decide(true, false, null, UNFINISHED, false, null);
        assertThat(p.action()).isEqualTo(Action.REREAD_AS_NEW_TEST);
        assertThat(p.reason()).contains("while being read");
    }

    @Test
    void shouldNotReadARenamedFileTwiceEvenWithACheckpointAtItsNewPath() {
        final Pickup p = decide(false, false, "/in/cell-a.csv", UNFINISHED, true, null);
        assertThat(p.action()).isEqualTo(Action.IGNORE_RENAMED);
        assertThat(p.reason()).startsWith("/in/cell-a.csv renamed");
    }

    @Test
    void shouldStartAFileNeverSeen() {
        assertThat(decide(false, false, null, null, false, null).action()).isEqualTo(Action.START);
    }

    @Test
    void shouldStartAgainAsANewTestWhenTheFileChangedSinceTheCheckpoint() {
        assertThat(decide(false, false, null, UNFINISHED, false, "/in/other.csv").action())
                .as("a rewrite wins over a busy channel").isEqualTo(Action.START_REWRITTEN);
    }

    @Test
    void shouldNotReadAgainAFileReadToItsEndBefore() {
        final Pickup p = decide(false, false, null, FINISHED, true, "/in/other.csv");
        assertThat(p.action()).isEqualTo(Action.NONE);
        assertThat(p.previous()).isNull();
    }

    @Test
    void shouldWaitWhileAnotherFileHoldsTheChannel() {
        final Pickup p = decide(false, false, null, UNFINISHED, true, "/in/cell-a.2.csv");
        assertThat(p.action()).isEqualTo(Action.WAIT_FOR_CHANNEL);
        assertThat(p.previous().channelId()).isEqualTo("st1-ch1");
        assertThat(p.reason()).contains("st1-ch1").contains("/in/cell-a.2.csv");
    }

    @Test
    void shouldResumeAnUnfinishedFileAfterItsCheckpointedLine() {
        final Pickup p = decide(false, false, null, UNFINISHED, true, null);
        assertThat(p.action()).isEqualTo(Action.RESUME);
        assertThat(p.previous()).isSameAs(UNFINISHED);
        assertThat(p.reason()).isEqualTo("resuming after line 4200");
    }
}
