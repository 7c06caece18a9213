package io.lanes.bench.run;

import io.lanes.bench.workload.GenesisAccount;
import io.lanes.bench.workload.GenesisState;
import io.lanes.runtime.exec.Genesis;
import io.lanes.runtime.exec.ProgramRegistry;
import io.lanes.runtime.store.AccountBuffer;
import io.lanes.runtime.store.AccountStore;
import io.lanes.runtime.store.OffHeapAccountStore;

/** Loads a workload's genesis into a fresh in-memory store: program accounts, wallets, data accounts. */
public final class GenesisLoader {
    private GenesisLoader() {
    }

    public static AccountStore load(final GenesisState genesis, final ProgramRegistry programs) {
        final OffHeapAccountStore store = OffHeapAccountStore.inMemory(genesis.accountCount() + programs.programs().size());
        Genesis.addPrograms(store, programs);
        saveAccounts(store, genesis);
        return store;
    }

    /** Writes the genesis' wallets (the funded ones) and data accounts into a store, e.g. a node's data dir before its first start. */
    public static void saveAccounts(final AccountStore store, final GenesisState genesis) {
        final AccountBuffer account = new AccountBuffer();
        saveWallets(store, genesis, account);
        for (final GenesisAccount dataAccount : genesis.dataAccounts()) {
            saveDataAccount(store, dataAccount, account);
        }
    }

    private static void saveWallets(final AccountStore store, final GenesisState genesis, final AccountBuffer account) {
        for (int i = 0; i < genesis.wallets().length; i++) {
            final long lamports = genesis.walletLamports()[i];
            if (lamports > 0) {
                account.clear();
                account.lamports(lamports);
                store.save(store.resolve(genesis.wallets()[i]), account);
            }
        }
    }

    private static void saveDataAccount(final AccountStore store, final GenesisAccount source, final AccountBuffer account) {
        account.clear();
        account.lamports(source.lamports());
        account.owner(source.owner());
        account.executable(source.executable());
        account.dataLength(source.data().length);
        account.data().putBytes(0, source.data());
        store.save(store.resolve(source.key()), account);
    }
}
