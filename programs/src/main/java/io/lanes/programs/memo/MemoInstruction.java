package io.lanes.programs.memo;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.Instruction;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds Memo instructions as {@code @solana/spl-memo} does: the UTF-8 text as data, signers as read-only signer accounts. */
public final class MemoInstruction {
    private MemoInstruction() {
    }

    /** A v2 memo; each signer must sign the transaction. */
    public static Instruction memo(final String text, final Pubkey... signers) {
        return memo(text.getBytes(StandardCharsets.UTF_8), signers);
    }

    /** A v2 memo of raw bytes (for tests of invalid UTF-8). */
    public static Instruction memo(final byte[] data, final Pubkey... signers) {
        final List<AccountMeta> accounts = new ArrayList<>();
        for (final Pubkey signer : signers) {
            accounts.add(AccountMeta.readOnly(signer, true));
        }
        return new Instruction(MemoProgram.ID, accounts, data);
    }

    /** A legacy v1 memo: no accounts. */
    public static Instruction memoV1(final byte[] data) {
        return new Instruction(MemoProgram.V1_ID, List.of(), data);
    }
}
