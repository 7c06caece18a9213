package io.lanes.runtime.ingest;

import io.lanes.runtime.rpc.RpcBackend;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.Message;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;
import io.lanes.sdk.wire.WireFormatException;
import org.agrona.concurrent.Agent;

import java.util.Queue;

/**
 * One verifier: each duty cycle drains transactions from the shared queue until its signature
 * batch is full, verifies the batch, then hands every fully valid transaction to the sink in the
 * order it was drained. Reuses its batch and arrays: no allocation per transaction on the good path.
 * A rejection is told to the listener before it is counted, so a count seen means the listener ran.
 */
final class SigVerifyAgent implements Agent {
    private static final System.Logger LOG = System.getLogger(SigVerifyAgent.class.getName());

    private final String name;
    private final Queue<Transaction> queue;
    private final Ed25519Verifier verifier;
    private final TransactionSink sink;
    private final RejectionListener listener;
    private final RecentSignatures recent;
    private final IngestCounters counters;
    private final SignatureBatch batch;
    /** Drained transactions of this cycle; null where one was dropped before verification. */
    private final Transaction[] drained;
    /** Index in {@link #batch} of each drained transaction's first signature. */
    private final int[] firstEntry;
    private int drainedCount;

    SigVerifyAgent(final String name, final Queue<Transaction> queue, final Ed25519Verifier verifier,
                   final TransactionSink sink, final RejectionListener listener, final RecentSignatures recent,
                   final IngestCounters counters, final int maxBatchSignatures) {
        this.name = name;
        this.queue = queue;
        this.verifier = verifier;
        this.sink = sink;
        this.listener = listener;
        this.recent = recent;
        this.counters = counters;
        this.batch = new SignatureBatch(maxBatchSignatures);
        this.drained = new Transaction[maxBatchSignatures];
        this.firstEntry = new int[maxBatchSignatures];
    }

    @Override
    public int doWork() {
        final int transactions = drain();
        if (transactions > 0) {
            verifier.verifyBatch(batch);
            deliver();
        }
        return transactions;
    }

    @Override
    public String roleName() {
        return name;
    }

    /** Polls transactions while the batch has room for a whole transaction's signatures. */
    private int drain() {
        batch.clear();
        drainedCount = 0;
        int polled = 0;
        while (batch.remaining() >= SigVerifyConfig.MAX_SIGNATURES_PER_TRANSACTION && drainedCount < drained.length) {
            final Transaction transaction = queue.poll();
            if (transaction == null) {
                break;
            }
            polled++;
            addToBatch(transaction);
        }
        return polled;
    }

    private void addToBatch(final Transaction transaction) {
        final int index = drainedCount++;
        firstEntry[index] = batch.size();
        drained[index] = null;
        if (!hasSignatureCountOfHeader(transaction)) {
            reject(transaction, TransactionError.Kind.SanitizeFailure,
                "signature count does not match the message header, or exceeds " + SigVerifyConfig.MAX_SIGNATURES_PER_TRANSACTION);
            counters.sanitizeFailure();
            return;
        }
        if (recent.contains(transaction.signature(0))) {
            reject(transaction, TransactionError.Kind.AlreadyProcessed, "duplicate signature (seen recently)");
            counters.duplicateDropped();
            return;
        }
        final byte[] message = signedBytes(transaction.message());
        if (message == null) {
            reject(transaction, TransactionError.Kind.SanitizeFailure, "message cannot be encoded");
            counters.sanitizeFailure();
            return;
        }
        for (int i = 0; i < transaction.signatureCount(); i++) {
            batch.add(transaction.message().accountKey(i), message, 0, message.length, transaction.signature(i));
        }
        drained[index] = transaction;
    }

    /** The bytes the signatures sign: kept from decoding, or encoded for a message built in memory. */
    private static byte[] signedBytes(final Message message) {
        if (message.serialized() != null) {
            return message.serialized();
        }
        try {
            return TransactionCodec.encodeMessage(message);
        } catch (final WireFormatException unencodable) {
            return null;
        }
    }

    private static boolean hasSignatureCountOfHeader(final Transaction transaction) {
        final Message message = transaction.message();
        final int count = transaction.signatureCount();
        return count > 0 && count == message.header().numRequiredSignatures() && count <= message.accountKeyCount()
            && count <= SigVerifyConfig.MAX_SIGNATURES_PER_TRANSACTION;
    }

    private void deliver() {
        for (int i = 0; i < drainedCount; i++) {
            final Transaction transaction = drained[i];
            drained[i] = null;
            if (transaction != null) {
                deliverOne(transaction, firstEntry[i]);
            }
        }
    }

    private void deliverOne(final Transaction transaction, final int first) {
        final int invalid = firstInvalidSignature(first, transaction.signatureCount());
        if (invalid >= 0) {
            reject(transaction, TransactionError.Kind.SignatureFailure, "signature " + invalid + " is not valid");
            counters.signatureFailure();
            return;
        }
        recent.add(transaction.signature(0));
        final RpcBackend.SubmitRejection rejection = submit(transaction);
        if (rejection == null) {
            counters.acceptedOne();
        } else {
            reject(transaction, rejection.error().kind(), rejection.message());
            counters.sinkRejection();
        }
    }

    private int firstInvalidSignature(final int first, final int count) {
        for (int i = 0; i < count; i++) {
            if (!batch.isValid(first + i)) {
                return i;
            }
        }
        return -1;
    }

    private RpcBackend.SubmitRejection submit(final Transaction transaction) {
        try {
            return sink.submit(transaction);
        } catch (final RuntimeException sinkFailure) {
            LOG.log(System.Logger.Level.WARNING, name + ": sink threw on " + transaction.signature(0), sinkFailure);
            return new RpcBackend.SubmitRejection(TransactionError.of(TransactionError.Kind.SanitizeFailure),
                "sink failed: " + sinkFailure);
        }
    }

    private void reject(final Transaction transaction, final TransactionError.Kind kind, final String reason) {
        try {
            listener.rejected(transaction, kind, reason);
        } catch (final RuntimeException listenerFailure) {
            LOG.log(System.Logger.Level.WARNING, name + ": rejection listener threw", listenerFailure);
        }
    }
}
