package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.sdk.Pubkey;

import java.math.BigDecimal;

/**
 * SPL Token (and Token-2022 base) account and mint layouts, read directly from account data, and
 * Solana's {@code UiTokenAmount} JSON. Token account: 165 bytes, mint 0..32, owner 32..64,
 * amount u64 LE at 64, delegate COption at 72, state at 108, is_native COption&lt;u64&gt; at 109,
 * delegated amount at 121, close authority COption at 129. Mint: 82 bytes, mint authority COption
 * at 0, supply at 36, decimals at 44, initialized at 45, freeze authority COption at 46.
 * Token-2022 accounts longer than 165 bytes carry their type at byte 165 (1 mint, 2 account).
 */
final class TokenLayout {
    static final Pubkey TOKEN_PROGRAM = Pubkey.fromBase58("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");
    static final Pubkey TOKEN_2022_PROGRAM = Pubkey.fromBase58("TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb");
    static final Pubkey NATIVE_MINT = Pubkey.fromBase58("So11111111111111111111111111111111111111112");
    static final int NATIVE_DECIMALS = 9;

    static final int ACCOUNT_LENGTH = 165;
    static final int MINT_LENGTH = 82;
    static final int MINT_OFFSET = 0;
    static final int OWNER_OFFSET = 32;
    private static final int EXTENDED_TYPE_OFFSET = 165;
    private static final int TYPE_MINT = 1;
    private static final int TYPE_ACCOUNT = 2;
    private static final String[] STATES = {"uninitialized", "initialized", "frozen"};

    private TokenLayout() {
    }

    static boolean isTokenProgram(final Pubkey program) {
        return TOKEN_PROGRAM.equals(program) || TOKEN_2022_PROGRAM.equals(program);
    }

    static String programName(final Pubkey program) {
        return TOKEN_2022_PROGRAM.equals(program) ? "spl-token-2022" : "spl-token";
    }

    /** True if the data is an initialized or frozen token account of a token program. */
    static boolean isAccount(final AccountSnapshot account) {
        if (account == null || !isTokenProgram(account.owner())) {
            return false;
        }
        final byte[] data = account.data();
        final boolean shaped = data.length == ACCOUNT_LENGTH
            || data.length > EXTENDED_TYPE_OFFSET && data[EXTENDED_TYPE_OFFSET] == TYPE_ACCOUNT;
        return shaped && data[108] != 0 && (data[108] & 0xFF) < STATES.length;
    }

    /** True if the data is an initialized mint of a token program. */
    static boolean isMint(final AccountSnapshot account) {
        if (account == null || !isTokenProgram(account.owner())) {
            return false;
        }
        final byte[] data = account.data();
        final boolean shaped = data.length == MINT_LENGTH
            || data.length > EXTENDED_TYPE_OFFSET && data[EXTENDED_TYPE_OFFSET] == TYPE_MINT;
        return shaped && data[45] != 0;
    }

    static Pubkey accountMint(final byte[] data) {
        return Pubkey.read(data, MINT_OFFSET);
    }

    static Pubkey accountOwner(final byte[] data) {
        return Pubkey.read(data, OWNER_OFFSET);
    }

    static long accountAmount(final byte[] data) {
        return u64(data, 64);
    }

    static long mintSupply(final byte[] data) {
        return u64(data, 36);
    }

    static int mintDecimals(final byte[] data) {
        return data[44] & 0xFF;
    }

    /** Solana's {@code UiTokenAmount}: amount as a string, decimals, uiAmount (null past 10^19), uiAmountString. */
    static ObjectNode uiAmount(final long amount, final int decimals) {
        final ObjectNode node = Json.object();
        final String digits = Long.toUnsignedString(amount);
        node.put("amount", digits);
        node.put("decimals", decimals);
        if (decimals <= 19) {
            node.put("uiAmount", new BigDecimal(digits).doubleValue() / Math.pow(10, decimals));
        } else {
            node.putNull("uiAmount");
        }
        node.put("uiAmountString", new BigDecimal(digits).movePointLeft(decimals).stripTrailingZeros().toPlainString());
        return node;
    }

    /** The parsed {@code info} of a token account (Solana's {@code UiTokenAccount}). */
    static ObjectNode parsedAccountInfo(final byte[] data, final int decimals) {
        final ObjectNode info = Json.object();
        info.put("isNative", u32(data, 109) == 1);
        info.put("mint", accountMint(data).toBase58());
        info.put("owner", accountOwner(data).toBase58());
        info.put("state", STATES[data[108]]);
        info.set("tokenAmount", uiAmount(accountAmount(data), decimals));
        if (u32(data, 72) == 1) {
            info.put("delegate", Pubkey.read(data, 76).toBase58());
            info.set("delegatedAmount", uiAmount(u64(data, 121), decimals));
        }
        if (u32(data, 109) == 1) {
            info.set("rentExemptReserve", uiAmount(u64(data, 113), decimals));
        }
        if (u32(data, 129) == 1) {
            info.put("closeAuthority", Pubkey.read(data, 133).toBase58());
        }
        return info;
    }

    /** The parsed {@code info} of a mint (Solana's {@code UiMint}). */
    static ObjectNode parsedMintInfo(final byte[] data) {
        final ObjectNode info = Json.object();
        info.put("decimals", mintDecimals(data));
        putOptionalKey(info, "freezeAuthority", data, 46);
        info.put("isInitialized", data[45] != 0);
        putOptionalKey(info, "mintAuthority", data, 0);
        info.put("supply", Long.toUnsignedString(mintSupply(data)));
        return info;
    }

    private static void putOptionalKey(final ObjectNode info, final String name, final byte[] data, final int offset) {
        if (u32(data, offset) == 1) {
            info.put(name, Pubkey.read(data, offset + 4).toBase58());
        } else {
            info.putNull(name);
        }
    }

    private static int u32(final byte[] data, final int offset) {
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8 | (data[offset + 2] & 0xFF) << 16
            | (data[offset + 3] & 0xFF) << 24;
    }

    static long u64(final byte[] data, final int offset) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = value << 8 | (data[offset + i] & 0xFF);
        }
        return value;
    }
}
