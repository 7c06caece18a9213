package io.lanes.runtime.exec;

import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.Hash;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.Transaction;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The ledger state a transaction is admitted against: the accounts, the programs, the current
 * slot, the recent blockhashes and the signatures already seen. Admission runs on one thread
 * (the scheduler, or the sequential executor's caller); execution may then run elsewhere.
 */
public final class Bank {
    /** Most accounts one transaction may lock, as Solana's MAX_TX_ACCOUNT_LOCKS. */
    public static final int MAX_ACCOUNTS_PER_TRANSACTION = 64;

    private final AccountStore store;
    private final ProgramRegistry programs;
    private final boolean checkBlockhash;
    private final BlockhashQueue blockhashes = new BlockhashQueue();
    private final StatusCache statusCache = new StatusCache();
    private long slot;

    /**
     * @param checkBlockhash false only for test vectors whose blockhash no cluster made
     */
    public Bank(final AccountStore store, final ProgramRegistry programs, final boolean checkBlockhash) {
        this(store, programs, checkBlockhash, 0, blockhashForSlot(0));
    }

    /** A bank that starts at {@code startSlot} with that slot's blockhash (a restarted node). */
    public Bank(final AccountStore store, final ProgramRegistry programs, final boolean checkBlockhash,
                final long startSlot, final Hash startBlockhash) {
        this.store = store;
        this.programs = programs;
        this.checkBlockhash = checkBlockhash;
        this.slot = startSlot;
        blockhashes.register(startBlockhash, startSlot);
        statusCache.onSlot(startSlot);
    }

    /** The deterministic blockhash of a slot when no ledger supplies one: SHA-256("lanes-slot" || slot). */
    public static Hash blockhashForSlot(final long slot) {
        final ByteBuffer bytes = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put("lanes-slot".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putLong(slot);
        return Hash.sha256(bytes.array());
    }

    /** Starts the next slot with the given blockhash; signatures too old to be replayed are forgotten. */
    public void advanceSlot(final Hash blockhash) {
        slot++;
        blockhashes.register(blockhash, slot);
        statusCache.onSlot(slot);
    }

    /**
     * Replay: starts a recorded block's slot with the blockhash the block recorded. Slots without a
     * block are skipped, so the slot may jump ahead. Call with nothing in flight.
     */
    public void startRecordedSlot(final long blockSlot, final Hash blockhash) {
        if (blockSlot <= slot) {
            throw new IllegalArgumentException("slot " + blockSlot + " is not after the bank's slot " + slot);
        }
        slot = blockSlot;
        blockhashes.register(blockhash, slot);
        statusCache.onSlot(slot);
    }

    public void advanceSlot() {
        advanceSlot(blockhashForSlot(slot + 1));
    }

    /**
     * The checks made before a transaction is scheduled: account count, blockhash age, duplicate
     * signature. On success the signature is recorded, so a resend is a duplicate.
     *
     * @return null if admitted, else the error that rejects it (no fee, no trace)
     */
    public TransactionError admit(final Transaction transaction) {
        if (transaction.message().accountKeyCount() > MAX_ACCOUNTS_PER_TRANSACTION) {
            return TransactionError.of(TransactionError.Kind.TooManyAccountLocks);
        }
        if (transaction.message().addressTableLookupCount() != 0) {
            return TransactionError.of(TransactionError.Kind.AddressLookupTableNotFound);
        }
        if (checkBlockhash && !blockhashes.isValid(transaction.message().recentBlockhash())) {
            return TransactionError.of(TransactionError.Kind.BlockhashNotFound);
        }
        if (!statusCache.add(transaction.signature(0), slot)) {
            return TransactionError.of(TransactionError.Kind.AlreadyProcessed);
        }
        return null;
    }

    public AccountStore store() {
        return store;
    }

    public ProgramRegistry programs() {
        return programs;
    }

    public long slot() {
        return slot;
    }

    public Hash latestBlockhash() {
        return blockhashes.latest();
    }

    public BlockhashQueue blockhashes() {
        return blockhashes;
    }

    public StatusCache statusCache() {
        return statusCache;
    }
}
