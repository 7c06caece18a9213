package io.lanes.ledger;

import io.lanes.sdk.Hash;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.zip.CRC32C;

/**
 * The list of snapshots the runtime has written, in {@code dataDir/snapshots/catalog}. The ledger
 * keeps the list; the runtime writes and deletes the snapshots' files.
 *
 * <p>The file is text, rewritten whole on every change under a temporary name, forced, renamed
 * over the old one and the folder forced, so a crash leaves the old list or the new one:
 *
 * <pre>
 *   lanes-snapshot-catalog 1
 *   &lt;slot&gt; &lt;state hash base58&gt; &lt;created-at millis&gt; &lt;path to the end of the line&gt;
 *   ...
 *   crc32c &lt;8 hex digits over every byte before this line&gt;
 * </pre>
 *
 * <p>Thread-safe (methods synchronize); one process per data directory.
 */
public final class SnapshotCatalog {
    /** The folder of the data dir that holds the catalog (and, by the runtime's choice, the snapshots' files). */
    public static final String DIRECTORY = "snapshots";
    static final String FILE_NAME = "catalog";
    private static final String HEADER = "lanes-snapshot-catalog 1";
    private static final String CRC_PREFIX = "crc32c ";

    private final Path dataDir;
    private final Path file;
    private final List<SnapshotInfo> snapshots;

    private SnapshotCatalog(final Path dataDir, final List<SnapshotInfo> snapshots) {
        this.dataDir = dataDir;
        this.file = dataDir.resolve(DIRECTORY).resolve(FILE_NAME);
        this.snapshots = snapshots;
    }

    /**
     * Reads the catalog of {@code dataDir}; empty if there is none yet.
     *
     * @throws LedgerCorruptException if the file exists but is not a valid catalog
     */
    public static SnapshotCatalog open(final Path dataDir) throws IOException {
        final Path file = dataDir.resolve(DIRECTORY).resolve(FILE_NAME);
        final List<SnapshotInfo> snapshots = Files.exists(file) ? parse(file, Files.readAllBytes(file)) : new ArrayList<>();
        snapshots.sort(Comparator.comparingLong(SnapshotInfo::slot));
        return new SnapshotCatalog(dataDir, snapshots);
    }

    /** The catalog file. */
    public Path file() {
        return file;
    }

    /** Every recorded snapshot, oldest slot first. */
    public synchronized List<SnapshotInfo> list() {
        return List.copyOf(snapshots);
    }

    /**
     * Records a snapshot whose files are complete and durable (replacing one at the same slot)
     * and writes the catalog atomically.
     */
    public synchronized void add(final SnapshotInfo snapshot) throws IOException {
        final List<SnapshotInfo> changed = new ArrayList<>(snapshots);
        changed.removeIf(existing -> existing.slot() == snapshot.slot());
        changed.add(snapshot);
        changed.sort(Comparator.comparingLong(SnapshotInfo::slot));
        replace(changed);
    }

    /** Forgets the snapshot at {@code slot}; false if there was none. */
    public synchronized boolean remove(final long slot) throws IOException {
        final List<SnapshotInfo> changed = new ArrayList<>(snapshots);
        if (!changed.removeIf(existing -> existing.slot() == slot)) {
            return false;
        }
        replace(changed);
        return true;
    }

    /**
     * Keeps the {@code count} newest snapshots and forgets the rest; answers the forgotten ones
     * (oldest first) so the runtime can delete their files.
     */
    public synchronized List<SnapshotInfo> retainNewest(final int count) throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("keep at least one snapshot: " + count);
        }
        if (snapshots.size() <= count) {
            return List.of();
        }
        final List<SnapshotInfo> dropped = List.copyOf(snapshots.subList(0, snapshots.size() - count));
        replace(new ArrayList<>(snapshots.subList(snapshots.size() - count, snapshots.size())));
        return dropped;
    }

    /** The oldest recorded snapshot's slot: the ledger must be kept from there on. */
    public synchronized OptionalLong oldestSlot() {
        return snapshots.isEmpty() ? OptionalLong.empty() : OptionalLong.of(snapshots.get(0).slot());
    }

    /** The newest snapshot whose path exists. */
    public Optional<SnapshotInfo> newestValid() {
        return newestValid(snapshot -> Files.exists(resolve(snapshot)));
    }

    /** The newest snapshot that {@code isValid} accepts (for example, one whose files pass the runtime's own checks). */
    public synchronized Optional<SnapshotInfo> newestValid(final Predicate<SnapshotInfo> isValid) {
        for (int i = snapshots.size() - 1; i >= 0; i--) {
            if (isValid.test(snapshots.get(i))) {
                return Optional.of(snapshots.get(i));
            }
        }
        return Optional.empty();
    }

    /** The snapshot's path, resolved against the data directory when relative. */
    public Path resolve(final SnapshotInfo snapshot) {
        return dataDir.resolve(snapshot.path());
    }

    private void replace(final List<SnapshotInfo> changed) throws IOException {
        writeAtomically(encode(changed));
        snapshots.clear();
        snapshots.addAll(changed);
    }

    private void writeAtomically(final byte[] content) throws IOException {
        final Path directory = file.getParent();
        Files.createDirectories(directory);
        final Path temporary = directory.resolve(FILE_NAME + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            final ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (final AtomicMoveNotSupportedException notAtomic) {
            throw new IOException("the file system of " + directory + " cannot rename atomically", notAtomic);
        }
        LedgerFormat.forceDirectory(directory);
    }

    static byte[] encode(final List<SnapshotInfo> snapshots) {
        final StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (final SnapshotInfo snapshot : snapshots) {
            text.append(snapshot.slot()).append(' ').append(snapshot.stateHash().toBase58()).append(' ')
                .append(snapshot.createdAtMillis()).append(' ').append(snapshot.path()).append('\n');
        }
        final byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        final String trailer = CRC_PREFIX + String.format(Locale.ROOT, "%08x", crc(body, body.length)) + '\n';
        final byte[] trailerBytes = trailer.getBytes(StandardCharsets.US_ASCII);
        final byte[] all = new byte[body.length + trailerBytes.length];
        System.arraycopy(body, 0, all, 0, body.length);
        System.arraycopy(trailerBytes, 0, all, body.length, trailerBytes.length);
        return all;
    }

    static List<SnapshotInfo> parse(final Path file, final byte[] content) throws LedgerCorruptException {
        final int trailerStart = lastLineStart(content);
        final String trailer = new String(content, trailerStart, content.length - trailerStart, StandardCharsets.US_ASCII);
        final String expected = CRC_PREFIX + String.format(Locale.ROOT, "%08x", crc(content, trailerStart)) + '\n';
        if (!trailer.equals(expected)) {
            throw new LedgerCorruptException(file + " is not a valid snapshot catalog: its checksum line does not match");
        }
        final String body = new String(content, 0, trailerStart, StandardCharsets.UTF_8);
        final List<String> lines = new ArrayList<>(List.of(body.split("\n", -1)));
        if (lines.isEmpty() || !lines.get(0).equals(HEADER) || !lines.get(lines.size() - 1).isEmpty()) {
            throw new LedgerCorruptException(file + " does not start with '" + HEADER + "'");
        }
        final List<SnapshotInfo> snapshots = new ArrayList<>();
        for (final String line : lines.subList(1, lines.size() - 1)) {
            snapshots.add(parseLine(file, line));
        }
        return snapshots;
    }

    private static SnapshotInfo parseLine(final Path file, final String line) throws LedgerCorruptException {
        final String[] fields = line.split(" ", 4);
        try {
            return new SnapshotInfo(Long.parseLong(fields[0]), Hash.fromBase58(fields[1]), Paths.get(fields[3]),
                Long.parseLong(fields[2]));
        } catch (final RuntimeException malformed) {
            throw new LedgerCorruptException(file + " has a malformed line '" + line + "': " + malformed.getMessage());
        }
    }

    /** Start of the last line (the content ends with a newline), or 0. */
    private static int lastLineStart(final byte[] content) {
        for (int i = content.length - 2; i >= 0; i--) {
            if (content[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    private static int crc(final byte[] bytes, final int length) {
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
