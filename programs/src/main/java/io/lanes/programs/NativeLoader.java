package io.lanes.programs;

import io.lanes.sdk.Pubkey;

/** Owner of the built-in programs' executable accounts, as in Solana. */
public final class NativeLoader {
    public static final Pubkey ID = Pubkey.fromBase58("NativeLoader1111111111111111111111111111111");

    private NativeLoader() {
    }
}
