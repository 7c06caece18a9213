package io.lanes.runtime.store;

import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static io.lanes.runtime.store.TestAccounts.STAKE_PROGRAM;
import static io.lanes.runtime.store.TestAccounts.TOKEN_PROGRAM;
import static io.lanes.runtime.store.TestAccounts.account;
import static io.lanes.runtime.store.TestAccounts.assertCleared;
import static io.lanes.runtime.store.TestAccounts.assertSameAccount;
import static io.lanes.runtime.store.TestAccounts.randomKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OffHeapAccountStoreTest {
    private static final int[] DATA_LENGTHS = {
        0, 1, 15, 16, 17, 128, 129, 165, 255, 256, 257, 4096, 65_536, 65_537, 1 << 20,
        SizeClasses.MAX_DATA_BYTES - 1, SizeClasses.MAX_DATA_BYTES,
    };

    @Test
    void resolveHandsOutDenseSlotsOncePerKey() {
        try (OffHeapAccountStore store = OffHeapAccountStore.inMemory(4)) {
            final SplittableRandom random = new SplittableRandom(1);
            final List<Pubkey> keys = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                final Pubkey key = randomKey(random);
                keys.add(key);
                assertEquals(-1, store.find(key));
                assertEquals(i, store.resolve(key));
            }
            assertEquals(keys.size(), store.slotCount());
            for (int i = 0; i < keys.size(); i++) {
                final Pubkey equalCopy = Pubkey.wrap(keys.get(i).toBytes());
                assertEquals(i, store.find(equalCopy));
                assertEquals(i, store.resolve(equalCopy));
                assertSame(keys.get(i), store.key(i), "the key object created at resolve time");
            }
            assertEquals(keys.size(), store.slotCount());
            assertEquals(0, store.accountCount(), "resolving creates no account");
        }
    }

    @Test
    void keysSharingTheirFirstEightBytesStayApart() {
        try (OffHeapAccountStore store = OffHeapAccountStore.inMemory()) {
            for (int i = 0; i < 5_000; i++) {
                assertEquals(i, store.resolve(TestAccounts.keyWithZeroPrefix(i)));
            }
            for (int i = 0; i < 5_000; i++) {
                assertEquals(i, store.find(TestAccounts.keyWithZeroPrefix(i)));
            }
            assertEquals(-1, store.find(TestAccounts.keyWithZeroPrefix(5_000)));
        }
    }

    @Test
    void slotIdsOutOfRangeAreRejected() {
        try (OffHeapAccountStore store = OffHeapAccountStore.inMemory()) {
            store.resolve(Pubkey.SYSTEM_PROGRAM);
            assertThrows(IndexOutOfBoundsException.class, () -> store.lamports(1));
            assertThrows(IndexOutOfBoundsException.class, () -> store.load(-1, new AccountBuffer()));
            assertThrows(IndexOutOfBoundsException.class, () -> store.key(1));
        }
    }

    @Test
    void loadGivesBackWhatWasSavedAcrossSizeClasses() {
        try (OffHeapAccountStore store = OffHeapAccountStore.inMemory()) {
            final SplittableRandom random = new SplittableRandom(2);
            final int slot = store.resolve(randomKey(random));
            final int neighbour = store.resolve(randomKey(random));
            final AccountBuffer neighbourAccount = account(77, STAKE_PROGRAM, 165, 99);
            store.save(neighbour, neighbourAccount);
            final AccountBuffer loaded = new AccountBuffer();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < DATA_LENGTHS.length; i++) {
                    final int length = DATA_LENGTHS[round == 0 ? i : DATA_LENGTHS.length - 1 - i];
                    final AccountBuffer saved = account(1_000 + length, TOKEN_PROGRAM, length, length * 31L + round);
                    store.save(slot, saved);
                    store.load(slot, loaded);
                    assertSameAccount(saved, loaded);
                    assertEquals(length, store.dataLength(slot));
                    assertEquals(TOKEN_PROGRAM, store.owner(slot));
                    store.load(neighbour, loaded);
                    assertSameAccount(neighbourAccount, loaded);
                }
            }
            assertEquals(2, store.accountCount());
        }
    }

    @Test
    void dataLargerThanTenMebibytesIsRejected() {
        try (OffHeapAccountStore store = OffHeapAccountStore.inMemory()) {
            final int slot = store.resolve(Pubkey.SYSTEM_PROGRAM);
            final AccountBuffer tooLarge = account(1, TOKEN_PROGRAM, SizeClasses.MAX_DATA_BYTES + 1, 1);
            assertThrows(IllegalArgumentException.class, () -> store.save(slot, tooLarge));
        }
    }

    @Test
    void loadReturnsTheInternedOwnerObject() {
        try (OffHeapAccountStore store = OffHeapAccountStore.inMemory()) {
            final Pubkey first = Pubkey.wrap(TOKEN_PROGRAM.toBytes());
            final Pubkey second = Pubkey.wrap(TOKEN_PROGRAM.toBytes());
            store.save(store.resolve(Pubkey.wrap(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})), account(5, first, 0, 1));
            final int slot = store.resolve(Pubkey.wrap(new byte[32]));
            store.save(slot, account(5, second, 0, 2));
            final AccountBuffer loaded = new AccountBuffer();
            store.load(slot, loaded);
            assertSame(first, loaded.owner());
            assertSame(first, store.owner(slot));
        }
    }

    @Test
    void zeroLamportsDeletesTheAccount() {
        try (OffHeapAccountStore store = OffHeapAccountStore.inMemory();
             OffHeapAccountStore without = OffHeapAccountStore.inMemory()) {
            final SplittableRandom random = new SplittableRandom(3);
            final Pubkey kept = randomKey(random);
            final Pubkey deleted = randomKey(random);
            final AccountBuffer keptAccount = account(10, TOKEN_PROGRAM, 165, 1);
            store.save(store.resolve(kept), keptAccount);
            without.save(without.resolve(kept), keptAccount);
            final int slot = store.resolve(deleted);
            store.save(slot, account(20, STAKE_PROGRAM, 5000, 2));
            assertEquals(2, store.accountCount());
            assertNotEquals(without.stateHash(), store.stateHash());

            final AccountBuffer zero = account(0, STAKE_PROGRAM, 5000, 2);
            store.save(slot, zero);
            assertEquals(1, store.accountCount());
            final AccountBuffer loaded = account(9, TOKEN_PROGRAM, 3, 3);
            store.load(slot, loaded);
            assertCleared(loaded);
            assertEquals(0, store.lamports(slot));
            assertEquals(0, store.dataLength(slot));
            assertEquals(without.stateHash(), store.stateHash());
            assertEquals(slot, store.find(deleted), "the slot keeps its key");

            store.saveLamports(slot, 30);
            assertEquals(2, store.accountCount());
            store.load(slot, loaded);
            assertEquals(30, loaded.lamports());
            assertEquals(Pubkey.SYSTEM_PROGRAM, loaded.owner());
            assertEquals(0, loaded.dataLength());
            store.saveLamports(slot, 0);
            store.saveLamports(slot, 0);
            assertEquals(1, store.accountCount());
            assertEquals(without.stateHash(), store.stateHash());
        }
    }

    @Test
    void saveLamportsChangesOnlyTheLamports() {
        try (OffHeapAccountStore store = OffHeapAccountStore.inMemory()) {
            final int slot = store.resolve(Pubkey.SYSTEM_PROGRAM);
            final AccountBuffer saved = account(100, TOKEN_PROGRAM, 165, 4);
            store.save(slot, saved);
            store.saveLamports(slot, 95);
            saved.lamports(95);
            final AccountBuffer loaded = new AccountBuffer();
            store.load(slot, loaded);
            assertSameAccount(saved, loaded);
            assertEquals(1, store.accountCount());
        }
    }

    @Test
    void forEachVisitsExistingAccountsAndFiltersByOwner() {
        try (OffHeapAccountStore store = OffHeapAccountStore.inMemory()) {
            final SplittableRandom random = new SplittableRandom(5);
            final Set<Integer> token = new HashSet<>();
            final Set<Integer> all = new HashSet<>();
            for (int i = 0; i < 300; i++) {
                final int slot = store.resolve(randomKey(random));
                if (i % 3 == 0) {
                    continue;
                }
                final Pubkey owner = i % 2 == 0 ? TOKEN_PROGRAM : Pubkey.SYSTEM_PROGRAM;
                store.save(slot, account(i, owner, i, i));
                all.add(slot);
                if (owner == TOKEN_PROGRAM) {
                    token.add(slot);
                }
            }
            final Set<Integer> visited = new HashSet<>();
            store.forEachAccount(visited::add);
            assertEquals(all, visited);
            final Set<Integer> owned = new HashSet<>();
            store.forEachAccountOwnedBy(Pubkey.wrap(TOKEN_PROGRAM.toBytes()), owned::add);
            assertEquals(token, owned);
            store.forEachAccountOwnedBy(STAKE_PROGRAM, slot -> {
                throw new AssertionError("no stake accounts");
            });
        }
    }

    @Test
    void stateHashIsIndependentOfInsertionOrderAndSlotLayout() {
        final SplittableRandom random = new SplittableRandom(6);
        final Map<Pubkey, AccountBuffer> accounts = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            accounts.put(randomKey(random), account(1 + i, i % 2 == 0 ? TOKEN_PROGRAM : STAKE_PROGRAM, i * 7, i));
        }
        final List<Pubkey> order = new ArrayList<>(accounts.keySet());
        try (OffHeapAccountStore forward = OffHeapAccountStore.inMemory();
             OffHeapAccountStore backward = OffHeapAccountStore.inMemory()) {
            for (final Pubkey key : order) {
                forward.save(forward.resolve(key), accounts.get(key));
            }
            backward.resolve(randomKey(random));
            for (int i = order.size() - 1; i >= 0; i--) {
                final Pubkey key = order.get(i);
                final int slot = backward.resolve(key);
                backward.save(slot, account(999, Pubkey.SYSTEM_PROGRAM, 20_000, i));
                backward.save(slot, accounts.get(key));
            }
            final int deleted = backward.resolve(randomKey(random));
            backward.save(deleted, account(5, TOKEN_PROGRAM, 10, 1));
            backward.saveLamports(deleted, 0);
            assertEquals(forward.stateHash(), backward.stateHash());
            assertEquals(ReferenceStateHash.of(accounts), forward.stateHash());
        }
    }

    @Test
    void stateHashOfNoAccountsIsTheHashOfZeroLanes() {
        try (OffHeapAccountStore store = OffHeapAccountStore.inMemory()) {
            store.resolve(Pubkey.SYSTEM_PROGRAM);
            assertEquals(Hash.sha256(new byte[32]), store.stateHash());
        }
    }

    @Test
    void stateHashChangesWithEveryHashedFieldButNotTheRentEpoch() {
        try (OffHeapAccountStore store = OffHeapAccountStore.inMemory()) {
            final SplittableRandom random = new SplittableRandom(7);
            final int other = store.resolve(randomKey(random));
            store.save(other, account(50, TOKEN_PROGRAM, 165, 8));
            final int slot = store.resolve(randomKey(random));
            final AccountBuffer base = account(1_000, TOKEN_PROGRAM, 165, 9);
            base.executable(false);
            store.save(slot, base);
            final Hash baseHash = store.stateHash();
            final Set<Hash> seen = new HashSet<>();
            seen.add(baseHash);

            final List<AccountBuffer> variants = new ArrayList<>();
            variants.add(withLamports(base, 1_001));
            variants.add(withOwner(base, STAKE_PROGRAM));
            variants.add(withExecutable(base));
            variants.add(withFlippedDataByte(base, 0));
            variants.add(withFlippedDataByte(base, 164));
            variants.add(withDataLength(base, 166));
            variants.add(withDataLength(base, 164));
            for (final AccountBuffer variant : variants) {
                store.save(slot, variant);
                final Hash changed = store.stateHash();
                assertNotEquals(baseHash, changed);
                assertEquals(true, seen.add(changed), "each change gives a new hash");
                store.save(slot, base);
                assertEquals(baseHash, store.stateHash(), "restoring restores the hash");
            }

            final AccountBuffer otherRent = TestAccounts.copy(base);
            otherRent.rentEpoch(base.rentEpoch() + 1);
            store.save(slot, otherRent);
            assertEquals(baseHash, store.stateHash(), "the rent epoch is not hashed");

            try (OffHeapAccountStore movedKey = OffHeapAccountStore.inMemory()) {
                movedKey.save(movedKey.resolve(store.key(other)), account(50, TOKEN_PROGRAM, 165, 8));
                movedKey.save(movedKey.resolve(randomKey(random)), base);
                assertNotEquals(baseHash, movedKey.stateHash(), "the key is hashed");
            }
        }
    }

    private static AccountBuffer withLamports(final AccountBuffer base, final long lamports) {
        final AccountBuffer copy = TestAccounts.copy(base);
        copy.lamports(lamports);
        return copy;
    }

    private static AccountBuffer withOwner(final AccountBuffer base, final Pubkey owner) {
        final AccountBuffer copy = TestAccounts.copy(base);
        copy.owner(owner);
        return copy;
    }

    private static AccountBuffer withExecutable(final AccountBuffer base) {
        final AccountBuffer copy = TestAccounts.copy(base);
        copy.executable(!base.executable());
        return copy;
    }

    private static AccountBuffer withFlippedDataByte(final AccountBuffer base, final int index) {
        final AccountBuffer copy = TestAccounts.copy(base);
        copy.data().putByte(index, (byte) (copy.data().getByte(index) ^ 1));
        return copy;
    }

    private static AccountBuffer withDataLength(final AccountBuffer base, final int length) {
        final AccountBuffer copy = TestAccounts.copy(base);
        copy.dataLength(length);
        return copy;
    }
}
