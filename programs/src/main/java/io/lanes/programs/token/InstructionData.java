package io.lanes.programs.token;

import io.lanes.sdk.Pubkey;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Bounds-checked reads of SPL Token instruction data. Short data fails with
 * {@code Custom(InvalidInstruction)} as {@code TokenInstruction::unpack} does (not with the
 * runtime's {@code InvalidInstructionData}); bytes past the fields are ignored, as there.
 */
final class InstructionData {
    /** Offset of the first field after the tag byte. */
    static final int BODY = 1;
    /** Offset of the decimals byte of the {@code *Checked} instructions. */
    static final int CHECKED_DECIMALS = BODY + 8;

    private InstructionData() {
    }

    static int tag(final DirectBuffer data) {
        return u8(data, 0);
    }

    static int u8(final DirectBuffer data, final int offset) {
        require(data, offset, 1);
        return data.getByte(offset) & 0xFF;
    }

    static long u64(final DirectBuffer data, final int offset) {
        require(data, offset, 8);
        return data.getLong(offset, ByteOrder.LITTLE_ENDIAN);
    }

    /** Checks that a 32-byte key lies at the offset; callers copy it buffer to buffer. */
    static int pubkeyAt(final DirectBuffer data, final int offset) {
        require(data, offset, Pubkey.LENGTH);
        return offset;
    }

    /**
     * A {@code COption<Pubkey>} in instruction form (a 1-byte tag, then the key if 1): the key's
     * offset, or -1 for None.
     */
    static int optionalPubkeyAt(final DirectBuffer data, final int offset) {
        final int tag = u8(data, offset);
        if (tag == 0) {
            return -1;
        }
        if (tag != 1) {
            throw TokenError.InvalidInstruction.exception();
        }
        return pubkeyAt(data, offset + 1);
    }

    /**
     * Checks that the data holds every field the tag's instruction needs, as
     * {@code TokenInstruction::unpack} does before the program logs or touches an account.
     */
    static void requireWellFormed(final int tag, final DirectBuffer data) {
        switch (tag) {
            case TokenInstruction.INITIALIZE_MINT, TokenInstruction.INITIALIZE_MINT_2 -> {
                u8(data, BODY);
                pubkeyAt(data, BODY + 1);
                optionalPubkeyAt(data, BODY + 1 + Pubkey.LENGTH);
            }
            case TokenInstruction.INITIALIZE_MULTISIG, TokenInstruction.INITIALIZE_MULTISIG_2 -> u8(data, BODY);
            case TokenInstruction.TRANSFER, TokenInstruction.APPROVE, TokenInstruction.MINT_TO, TokenInstruction.BURN ->
                u64(data, BODY);
            case TokenInstruction.SET_AUTHORITY -> {
                if (AuthorityType.fromWire(u8(data, BODY)) == null) {
                    throw TokenError.InvalidInstruction.exception();
                }
                optionalPubkeyAt(data, BODY + 1);
            }
            case TokenInstruction.TRANSFER_CHECKED, TokenInstruction.APPROVE_CHECKED,
                TokenInstruction.MINT_TO_CHECKED, TokenInstruction.BURN_CHECKED -> u8(data, CHECKED_DECIMALS);
            case TokenInstruction.INITIALIZE_ACCOUNT_2, TokenInstruction.INITIALIZE_ACCOUNT_3 -> pubkeyAt(data, BODY);
            case TokenInstruction.INITIALIZE_ACCOUNT, TokenInstruction.REVOKE, TokenInstruction.CLOSE_ACCOUNT,
                TokenInstruction.FREEZE_ACCOUNT, TokenInstruction.THAW_ACCOUNT, TokenInstruction.SYNC_NATIVE,
                TokenInstruction.GET_ACCOUNT_DATA_SIZE, TokenInstruction.INITIALIZE_IMMUTABLE_OWNER -> {
            }
            default -> throw TokenError.InvalidInstruction.exception();
        }
    }

    static Pubkey pubkeyOrNull(final DirectBuffer data, final int offset) {
        return offset < 0 ? null : Pubkey.read(data, offset);
    }

    private static void require(final DirectBuffer data, final int offset, final int length) {
        if (data.capacity() - offset < length) {
            throw TokenError.InvalidInstruction.exception();
        }
    }
}
