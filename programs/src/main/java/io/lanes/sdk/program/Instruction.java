package io.lanes.sdk.program;

import io.lanes.sdk.Pubkey;

import java.util.List;
import java.util.Objects;

/**
 * An instruction by value: which program, which accounts with which privileges, and the data.
 * Clients build transactions from these; programs pass them to
 * {@link InvokeContext#invoke(Instruction)} for a cross-program invocation.
 */
public final class Instruction {
    private final Pubkey programId;
    private final List<AccountMeta> accounts;
    private final byte[] data;

    public Instruction(final Pubkey programId, final List<AccountMeta> accounts, final byte[] data) {
        this.programId = Objects.requireNonNull(programId, "programId");
        this.accounts = List.copyOf(accounts);
        this.data = data.clone();
    }

    public Pubkey programId() {
        return programId;
    }

    public List<AccountMeta> accounts() {
        return accounts;
    }

    /** A copy of the instruction data. */
    public byte[] data() {
        return data.clone();
    }

    public int dataLength() {
        return data.length;
    }

    public byte dataAt(final int index) {
        return data[index];
    }

    /** The data without copying; callers must not change it. */
    public byte[] dataUnsafe() {
        return data;
    }

    @Override
    public String toString() {
        return "Instruction{program=" + programId + ", accounts=" + accounts + ", dataLength=" + data.length + '}';
    }
}
