package io.lanes.runtime.rpc;

import io.lanes.sdk.Pubkey;

/**
 * What the node tells subscribers (the PubSub server) as it runs. Called on node threads: an
 * implementation must only hand the event over (e.g. to its event loop) and return.
 */
public interface NodeEvents {
    /** A new slot began; {@code parentSlot} is the previous one. */
    default void onSlot(final long slot, final long parentSlot) {
    }

    /**
     * A transaction reached a commitment level: called once with "processed" when it executed,
     * then with "confirmed" and "finalized" as its block is made durable.
     */
    default void onTransaction(final TransactionRecord record) {
    }

    /** A successful transaction in {@code slot} wrote the account (its new state is readable now). */
    default void onAccountWritten(final Pubkey key, final long slot) {
    }
}
