package io.lanes.runtime.rpc;

import io.lanes.sdk.Hash;
import io.lanes.sdk.Signature;

import java.util.List;

/**
 * A block: the transactions executed during one slot, in their recorded order.
 *
 * @param slot              its slot
 * @param parentSlot        the previous block's slot
 * @param blockhash         this block's hash (the slot's blockhash)
 * @param previousBlockhash the parent's blockhash
 * @param blockHeight       number of blocks before it
 * @param blockTimeSeconds  Unix time when it was cut
 * @param signatures        first signature of each transaction, in order
 */
public record BlockRecord(
    long slot, long parentSlot, Hash blockhash, Hash previousBlockhash, long blockHeight, long blockTimeSeconds,
    List<Signature> signatures) {
}
