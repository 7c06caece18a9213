package io.lanes.sdk.program;

import io.lanes.sdk.Pubkey;

import java.util.Objects;

/** An account passed to an instruction, with the privileges the caller asks for. */
public final class AccountMeta {
    private final Pubkey key;
    private final boolean signer;
    private final boolean writable;

    public AccountMeta(final Pubkey key, final boolean signer, final boolean writable) {
        this.key = Objects.requireNonNull(key, "key");
        this.signer = signer;
        this.writable = writable;
    }

    public static AccountMeta writable(final Pubkey key, final boolean signer) {
        return new AccountMeta(key, signer, true);
    }

    public static AccountMeta readOnly(final Pubkey key, final boolean signer) {
        return new AccountMeta(key, signer, false);
    }

    public Pubkey key() {
        return key;
    }

    public boolean isSigner() {
        return signer;
    }

    public boolean isWritable() {
        return writable;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof AccountMeta
            && ((AccountMeta) other).key.equals(key)
            && ((AccountMeta) other).signer == signer
            && ((AccountMeta) other).writable == writable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, signer, writable);
    }

    @Override
    public String toString() {
        return key + (signer ? " signer" : "") + (writable ? " writable" : " readonly");
    }
}
