package io.lanes.runtime.store;

import io.lanes.sdk.Pubkey;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deterministic keys and accounts for the store tests. */
final class TestAccounts {
    static final Pubkey TOKEN_PROGRAM = Pubkey.fromBase58("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");
    static final Pubkey STAKE_PROGRAM = Pubkey.fromBase58("Stake11111111111111111111111111111111111111");

    private TestAccounts() {
    }

    static Pubkey randomKey(final SplittableRandom random) {
        final byte[] bytes = new byte[Pubkey.LENGTH];
        random.nextBytes(bytes);
        return Pubkey.wrap(bytes);
    }

    /** A key whose first 8 bytes are zero: all such keys share a prefix. */
    static Pubkey keyWithZeroPrefix(final int n) {
        final byte[] bytes = new byte[Pubkey.LENGTH];
        bytes[31] = (byte) n;
        bytes[30] = (byte) (n >>> 8);
        bytes[29] = (byte) (n >>> 16);
        bytes[28] = 1;
        return Pubkey.wrap(bytes);
    }

    /** An account with the given data length; the data bytes are derived from the seed. */
    static AccountBuffer account(final long lamports, final Pubkey owner, final int dataLength, final long seed) {
        final AccountBuffer account = new AccountBuffer();
        account.lamports(lamports);
        account.owner(owner);
        account.executable(seed % 7 == 0);
        account.rentEpoch(seed % 1000);
        fillData(account, dataLength, seed);
        return account;
    }

    static void fillData(final AccountBuffer account, final int dataLength, final long seed) {
        account.dataLength(dataLength);
        final SplittableRandom random = new SplittableRandom(seed);
        int i = 0;
        for (; i + 8 <= dataLength; i += 8) {
            account.data().putLong(i, random.nextLong());
        }
        for (; i < dataLength; i++) {
            account.data().putByte(i, (byte) random.nextInt());
        }
    }

    /** The record a flush would journal for the account. */
    static AccountRecord record(final Pubkey key, final AccountBuffer account, final int previousDataLength) {
        final AccountRecord record = new AccountRecord();
        key.copyTo(record.key, 0);
        record.lamports = account.lamports();
        record.rentEpoch = account.rentEpoch();
        account.owner().copyTo(record.owner, 0);
        record.executable = account.executable();
        record.data = account.data();
        record.dataOffset = 0;
        record.dataLength = account.dataLength();
        record.previousDataLength = previousDataLength;
        return record;
    }

    static AccountBuffer copy(final AccountBuffer account) {
        final AccountBuffer copy = new AccountBuffer();
        copy.copyFrom(account);
        return copy;
    }

    static void assertSameAccount(final AccountBuffer expected, final AccountBuffer actual) {
        assertEquals(expected.lamports(), actual.lamports(), "lamports");
        assertEquals(expected.owner(), actual.owner(), "owner");
        assertEquals(expected.executable(), actual.executable(), "executable");
        assertEquals(expected.rentEpoch(), actual.rentEpoch(), "rent epoch");
        assertEquals(expected.dataLength(), actual.dataLength(), "data length");
        assertTrue(expected.sameAs(actual), "data bytes");
    }

    static void assertCleared(final AccountBuffer account) {
        assertEquals(0, account.lamports());
        assertEquals(Pubkey.SYSTEM_PROGRAM, account.owner());
        assertEquals(false, account.executable());
        assertEquals(0, account.rentEpoch());
        assertEquals(0, account.dataLength());
    }
}
