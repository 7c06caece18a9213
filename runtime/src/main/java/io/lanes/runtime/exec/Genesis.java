package io.lanes.runtime.exec;

import io.lanes.programs.NativeLoader;
import io.lanes.programs.token.NativeMint;
import io.lanes.programs.token.TokenProgram;
import io.lanes.runtime.store.AccountBuffer;
import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.Pubkey;

import java.nio.charset.StandardCharsets;

/**
 * Builds a genesis state: an executable account for every registered program (owned by the
 * native loader, holding the program's name, as Solana's builtins do) and funded wallets.
 */
public final class Genesis {
    /** Lamports in one SOL. */
    public static final long LAMPORTS_PER_SOL = 1_000_000_000L;

    private Genesis() {
    }

    /**
     * Creates the executable program accounts that do not exist yet, and, when the token program
     * is registered, the wrapped-SOL native mint as Solana's genesis has it.
     */
    public static void addPrograms(final AccountStore store, final ProgramRegistry programs) {
        if (programs.find(TokenProgram.ID) != null) {
            addNativeMint(store);
        }
        final AccountBuffer account = new AccountBuffer();
        for (final RegisteredProgram program : programs.programs()) {
            final int slot = store.resolve(program.id());
            if (store.lamports(slot) != 0) {
                continue;
            }
            final byte[] name = program.name().getBytes(StandardCharsets.UTF_8);
            account.clear();
            account.lamports(1);
            account.owner(NativeLoader.ID);
            account.executable(true);
            account.dataLength(name.length);
            account.data().putBytes(0, name);
            store.save(slot, account);
        }
    }

    private static void addNativeMint(final AccountStore store) {
        final int slot = store.resolve(NativeMint.ID);
        if (store.lamports(slot) != 0) {
            return;
        }
        final byte[] data = NativeMint.accountData();
        final AccountBuffer mint = new AccountBuffer();
        mint.clear();
        mint.lamports(NativeMint.LAMPORTS);
        mint.owner(TokenProgram.ID);
        mint.dataLength(data.length);
        mint.data().putBytes(0, data);
        store.save(slot, mint);
    }

    /** Sets a System-owned wallet's balance (creating it if needed). */
    public static void fund(final AccountStore store, final Pubkey wallet, final long lamports) {
        final AccountBuffer account = new AccountBuffer();
        account.clear();
        account.lamports(lamports);
        store.save(store.resolve(wallet), account);
    }
}
