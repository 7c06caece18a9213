package io.lanes.sdk.wire;

import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;

import java.util.List;

/**
 * A decoded message: what the signatures sign. Immutable; it keeps its own serialized bytes so
 * that verifying and re-encoding never re-serialize.
 *
 * <p>Writability follows the header positions, then Solana's demotion: a key that some
 * instruction calls as its program is never writable.
 */
public final class Message {
    private final MessageVersion version;
    private final MessageHeader header;
    private final Pubkey[] accountKeys;
    private final Hash recentBlockhash;
    private final CompiledInstruction[] instructions;
    private final AddressTableLookup[] addressTableLookups;
    private final byte[] serialized;
    private final boolean[] writable;

    public Message(
        final MessageVersion version,
        final MessageHeader header,
        final Pubkey[] accountKeys,
        final Hash recentBlockhash,
        final CompiledInstruction[] instructions,
        final AddressTableLookup[] addressTableLookups,
        final byte[] serialized) {
        this.version = version;
        this.header = header;
        this.accountKeys = accountKeys;
        this.recentBlockhash = recentBlockhash;
        this.instructions = instructions;
        this.addressTableLookups = addressTableLookups;
        this.serialized = serialized;
        this.writable = computeWritable(header, accountKeys.length, instructions);
    }

    private static boolean[] computeWritable(
        final MessageHeader header, final int keyCount, final CompiledInstruction[] instructions) {
        final boolean[] writable = new boolean[keyCount];
        for (int i = 0; i < keyCount; i++) {
            writable[i] = isWritableByPosition(header, keyCount, i);
        }
        for (final CompiledInstruction instruction : instructions) {
            final int programIndex = instruction.programIdIndex();
            if (programIndex < keyCount) {
                writable[programIndex] = false;
            }
        }
        return writable;
    }

    /** Writability from the header alone, before demotion (what the vectors' {@code writable} field lists). */
    public static boolean isWritableByPosition(final MessageHeader header, final int keyCount, final int index) {
        final int signed = header.numRequiredSignatures();
        if (index < signed) {
            return index < signed - header.numReadonlySignedAccounts();
        }
        return index < keyCount - header.numReadonlyUnsignedAccounts();
    }

    public MessageVersion version() {
        return version;
    }

    public MessageHeader header() {
        return header;
    }

    public int accountKeyCount() {
        return accountKeys.length;
    }

    public Pubkey accountKey(final int index) {
        return accountKeys[index];
    }

    public List<Pubkey> accountKeys() {
        return List.of(accountKeys);
    }

    public Hash recentBlockhash() {
        return recentBlockhash;
    }

    public int instructionCount() {
        return instructions.length;
    }

    public CompiledInstruction instruction(final int index) {
        return instructions[index];
    }

    public List<CompiledInstruction> instructions() {
        return List.of(instructions);
    }

    public int addressTableLookupCount() {
        return addressTableLookups.length;
    }

    public List<AddressTableLookup> addressTableLookups() {
        return List.of(addressTableLookups);
    }

    public boolean isSigner(final int index) {
        return index < header.numRequiredSignatures();
    }

    /** Writable after demotion: header position says writable and no instruction calls it as a program. */
    public boolean isWritable(final int index) {
        return writable[index];
    }

    public Pubkey feePayer() {
        return accountKeys[0];
    }

    /** The exact bytes the signatures sign. Callers must not change them. */
    public byte[] serialized() {
        return serialized;
    }
}
