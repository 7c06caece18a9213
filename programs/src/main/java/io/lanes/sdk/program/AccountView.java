package io.lanes.sdk.program;

import io.lanes.sdk.Pubkey;
import org.agrona.MutableDirectBuffer;

/**
 * One account of the executing instruction, as the program sees it. Changes made through a view
 * go to the transaction's private copy; they reach the account store only if the whole
 * transaction succeeds and passes the runtime's account rules.
 *
 * <p>A view is valid only during the {@link Program#process} call that received it. The buffer
 * returned by {@link #data()} is valid until the next {@link #resize(int)}.
 */
public interface AccountView {
    /** Largest data an account may hold: 10 MiB, as in Solana. */
    int MAX_DATA_LENGTH = 10 * 1024 * 1024;

    /** Most an instruction may grow an account's data: 10 KiB, as in Solana. */
    int MAX_DATA_GROWTH_PER_INSTRUCTION = 10 * 1024;

    Pubkey key();

    boolean isSigner();

    boolean isWritable();

    boolean isExecutable();

    long lamports();

    void setLamports(long lamports);

    Pubkey owner();

    boolean isOwnedBy(Pubkey program);

    void setOwner(Pubkey owner);

    long rentEpoch();

    int dataLength();

    /** The account's data, exactly {@link #dataLength()} bytes, readable and writable in place. */
    MutableDirectBuffer data();

    /**
     * Changes the data length; new bytes are zero. Fails with {@code InvalidRealloc} beyond
     * {@link #MAX_DATA_LENGTH}; the runtime also checks the per-instruction growth limit.
     */
    void resize(int newLength);
}
