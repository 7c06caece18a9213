package io.lanes.programs.token;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.Rent;

/**
 * The wrapped SOL mint {@code So11111111111111111111111111111111111111112}. Token accounts of
 * this mint hold lamports as their amount ({@code is_native} keeps the rent-exempt reserve);
 * transfers and closes move the lamports too.
 *
 * <p>Programs cannot create accounts at genesis, so the runtime's genesis must add this account,
 * as Solana's genesis does: {@link #LAMPORTS} lamports, owner {@link TokenProgram#ID}, not
 * executable, data {@link #accountData()} (82 bytes: no mint authority, supply 0, decimals 9,
 * initialized, no freeze authority).
 */
public final class NativeMint {
    public static final Pubkey ID = Pubkey.fromBase58("So11111111111111111111111111111111111111112");
    public static final int DECIMALS = 9;
    /** Rent-exempt minimum of an 82-byte mint: 1,461,600. */
    public static final long LAMPORTS = Rent.minimumBalance(MintLayout.LENGTH);

    private NativeMint() {
    }

    /** The native mint's 82 data bytes. */
    public static byte[] accountData() {
        return MintLayout.encode(null, 0, DECIMALS, true, null);
    }
}
