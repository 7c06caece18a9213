package io.lanes.runtime.programs.defi;

import io.lanes.runtime.programs.TokenBank;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.Instruction;

import java.util.ArrayList;
import java.util.List;

/**
 * The token tests' bank ({@link TokenBank}: real transactions, token reads, failures that charge
 * only the fee) with a richer payer and the shapes the DeFi tests use.
 */
final class DefiBank extends TokenBank {
    DefiBank() {
        super(1_000 * SOL);
    }

    /** A new mint (InitializeMint2) with this authority and no freeze authority. */
    Pubkey createMint(final Keypair authority, final int decimals) {
        return createMint(authority.publicKey(), null, decimals);
    }

    /** A new token account (InitializeAccount3) of the mint, owned by {@code owner}. */
    Pubkey createTokenAccount(final Pubkey mint, final Pubkey owner) {
        return createAccount(mint, owner);
    }

    /** The same instruction with the account at {@code position} replaced by {@code key}, same privileges. */
    static Instruction withAccount(final Instruction instruction, final int position, final Pubkey key) {
        final List<AccountMeta> metas = new ArrayList<>(instruction.accounts());
        final AccountMeta old = metas.get(position);
        metas.set(position, new AccountMeta(key, old.isSigner(), old.isWritable()));
        return new Instruction(instruction.programId(), metas, instruction.data());
    }
}
