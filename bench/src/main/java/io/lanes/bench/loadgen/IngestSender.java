package io.lanes.bench.loadgen;

import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A client of a node's binary ingest port ({@code --ingest-port}): one TCP connection, each
 * transaction written as a frame of a 4-byte little-endian length and then its wire bytes. The
 * port sends nothing back; statuses come over RPC ({@link StatusPoller}). Writes are buffered
 * (64 KiB): {@link #flush()} pushes them out. Not thread-safe.
 */
public final class IngestSender implements AutoCloseable {
    private static final int BUFFER_BYTES = 1 << 16;
    private final Socket socket;
    private final OutputStream out;
    private final byte[] lengthPrefix = new byte[Integer.BYTES];

    private IngestSender(final Socket socket) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), BUFFER_BYTES);
    }

    /** Connects to the ingest port at {@code host:port}. */
    public static IngestSender connect(final String host, final int port) throws IOException {
        return new IngestSender(new Socket(host, port));
    }

    /** Writes one frame: the transaction's wire bytes (as received or signed), else its encoding. */
    public void send(final Transaction transaction) throws IOException {
        final byte[] wire = transaction.wire() != null ? transaction.wire() : TransactionCodec.encode(transaction);
        final int length = wire.length;
        lengthPrefix[0] = (byte) length;
        lengthPrefix[1] = (byte) (length >>> 8);
        lengthPrefix[2] = (byte) (length >>> 16);
        lengthPrefix[3] = (byte) (length >>> 24);
        out.write(lengthPrefix);
        out.write(wire);
    }

    /** Sends what is buffered. */
    public void flush() throws IOException {
        out.flush();
    }

    /** Flushes and closes the connection. */
    @Override
    public void close() throws IOException {
        try {
            out.flush();
        } finally {
            socket.close();
        }
    }
}
