package io.lanes.runtime.rpc;

import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.Transaction;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the JSON-RPC and PubSub servers need from the node. The servers own the wire (HTTP,
 * websocket, JSON shapes, error codes, parameter checking, encodings); the backend owns state.
 * Every method is thread-safe; account reads are consistent (never a half-written account).
 */
public interface RpcBackend {
    /** The newest slot (processed). */
    long slot();

    /** Blocks produced so far. */
    long blockHeight();

    /** Transactions executed so far. */
    long transactionCount();

    Hash genesisHash();

    /** The node's identity key. */
    Pubkey identity();

    Hash latestBlockhash();

    /** The block height after which the latest blockhash stops being accepted. */
    long lastValidBlockHeight();

    boolean isBlockhashValid(Hash blockhash);

    /** Slots per epoch (Lanes has one long epoch: epoch 0). */
    long slotsPerEpoch();

    /** The accounts, null for each that does not exist, all read at one point in the execution order. */
    CompletableFuture<List<AccountSnapshot>> accounts(List<Pubkey> keys);

    /** Every existing account owned by the program. */
    CompletableFuture<List<AccountSnapshot>> programAccounts(Pubkey owner);

    long minimumBalanceForRentExemption(long dataLength);

    /** The fee the message would pay (5,000 per signature plus its priority fee), or null if its blockhash is not valid. */
    Long feeForMessage(io.lanes.sdk.wire.Message message);

    /**
     * Queues a sanitized, signature-verified transaction for execution.
     *
     * @return null if accepted; else why not (AlreadyProcessed, BlockhashNotFound, or a full queue
     *         reported as {@link SubmitRejection})
     */
    SubmitRejection submit(Transaction transaction);

    /** Executes against the current state without committing; optionally returns some accounts after. */
    CompletableFuture<SimulationResult> simulate(Transaction transaction, List<Pubkey> returnAccounts);

    /** The executed transaction, or null if unknown (or not executed yet). */
    TransactionRecord transaction(Signature signature);

    /** The block of the slot, or null if there is none (skipped or not yet cut). */
    BlockRecord block(long slot);

    /** Pays lamports from the faucet; returns the transaction's signature. */
    Signature requestAirdrop(Pubkey to, long lamports);

    /** Registers a listener for slots, transaction commitments and account writes. */
    void subscribe(NodeEvents listener);

    void unsubscribe(NodeEvents listener);

    /** Why a submission was refused before execution. */
    record SubmitRejection(TransactionError error, String message) {
    }
}
