package io.cellfloor.ingest.agent;

import io.cellfloor.ingest.checkpoint.FileCheckpoint;
import io.cellfloor.ingest.checkpoint.FileIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files the file agent knows about: those it has open, those its checkpoint lists, those read to their end in
 * this run (by identity, whatever their path is now, so a rotated file is not read twice), and those it will not
 * read (logged once). It gathers the {@link FileFacts} for {@link Pickup#decide}; it decides nothing itself.
 */
final class FileRegistry {
    private final Map<Path, TrackedFile> active = new LinkedHashMap<>();
    private final Map<String, FileCheckpoint> known = new HashMap<>();
    private final Map<Path, String> ignored = new HashMap<>();
    private final Map<FileIdentity, String> retired = new HashMap<>();

    FileRegistry(final List<FileCheckpoint> checkpointed) {
        checkpointed.forEach(f -> known.put(f.path(), f));
    }

    /** The open files by path; live, for the active-files gauge. */
    Map<Path, TrackedFile> active() {
        return active;
    }

    TrackedFile open(final Path file) {
        return active.get(file);
    }

    /** A copy of the open files, so that they can be finished while iterating. */
    List<TrackedFile> openFiles() {
        return new ArrayList<>(active.values());
    }

    FileFacts facts(final Path file, final FileIdentity now) throws IOException {
        final TrackedFile tracked = active.get(file);
        final FileCheckpoint previous = known.get(file.toString());
        final TrackedFile holder = previous == null ? null : holderOf(previous.channelId(), file);
        return new FileFacts(tracked != null, tracked != null && tracked.identity.sameFileAs(file, now),
                renamedFrom(file, now), previous, previous != null && previous.identity().sameFileAs(file, now),
                holder == null ? null : holder.path.toString());
    }

    /** The path this file was read under before a rename (rotation), or null when it is a new file. */
    private String renamedFrom(final Path file, final FileIdentity now) throws IOException {
        if (now.fileKey().isEmpty()) {
            return null;
        }
        for (final TrackedFile t : active.values()) {
            if (!t.path.equals(file) && now.fileKey().equals(t.identity.fileKey())
                    && t.identity.sameFileAs(file, now)) {
                return t.path.toString();
            }
        }
        for (final FileCheckpoint k : known.values()) {
            if (!k.path().equals(file.toString()) && now.fileKey().equals(k.identity().fileKey())
                    && k.identity().sameFileAs(file, now)) {
                return k.path();
            }
        }
        for (final Map.Entry<FileIdentity, String> r : retired.entrySet()) {
            if (now.fileKey().equals(r.getKey().fileKey()) && r.getKey().sameFileAs(file, now)) {
                return r.getValue();
            }
        }
        return null;
    }

    /** Another open file on {@code channelId} than {@code file}, or null when the channel is free. */
    TrackedFile holderOf(final String channelId, final Path file) {
        for (final TrackedFile f : active.values()) {
            if (f.channel.channelId().equals(channelId) && !f.path.equals(file)) {
                return f;
            }
        }
        return null;
    }

    /** Marks {@code file} as not read; true the first time, so that the reason is logged once. */
    boolean ignore(final Path file) {
        return ignored.put(file, file.getFileName().toString()) == null;
    }

    /** A file picked up; a fresh start (not a resume) replaces the checkpoint entry of an older file there. */
    void opened(final TrackedFile f, final boolean fresh) {
        ignored.remove(f.path);
        active.put(f.path, f);
        if (fresh) {
            known.remove(f.path.toString());
        }
    }

    /** A file read to its end: remembered by identity and in the checkpoint, no longer open. */
    void finished(final TrackedFile f, final FileCheckpoint last) {
        active.remove(f.path);
        retired.put(f.identity, f.path.toString());
        known.put(f.path.toString(), last);
    }

    /** The checkpoint entries of files not open now (finished, or waiting for their channel). */
    List<FileCheckpoint> notOpen() {
        final List<FileCheckpoint> out = new ArrayList<>();
        for (final FileCheckpoint k : known.values()) {
            if (!active.containsKey(Path.of(k.path()))) {
                out.add(k);
            }
        }
        return out;
    }
}
