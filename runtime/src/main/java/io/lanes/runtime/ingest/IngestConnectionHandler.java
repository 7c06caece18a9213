package io.lanes.runtime.ingest;

import io.lanes.sdk.wire.SanitizeResult;
import io.lanes.sdk.wire.Sanitizer;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;
import io.lanes.sdk.wire.WireFormatException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;

/**
 * One connection of the ingest port, on its event loop: cuts frames (4-byte little-endian length,
 * then 1..1232 bytes), decodes and sanitizes each, offers it to the {@link SigVerifyStage}.
 *
 * <p>A bad frame (length 0 or over 1232, bytes that are not one transaction, a transaction that
 * fails sanitize) is counted and closes this connection only. When the stage is full the handler
 * holds the one transaction it could not queue, turns autoRead off and retries after a short
 * delay; buffered bytes wait unparsed. Netty stops reading at the end of the current read, so a
 * paused connection holds at most one socket read plus a partial frame: no unbounded buffering.
 *
 * <p>Not a {@link ByteToMessageDecoder}: that one asks for another read whenever a read produced
 * no message, even with autoRead off, which would defeat the pause.
 */
final class IngestConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final int LENGTH_PREFIX_BYTES = 4;

    private final SigVerifyStage stage;
    private final IngestCounters counters;
    private final long retryDelayMicros;
    private final byte[] frame = new byte[Transaction.MAX_WIRE_LENGTH];
    private ByteBuf cumulation;
    private Transaction held;
    private ScheduledFuture<?> retry;
    private boolean closed;

    IngestConnectionHandler(final SigVerifyStage stage, final long retryDelayMicros) {
        this.stage = stage;
        this.counters = stage.counters();
        this.retryDelayMicros = retryDelayMicros;
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx) {
        counters.connectionOpened();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object message) {
        if (closed || !(message instanceof ByteBuf)) {
            ReferenceCountUtil.release(message);
            return;
        }
        final ByteBuf bytes = (ByteBuf) message;
        cumulation = cumulation == null ? bytes : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(ctx.alloc(), cumulation, bytes);
        processFrames(ctx);
    }

    @Override
    public void channelReadComplete(final ChannelHandlerContext ctx) {
        // No ctx.read(): with autoRead on, Netty reads again by itself; while paused it must not.
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) {
        shutDown();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(final ChannelHandlerContext ctx) {
        shutDown();
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
        shutDown();
        ctx.close();
    }

    /** Takes frames off the cumulation until it runs out, the connection pauses, or a bad frame closes it. */
    private void processFrames(final ChannelHandlerContext ctx) {
        while (!closed && held == null && cumulation != null && cumulation.readableBytes() >= LENGTH_PREFIX_BYTES) {
            final int length = cumulation.getIntLE(cumulation.readerIndex());
            if (length <= 0 || length > Transaction.MAX_WIRE_LENGTH) {
                counters.malformedFrame();
                closeForBadInput(ctx);
                return;
            }
            if (cumulation.readableBytes() < LENGTH_PREFIX_BYTES + length) {
                break;
            }
            cumulation.skipBytes(LENGTH_PREFIX_BYTES).readBytes(frame, 0, length);
            counters.frameReceived();
            final Transaction transaction = decodeAndSanitize(length);
            if (transaction == null) {
                closeForBadInput(ctx);
                return;
            }
            if (!stage.offer(transaction)) {
                pause(ctx, transaction);
            }
        }
        releaseCumulationIfEmpty();
    }

    /** The sanitized transaction in {@link #frame}, or null (counted) if the bytes are bad. */
    private Transaction decodeAndSanitize(final int length) {
        final Transaction transaction;
        try {
            transaction = TransactionCodec.decode(frame, 0, length);
        } catch (final WireFormatException malformed) {
            counters.malformedFrame();
            return null;
        }
        final SanitizeResult sanitized = Sanitizer.sanitize(transaction);
        if (!sanitized.isOk()) {
            counters.sanitizeFailure();
            return null;
        }
        return transaction;
    }

    private void pause(final ChannelHandlerContext ctx, final Transaction transaction) {
        held = transaction;
        if (ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(false);
            counters.backpressurePause();
        }
        scheduleRetry(ctx);
    }

    private void scheduleRetry(final ChannelHandlerContext ctx) {
        retry = ctx.executor().schedule(() -> retryHeld(ctx), retryDelayMicros, TimeUnit.MICROSECONDS);
    }

    /** On the event loop: offers the held transaction again; on success resumes parsing and reading. */
    private void retryHeld(final ChannelHandlerContext ctx) {
        retry = null;
        if (closed || held == null) {
            return;
        }
        if (!stage.offer(held)) {
            scheduleRetry(ctx);
            return;
        }
        held = null;
        processFrames(ctx);
        if (!closed && held == null) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void closeForBadInput(final ChannelHandlerContext ctx) {
        counters.connectionClosedForBadInput();
        shutDown();
        ctx.close();
    }

    private void releaseCumulationIfEmpty() {
        if (cumulation != null && !cumulation.isReadable()) {
            cumulation.release();
            cumulation = null;
        } else if (cumulation != null) {
            cumulation.discardSomeReadBytes();
        }
    }

    private void shutDown() {
        closed = true;
        held = null;
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
    }
}
