package io.lanes.sdk.wire;

import java.util.Arrays;

/**
 * An instruction inside a message: indexes into the message's account keys, and the data.
 * The arrays are owned by the instruction; callers must not change them.
 */
public final class CompiledInstruction {
    private final int programIdIndex;
    private final byte[] accountIndexes;
    private final byte[] data;

    public CompiledInstruction(final int programIdIndex, final byte[] accountIndexes, final byte[] data) {
        this.programIdIndex = programIdIndex;
        this.accountIndexes = accountIndexes;
        this.data = data;
    }

    public int programIdIndex() {
        return programIdIndex;
    }

    public int accountCount() {
        return accountIndexes.length;
    }

    /** The message-level index of the instruction's account at this position. */
    public int accountIndex(final int position) {
        return accountIndexes[position] & 0xFF;
    }

    public byte[] accountIndexes() {
        return accountIndexes;
    }

    public byte[] data() {
        return data;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof CompiledInstruction
            && ((CompiledInstruction) other).programIdIndex == programIdIndex
            && Arrays.equals(((CompiledInstruction) other).accountIndexes, accountIndexes)
            && Arrays.equals(((CompiledInstruction) other).data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * programIdIndex + Arrays.hashCode(accountIndexes)) + Arrays.hashCode(data);
    }
}
