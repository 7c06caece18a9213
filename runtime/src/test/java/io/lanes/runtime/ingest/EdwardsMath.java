package io.lanes.runtime.ingest;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Slow, plain Ed25519 arithmetic (affine coordinates over BigInteger) for building adversarial
 * signatures in tests: small-order keys, mixed-order R, non-canonical S. Follows RFC 8032 §5.1.
 */
final class EdwardsMath {
    static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    static final BigInteger SQRT_M1 = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
    static final Point IDENTITY = new Point(BigInteger.ZERO, BigInteger.ONE);
    static final Point BASE = recover(BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P), false);

    private EdwardsMath() {
    }

    /** An affine point (x, y). */
    record Point(BigInteger x, BigInteger y) {
    }

    static Point add(final Point a, final Point b) {
        final BigInteger xx = a.x.multiply(b.x).mod(P);
        final BigInteger yy = a.y.multiply(b.y).mod(P);
        final BigInteger dxxyy = D.multiply(xx).multiply(yy).mod(P);
        final BigInteger x = a.x.multiply(b.y).add(a.y.multiply(b.x)).multiply(BigInteger.ONE.add(dxxyy).modInverse(P)).mod(P);
        final BigInteger y = yy.add(xx).multiply(BigInteger.ONE.subtract(dxxyy).mod(P).modInverse(P)).mod(P);
        return new Point(x, y);
    }

    static Point multiply(final Point point, final BigInteger scalar) {
        Point result = IDENTITY;
        for (int bit = scalar.bitLength() - 1; bit >= 0; bit--) {
            result = add(result, result);
            if (scalar.testBit(bit)) {
                result = add(result, point);
            }
        }
        return result;
    }

    static byte[] encode(final Point point) {
        final byte[] bytes = littleEndian(point.y, 32);
        if (point.x.testBit(0)) {
            bytes[31] |= (byte) 0x80;
        }
        return bytes;
    }

    /** The point of an encoding, or null if it is not on the curve or not canonical. */
    static Point decode(final byte[] encoding) {
        final byte[] yBytes = encoding.clone();
        final boolean xOdd = (yBytes[31] & 0x80) != 0;
        yBytes[31] &= 0x7f;
        final BigInteger y = fromLittleEndian(yBytes);
        return y.compareTo(P) >= 0 ? null : recover(y, xOdd);
    }

    /** The point with this y and the parity of x, or null if there is none. */
    static Point recover(final BigInteger y, final boolean xOdd) {
        final BigInteger yy = y.multiply(y).mod(P);
        final BigInteger u = yy.subtract(BigInteger.ONE).mod(P);
        final BigInteger v = D.multiply(yy).add(BigInteger.ONE).mod(P);
        final BigInteger xx = u.multiply(v.modInverse(P)).mod(P);
        BigInteger x = squareRoot(xx);
        if (x == null || (x.signum() == 0 && xOdd)) {
            return null;
        }
        if (x.testBit(0) != xOdd) {
            x = P.subtract(x);
        }
        return new Point(x, y);
    }

    /** A square root mod p, or null if {@code value} is not a square. */
    static BigInteger squareRoot(final BigInteger value) {
        BigInteger root = value.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!root.multiply(root).mod(P).equals(value.mod(P))) {
            root = root.multiply(SQRT_M1).mod(P);
        }
        return root.multiply(root).mod(P).equals(value.mod(P)) ? root : null;
    }

    /** RFC 8032's secret scalar a of a 32-byte seed (clamped low half of SHA-512(seed)). */
    static BigInteger secretScalar(final byte[] seed) {
        final byte[] h = Arrays.copyOf(sha512(seed), 32);
        h[0] &= (byte) 248;
        h[31] &= 127;
        h[31] |= 64;
        return fromLittleEndian(h);
    }

    /** k = SHA-512(R || A || M) mod L. */
    static BigInteger challenge(final byte[] r, final byte[] a, final byte[] message) {
        return fromLittleEndian(sha512(r, a, message)).mod(L);
    }

    /**
     * A signature with a chosen nonce {@code r} and R = [r]B + {@code torsion}, under the public
     * key encoding {@code publicKey} whose discrete log is {@code a}: S = r + k·a mod L.
     */
    static byte[] sign(final BigInteger a, final byte[] publicKey, final BigInteger r, final Point torsion, final byte[] message) {
        final byte[] rEncoded = encode(add(multiply(BASE, r), torsion));
        final BigInteger s = r.add(challenge(rEncoded, publicKey, message).multiply(a)).mod(L);
        return concat(rEncoded, littleEndian(s, 32));
    }

    /** A point of order exactly 8. */
    static Point orderEightPoint() {
        // y^2 = (-1 ± sqrt(1 + d)) / d, from [2]P having y = 0 (order 4).
        final BigInteger root = squareRoot(BigInteger.ONE.add(D));
        for (final BigInteger sign : new BigInteger[] {root, P.subtract(root)}) {
            final BigInteger yy = sign.subtract(BigInteger.ONE).multiply(D.modInverse(P)).mod(P);
            final BigInteger y = squareRoot(yy);
            if (y != null) {
                final Point point = recover(y, false);
                if (point != null) {
                    return point;
                }
            }
        }
        throw new AssertionError("no point of order 8 found");
    }

    /** B + T8: a point of order 8L (mixed order), for negative small-order checks. */
    static Point orderEightPointPlusBase() {
        return add(BASE, orderEightPoint());
    }

    static BigInteger fromLittleEndian(final byte[] bytes) {
        final byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }

    static byte[] littleEndian(final BigInteger value, final int length) {
        final byte[] bytes = new byte[length];
        final byte[] bigEndian = value.toByteArray();
        for (int i = 0; i < bigEndian.length && i < length; i++) {
            bytes[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return bytes;
    }

    static byte[] concat(final byte[] first, final byte[] second) {
        final byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static byte[] sha512(final byte[]... parts) {
        try {
            final MessageDigest digest = MessageDigest.getInstance("SHA-512");
            for (final byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (final NoSuchAlgorithmException impossible) {
            throw new AssertionError(impossible);
        }
    }
}
