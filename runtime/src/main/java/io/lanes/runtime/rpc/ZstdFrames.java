package io.lanes.runtime.rpc;

/**
 * Writes zstd frames (RFC 8878) of stored ("raw") blocks: valid zstd that any decoder reads,
 * without compressing. Serves the {@code base64+zstd} account encoding without a native library.
 */
final class ZstdFrames {
    private static final int MAGIC = 0xFD2FB528;
    /** Single segment, 4-byte frame content size, no checksum, no dictionary. */
    private static final int DESCRIPTOR = 0b1010_0000;
    private static final int MAX_BLOCK = 128 * 1024;
    private static final int HEADER = 4 + 1 + 4;

    private ZstdFrames() {
    }

    /** One frame holding {@code data} in raw blocks of at most 128 KiB. */
    static byte[] stored(final byte[] data) {
        final int blocks = Math.max(1, (data.length + MAX_BLOCK - 1) / MAX_BLOCK);
        final byte[] frame = new byte[HEADER + 3 * blocks + data.length];
        int at = putLe(frame, 0, MAGIC, 4);
        frame[at++] = (byte) DESCRIPTOR;
        at = putLe(frame, at, data.length, 4);
        for (int block = 0; block < blocks; block++) {
            final int from = block * MAX_BLOCK;
            final int size = Math.min(MAX_BLOCK, data.length - from);
            final int last = block == blocks - 1 ? 1 : 0;
            at = putLe(frame, at, size << 3 | last, 3);
            System.arraycopy(data, from, frame, at, size);
            at += size;
        }
        return frame;
    }

    private static int putLe(final byte[] target, final int offset, final int value, final int bytes) {
        for (int i = 0; i < bytes; i++) {
            target[offset + i] = (byte) (value >>> (8 * i));
        }
        return offset + bytes;
    }
}
