package io.lanes.ledger;

import io.lanes.sdk.Hash;

/**
 * The runtime's part of {@link LedgerVerifier}: called once per block, in ledger order, after the
 * ledger checked the block's chain. The runtime re-executes the block and answers the state hash
 * it computed; the verifier compares it with the recorded one.
 */
@FunctionalInterface
public interface BlockCheck {
    /**
     * @param slot              the block's slot
     * @param recordedStateHash the state hash the ledger recorded after the block
     * @param block             the whole block
     * @return the state hash the runtime computed after executing the block, or null to skip the comparison
     */
    Hash stateHashAfter(long slot, Hash recordedStateHash, Block block);

    /** Compares nothing: verifies the ledger's own chain only. */
    BlockCheck NONE = (slot, recordedStateHash, block) -> null;
}
