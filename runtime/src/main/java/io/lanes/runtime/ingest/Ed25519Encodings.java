package io.lanes.runtime.ingest;

/**
 * Checks on 32-byte Edwards point encodings that strict Ed25519 verification applies before the
 * curve equation, as libsodium 1.0.18 does ({@code ge25519_has_small_order},
 * {@code ge25519_is_canonical}). Stateless; allocates nothing.
 */
final class Ed25519Encodings {
    /**
     * The y coordinates (little-endian, sign bit cleared) of the eight points of small order
     * (1, 2, 4 and 8), including the two non-canonical encodings {@code p} and {@code p + 1}
     * of y = 0 and y = 1. A point whose encoding ignoring the sign bit is one of these has small
     * order. Same list as libsodium's {@code ge25519_has_small_order}; a test derives it.
     */
    private static final byte[][] SMALL_ORDER_Y = {
        hex("0000000000000000000000000000000000000000000000000000000000000000"), // y = 0: order 4
        hex("0100000000000000000000000000000000000000000000000000000000000000"), // y = 1: identity
        hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"), // order 8
        hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"), // order 8
        hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"), // y = p - 1 = -1: order 2
        hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"), // y = p, non-canonical 0: order 4
        hex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"), // y = p + 1, non-canonical 1: identity
    };
    private static final int POINT_BYTES = 32;
    private static final int SIGN_BIT_CLEAR_MASK = 0x7f;

    private Ed25519Encodings() {
    }

    /** True if the encoding at {@code offset} is that of a point of order 1, 2, 4 or 8 (sign bit ignored). */
    static boolean hasSmallOrder(final byte[] encoding, final int offset) {
        for (final byte[] y : SMALL_ORDER_Y) {
            if (equalsIgnoringSignBit(y, encoding, offset)) {
                return true;
            }
        }
        return false;
    }

    /** True unless the y coordinate encoded at {@code offset} is {@code >= p = 2^255 - 19} (sign bit ignored). */
    static boolean isCanonical(final byte[] encoding, final int offset) {
        if ((encoding[offset + POINT_BYTES - 1] & SIGN_BIT_CLEAR_MASK) != SIGN_BIT_CLEAR_MASK) {
            return true;
        }
        for (int i = POINT_BYTES - 2; i > 0; i--) {
            if ((encoding[offset + i] & 0xff) != 0xff) {
                return true;
            }
        }
        return (encoding[offset] & 0xff) < 0xed;
    }

    private static boolean equalsIgnoringSignBit(final byte[] y, final byte[] encoding, final int offset) {
        for (int i = 0; i < POINT_BYTES - 1; i++) {
            if (y[i] != encoding[offset + i]) {
                return false;
            }
        }
        return y[POINT_BYTES - 1] == (byte) (encoding[offset + POINT_BYTES - 1] & SIGN_BIT_CLEAR_MASK);
    }

    private static byte[] hex(final String text) {
        final byte[] bytes = new byte[text.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
