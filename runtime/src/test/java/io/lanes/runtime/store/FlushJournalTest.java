package io.lanes.runtime.store;

import io.lanes.sdk.Pubkey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlushJournalTest {
    @TempDir
    Path directory;

    @Test
    void committedRecordsReplayInOrderWithTheirData() throws Exception {
        final Path path = directory.resolve("j");
        final int[] lengths = {0, 1, 165, 3_000_000, 7};
        final SplittableRandom random = new SplittableRandom(81);
        final List<AccountBuffer> written = new ArrayList<>();
        final List<Pubkey> keys = new ArrayList<>();
        try (FlushJournal journal = new FlushJournal(path)) {
            journal.begin();
            for (int i = 0; i < lengths.length; i++) {
                final AccountBuffer account = TestAccounts.account(i, TestAccounts.TOKEN_PROGRAM, lengths[i], i);
                final Pubkey key = TestAccounts.randomKey(random);
                journal.append(TestAccounts.record(key, account, i * 10));
                written.add(account);
                keys.add(key);
            }
            journal.commit();
        }
        final List<Integer> seen = new ArrayList<>();
        final long count = FlushJournal.replay(path, record -> {
            final int i = seen.size();
            seen.add(i);
            assertEquals(keys.get(i), Pubkey.read(record.key, 0));
            assertEquals(written.get(i).lamports(), record.lamports);
            assertEquals(written.get(i).rentEpoch(), record.rentEpoch);
            assertEquals(TestAccounts.TOKEN_PROGRAM, Pubkey.read(record.owner, 0));
            assertEquals(written.get(i).executable(), record.executable);
            assertEquals(i * 10, record.previousDataLength);
            final AccountBuffer replayed = new AccountBuffer();
            replayed.putData(record.data, record.dataOffset, record.dataLength);
            assertTrue(written.get(i).sameData(replayed));
        });
        assertEquals(lengths.length, count);
        assertEquals(lengths.length, seen.size());
    }

    @Test
    void aTruncatedOrCorruptedJournalIsNotReplayed() throws Exception {
        final Path path = directory.resolve("j");
        try (FlushJournal journal = new FlushJournal(path)) {
            journal.begin();
            journal.append(TestAccounts.record(Pubkey.SYSTEM_PROGRAM, TestAccounts.account(5, Pubkey.SYSTEM_PROGRAM, 100, 1), 0));
            journal.commit();
        }
        final long size = Files.size(path);
        assertEquals(1, FlushJournal.replay(path, record -> { }));
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.seek(40);
            final int original = file.read();
            file.seek(40);
            file.write(original ^ 0x10);
            assertEquals(-1, FlushJournal.replay(path, record -> { }), "a flipped bit fails the checksum");
            file.seek(40);
            file.write(original);
            file.setLength(size - 1);
        }
        assertEquals(-1, FlushJournal.replay(path, record -> { }), "no trailer");
        assertEquals(-1, FlushJournal.replay(directory.resolve("absent"), record -> { }));
    }
}
