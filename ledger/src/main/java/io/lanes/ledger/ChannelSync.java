package io.lanes.ledger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * How the writer makes written bytes durable. {@link #FDATASYNC} is the only durable choice;
 * {@link #NONE} exists for tests and in-memory benchmarks and gives up every crash guarantee.
 */
public interface ChannelSync {
    /** Makes everything written to the channel durable before returning. */
    void force(FileChannel channel) throws IOException;

    /** Makes a file created in (or deleted from) the folder durable. */
    default void forceDirectory(final Path directory) throws IOException {
        LedgerFormat.forceDirectory(directory);
    }

    /** {@code FileChannel.force(false)}: fdatasync on Linux, which also makes a grown file's size durable. */
    ChannelSync FDATASYNC = channel -> channel.force(false);

    /** No sync at all: futures complete after the write reaches the OS. Not durable. */
    ChannelSync NONE = new ChannelSync() {
        @Override
        public void force(final FileChannel channel) {
        }

        @Override
        public void forceDirectory(final Path directory) {
        }
    };
}
