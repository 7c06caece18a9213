package io.lanes.bench.workload;

import io.lanes.sdk.Pubkey;

import java.util.List;

/**
 * The accounts a workload starts from, besides the program accounts every genesis has.
 *
 * <p>Wallets are System-owned accounts without data. A wallet with 0 lamports does not exist at
 * genesis (a workload creates it); it is listed so that invariants can sum over every wallet the
 * workload touches. Data accounts (token accounts, pools) are for workloads with programs of
 * their own.
 *
 * @param wallets        System wallets, funded or not
 * @param walletLamports balance of each wallet at genesis, 0 for not existing
 * @param dataAccounts   other accounts, created as given
 */
public record GenesisState(Pubkey[] wallets, long[] walletLamports, List<GenesisAccount> dataAccounts) {
    public GenesisState {
        if (wallets.length != walletLamports.length) {
            throw new IllegalArgumentException("one balance per wallet: " + wallets.length + " != " + walletLamports.length);
        }
        dataAccounts = List.copyOf(dataAccounts);
    }

    /** Wallets only. */
    public static GenesisState ofWallets(final Pubkey[] wallets, final long[] walletLamports) {
        return new GenesisState(wallets, walletLamports, List.of());
    }

    /** Accounts the store will hold: wallets (funded or not) and data accounts. */
    public int accountCount() {
        return wallets.length + dataAccounts.size();
    }

    /** Total lamports of the wallets at genesis. */
    public long totalWalletLamports() {
        long total = 0;
        for (final long lamports : walletLamports) {
            total = Math.addExact(total, lamports);
        }
        return total;
    }
}
