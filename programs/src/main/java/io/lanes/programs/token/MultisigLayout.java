package io.lanes.programs.token;

import io.lanes.sdk.Pubkey;
import org.agrona.DirectBuffer;

/**
 * Flyweight reader of SPL Token's 355-byte {@code Multisig} state: {@code m} (signatures
 * required), {@code n} (valid signers), {@code is_initialized}, then 11 signer keys.
 */
public final class MultisigLayout {
    public static final int LENGTH = 355;
    public static final int M_OFFSET = 0;
    public static final int N_OFFSET = 1;
    public static final int IS_INITIALIZED_OFFSET = 2;
    public static final int SIGNERS_OFFSET = 3;
    /** Most signers a multisig holds. */
    public static final int MAX_SIGNERS = 11;
    /** Fewest signers a multisig holds. */
    public static final int MIN_SIGNERS = 1;

    private MultisigLayout() {
    }

    /** True if the data is what {@code Multisig::unpack} accepts. */
    public static boolean isValid(final DirectBuffer data, final int dataLength) {
        return check(data, dataLength) == LayoutChecks.VALID;
    }

    static int check(final DirectBuffer data, final int dataLength) {
        if (dataLength != LENGTH || !LayoutChecks.isBool(data, IS_INITIALIZED_OFFSET)) {
            return LayoutChecks.MALFORMED;
        }
        return isInitialized(data) ? LayoutChecks.VALID : LayoutChecks.UNINITIALIZED;
    }

    public static int requiredSigners(final DirectBuffer data) {
        return data.getByte(M_OFFSET) & 0xFF;
    }

    public static int signerCount(final DirectBuffer data) {
        return data.getByte(N_OFFSET) & 0xFF;
    }

    public static boolean isInitialized(final DirectBuffer data) {
        return data.getByte(IS_INITIALIZED_OFFSET) == 1;
    }

    /** Offset of signer {@code index} (0 to 10). */
    public static int signerOffset(final int index) {
        return SIGNERS_OFFSET + index * Pubkey.LENGTH;
    }

    public static Pubkey signer(final DirectBuffer data, final int index) {
        return Pubkey.read(data, signerOffset(index));
    }

    /** SPL Token's {@code is_valid_signer_index}: 1 to 11. */
    static boolean isValidSignerCount(final int count) {
        return count >= MIN_SIGNERS && count <= MAX_SIGNERS;
    }
}
