package io.lanes.runtime.store;

import io.lanes.sdk.Pubkey;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static io.lanes.runtime.store.TestAccounts.STAKE_PROGRAM;
import static io.lanes.runtime.store.TestAccounts.TOKEN_PROGRAM;
import static io.lanes.runtime.store.TestAccounts.randomKey;

/**
 * Random changes to a fixed set of keys, applied both to a store and to a model (key to expected
 * account, zero lamports where the account does not exist) built without reading the store back:
 * creates, whole-account updates, data edits in place, reallocations across size classes, owner
 * and executable changes, lamport-only saves, and closes by either kind of save.
 */
final class RandomAccountChanges {
    /** Data lengths spanning several size classes, including none and a large one. */
    private static final int[] DATA_LENGTHS = {0, 8, 40, 165, 300, 1_000, 20_000};
    private static final Pubkey[] OWNERS = {Pubkey.SYSTEM_PROGRAM, TOKEN_PROGRAM, STAKE_PROGRAM};
    private static final int KINDS_OF_CHANGE = 7;

    private final SplittableRandom random;
    private final Pubkey[] keys;
    private final Map<Pubkey, AccountBuffer> model = new LinkedHashMap<>();

    RandomAccountChanges(final long seed, final int keyCount) {
        random = new SplittableRandom(seed);
        keys = new Pubkey[keyCount];
        for (int i = 0; i < keyCount; i++) {
            keys[i] = randomKey(random);
            final AccountBuffer absent = new AccountBuffer();
            absent.clear();
            model.put(keys[i], absent);
        }
    }

    /** What the store should hold: every key, zero lamports for an account that does not exist. */
    Map<Pubkey, AccountBuffer> model() {
        return model;
    }

    /** Applies one random change to one random key, in the store and in the model. */
    void applyOne(final AccountStore store) {
        final Pubkey key = keys[random.nextInt(keys.length)];
        final int slot = store.resolve(key);
        final AccountBuffer account = model.get(key);
        switch (random.nextInt(KINDS_OF_CHANGE)) {
            case 0 -> replaceWithRandomAccount(account);
            case 1 -> editDataInPlace(account);
            case 2 -> reallocate(account);
            case 3 -> changeOwnerAndExecutable(account);
            case 4 -> {
                saveLamportsOnly(store, slot, account, 1 + random.nextLong(1_000_000_000L));
                return;
            }
            case 5 -> {
                saveLamportsOnly(store, slot, account, 0);
                return;
            }
            default -> account.clear();
        }
        store.save(slot, account);
    }

    /** Applies {@code count} random changes. */
    void apply(final AccountStore store, final int count) {
        for (int i = 0; i < count; i++) {
            applyOne(store);
        }
    }

    private void replaceWithRandomAccount(final AccountBuffer account) {
        account.lamports(1 + random.nextLong(1_000_000_000L));
        account.owner(OWNERS[random.nextInt(OWNERS.length)]);
        account.executable(random.nextInt(5) == 0);
        account.rentEpoch(random.nextInt(1_000));
        TestAccounts.fillData(account, DATA_LENGTHS[random.nextInt(DATA_LENGTHS.length)], random.nextLong());
    }

    /** Changes one data byte (or the lamports of an account without data); creates one if absent. */
    private void editDataInPlace(final AccountBuffer account) {
        if (account.lamports() == 0) {
            replaceWithRandomAccount(account);
        } else if (account.dataLength() == 0) {
            account.lamports(account.lamports() + 1);
        } else {
            final int at = random.nextInt(account.dataLength());
            account.data().putByte(at, (byte) (account.data().getByte(at) + 1));
        }
    }

    private void reallocate(final AccountBuffer account) {
        if (account.lamports() == 0) {
            account.lamports(1 + random.nextInt(1_000));
        }
        account.dataLength(DATA_LENGTHS[random.nextInt(DATA_LENGTHS.length)]);
    }

    private void changeOwnerAndExecutable(final AccountBuffer account) {
        if (account.lamports() == 0) {
            account.lamports(1);
        }
        account.owner(OWNERS[random.nextInt(OWNERS.length)]);
        account.executable(!account.executable());
    }

    /** A lamport-only save: zero deletes the account, otherwise a new account is an empty System one. */
    private static void saveLamportsOnly(
        final AccountStore store, final int slot, final AccountBuffer account, final long lamports) {
        if (lamports == 0) {
            account.clear();
        } else {
            account.lamports(lamports);
        }
        store.saveLamports(slot, lamports);
    }
}
