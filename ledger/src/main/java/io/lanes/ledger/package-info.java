/**
 * The ledger: the durable, hash-chained, append-only log of executed blocks that makes every
 * confirmed transaction survive a crash and lets any node replay to the same state.
 *
 * <p><b>Owns:</b> the block model ({@link io.lanes.ledger.Block}, {@link io.lanes.ledger.Entry},
 * {@link io.lanes.ledger.TransactionResult} and its compact codec
 * {@link io.lanes.ledger.TransactionResultCodec}); the entry hash chain
 * ({@link io.lanes.ledger.EntryHasher}: {@code hash_i = sha256(hash_(i-1) || signatures of entry i)},
 * as Solana's PoH entries mix in their transactions); the segmented log on disk,
 * {@code DATA/ledger/segment-%016d.log}, written with group commit by
 * {@link io.lanes.ledger.LedgerWriter} and read, with every check, by
 * {@link io.lanes.ledger.LedgerReader}; crash recovery (a torn tail is cut, anything else is
 * refused with a {@link io.lanes.ledger.LedgerProblem}); {@link io.lanes.ledger.Replay} after a
 * snapshot; the {@link io.lanes.ledger.LedgerVerifier} core of {@code verify-ledger}; the
 * {@link io.lanes.ledger.SnapshotCatalog} ({@code DATA/snapshots/catalog}) and the
 * {@link io.lanes.ledger.SegmentCleaner}. The snapshot files themselves (the account store copy)
 * are the runtime's.
 *
 * <p><b>File format:</b> every record is {@code u32 payload length, u32 CRC32C(payload), payload},
 * little-endian; the payload's first byte is its type (1 segment header, 2 block). Each segment
 * starts with a header naming its index, the chain's genesis and the chain position before it
 * (its anchor), so old segments can be deleted and any segment verified alone. The bytes depend
 * only on the blocks and the segment size: two writers fed the same blocks write identical
 * files. See the module README for every field.
 *
 * <p><b>Threading:</b> {@link io.lanes.ledger.LedgerWriter} owns one thread, which writes, forces
 * and completes futures; its append methods may be called from any thread. Readers, replays,
 * verifiers and {@link io.lanes.ledger.EntryHasher} instances belong to one thread each. The model
 * types are immutable (their transaction byte arrays are shared, not copied: do not change them).
 * The catalog synchronizes its methods.
 *
 * <p><b>Depends on:</b> the SDK of {@code programs} ({@code Hash}, {@code Signature},
 * {@code CompactU16}, the wire codec and {@code Sanitizer}, {@code TransactionError}) and the JDK
 * ({@code FileChannel}, {@code CRC32C}, SHA-256); nothing else of ours.
 */
package io.lanes.ledger;
