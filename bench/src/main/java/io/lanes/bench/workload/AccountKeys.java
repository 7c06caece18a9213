package io.lanes.bench.workload;

import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;

import java.util.stream.IntStream;

/**
 * The keys of a workload's numbered accounts: a key pair for each account that signs, an address
 * for every account. Derived in parallel on all cores.
 */
public final class AccountKeys {
    private final Pubkey[] addresses;
    private final Keypair[] keypairs;

    private AccountKeys(final Pubkey[] addresses, final Keypair[] keypairs) {
        this.addresses = addresses;
        this.keypairs = keypairs;
    }

    /**
     * @param signs which accounts sign (and so need a key pair); one entry per account
     */
    public static AccountKeys derive(final DeterministicKeys keys, final int stream, final boolean[] signs) {
        final Pubkey[] addresses = new Pubkey[signs.length];
        final Keypair[] keypairs = new Keypair[signs.length];
        IntStream.range(0, signs.length).parallel().forEach(account -> {
            if (signs[account]) {
                keypairs[account] = keys.keypair(stream, account);
                addresses[account] = keypairs[account].publicKey();
            } else {
                addresses[account] = keys.address(stream, account);
            }
        });
        return new AccountKeys(addresses, keypairs);
    }

    public int count() {
        return addresses.length;
    }

    public Pubkey address(final int account) {
        return addresses[account];
    }

    /** The account's key pair; fails if it was derived as a non-signer. */
    public Keypair keypair(final int account) {
        final Keypair keypair = keypairs[account];
        if (keypair == null) {
            throw new IllegalStateException("account " + account + " was derived without a key pair");
        }
        return keypair;
    }

    /** All addresses; callers must not change the array. */
    public Pubkey[] addresses() {
        return addresses;
    }
}
