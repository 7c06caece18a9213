package io.lanes.ledger;

import io.lanes.sdk.Hash;
import io.lanes.sdk.wire.SanitizeResult;
import io.lanes.sdk.wire.Sanitizer;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;
import io.lanes.sdk.wire.WireFormatException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The core of {@code verify-ledger}: walks the whole ledger with a {@link LedgerReader} (record
 * CRCs, segment anchors, slot chain, entry hashes recomputed from the signatures), optionally
 * decodes, sanitizes and verifies the Ed25519 signatures of every transaction (which catches a
 * changed message byte: the entry chain covers signatures only), and calls the runtime's
 * {@link BlockCheck} per block to compare state hashes. Stops at the first problem and reports it
 * with its slot, entry index and transaction index. Stateless; one verification per thread.
 */
public final class LedgerVerifier {
    private final boolean verifySignatures;

    /**
     * @param verifySignatures also decode, sanitize and verify every transaction's signatures (slow:
     *                         5 to 9 k transactions/s on one core of the README's machine)
     */
    public LedgerVerifier(final boolean verifySignatures) {
        this.verifySignatures = verifySignatures;
    }

    /** Verifies {@code dataDir/ledger} from its oldest segment. */
    public VerifyReport verify(final Path dataDir, final BlockCheck check) throws IOException {
        try (LedgerReader reader = LedgerReader.open(dataDir)) {
            return verify(reader, check);
        }
    }

    /** Verifies what the reader yields, to its end or first problem. */
    public VerifyReport verify(final LedgerReader reader, final BlockCheck check) {
        long blocks = 0;
        long transactions = 0;
        long firstSlot = -1;
        long lastSlot = -1;
        while (reader.hasNext()) {
            final Block block = reader.next();
            final LedgerProblem problem = checkBlock(reader, block, check);
            if (problem != null) {
                return new VerifyReport(blocks, transactions, firstSlot, lastSlot, problem, null);
            }
            blocks++;
            transactions += block.transactionCount();
            firstSlot = firstSlot < 0 ? block.slot() : firstSlot;
            lastSlot = block.slot();
        }
        final LedgerEnd end = reader.end();
        final LedgerProblem problem = end.tail() == LedgerEnd.Tail.CORRUPT ? end.problem() : null;
        return new VerifyReport(blocks, transactions, firstSlot, lastSlot, problem, end);
    }

    private LedgerProblem checkBlock(final LedgerReader reader, final Block block, final BlockCheck check) {
        if (verifySignatures) {
            final LedgerProblem problem = checkTransactions(reader, block);
            if (problem != null) {
                return problem;
            }
        }
        final Hash computed = check.stateHashAfter(block.slot(), block.stateHash(), block);
        if (computed != null && !computed.equals(block.stateHash())) {
            return new LedgerProblem(LedgerProblem.Kind.STATE_HASH, block.slot(), -1, -1, reader.lastBlockSegment(),
                reader.lastBlockOffset(), "recorded state hash " + block.stateHash() + " but re-execution gives " + computed);
        }
        return null;
    }

    private static LedgerProblem checkTransactions(final LedgerReader reader, final Block block) {
        for (int e = 0; e < block.entries().size(); e++) {
            final Entry entry = block.entries().get(e);
            for (int t = 0; t < entry.transactionCount(); t++) {
                final Failure failure = transactionFailure(entry.transactionWire(t));
                if (failure != null) {
                    return new LedgerProblem(failure.kind, block.slot(), e, t, reader.lastBlockSegment(),
                        reader.lastBlockOffset(), failure.detail);
                }
            }
        }
        return null;
    }

    /** Why the transaction is not a valid signed one, or null. */
    private static Failure transactionFailure(final byte[] wire) {
        final Transaction transaction;
        try {
            transaction = TransactionCodec.decode(wire);
        } catch (final WireFormatException malformed) {
            return new Failure(LedgerProblem.Kind.BAD_TRANSACTION, "does not decode: " + malformed.getMessage());
        }
        final SanitizeResult sanitized = Sanitizer.sanitize(transaction);
        if (!sanitized.isOk()) {
            return new Failure(LedgerProblem.Kind.BAD_TRANSACTION, "does not sanitize: " + sanitized);
        }
        return Sanitizer.verifySignatures(transaction) ? null
            : new Failure(LedgerProblem.Kind.BAD_SIGNATURE, "signatures do not verify over the message of " + transaction.signature(0));
    }

    private record Failure(LedgerProblem.Kind kind, String detail) {
    }
}
