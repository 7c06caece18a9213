package io.lanes.programs.amm;

import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.ProgramError;

import java.math.BigInteger;

/**
 * Unsigned 64-bit arithmetic (u64 values held in {@code long}s) with 128-bit intermediate
 * products, as Solana programs do it with {@code u128}. Nothing here allocates except
 * the exception on overflow and the square root of a product of 2^63 or more: products are split
 * with {@link Math#multiplyHigh} and divided with a 128-by-64 long division (Knuth's algorithm D
 * on 32-bit digits, as Hacker's Delight's {@code divlu}).
 */
public final class WideArithmetic {
    private static final long HALF_WORD_BASE = 1L << 32;
    private static final long LOW_HALF_MASK = 0xFFFF_FFFFL;
    /** {@code floor(sqrt(2^63 - 1))}: the largest root whose square fits a signed long. */
    private static final long LARGEST_ROOT_BELOW_2_63 = 3_037_000_499L;

    private WideArithmetic() {
    }

    /** {@code a + b}; fails with {@code ArithmeticOverflow} beyond u64. */
    public static long add(final long a, final long b) {
        final long sum = a + b;
        if (Long.compareUnsigned(sum, a) < 0) {
            throw overflow();
        }
        return sum;
    }

    /** {@code a - b}; fails with {@code ArithmeticOverflow} below zero. */
    public static long subtract(final long a, final long b) {
        if (Long.compareUnsigned(a, b) < 0) {
            throw overflow();
        }
        return a - b;
    }

    /** The smaller of two u64 values. */
    public static long min(final long a, final long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }

    /** The high 64 bits of the unsigned 128-bit product. */
    public static long multiplyHighUnsigned(final long a, final long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /** {@code floor(a * b / divisor)}; fails with {@code ArithmeticOverflow} if the quotient exceeds u64 or the divisor is zero. */
    public static long multiplyDivideFloor(final long a, final long b, final long divisor) {
        if (divisor == 0) {
            throw overflow();
        }
        final long high = multiplyHighUnsigned(a, b);
        final long low = a * b;
        return divide128By64(high, low, divisor);
    }

    /**
     * {@code floor(a * b / divisor)}, or u64::MAX when the quotient does not fit: for taking the
     * smaller of two ratios, where only the smaller one has to fit. Fails on a zero divisor.
     */
    public static long multiplyDivideFloorSaturating(final long a, final long b, final long divisor) {
        if (divisor == 0) {
            throw overflow();
        }
        final long high = multiplyHighUnsigned(a, b);
        if (Long.compareUnsigned(divisor, high) <= 0) {
            return -1L;
        }
        return divide128By64(high, a * b, divisor);
    }

    /** {@code ceil(a * b / divisor)}; fails like {@link #multiplyDivideFloor}. */
    public static long multiplyDivideCeil(final long a, final long b, final long divisor) {
        final long quotient = multiplyDivideFloor(a, b, divisor);
        final long remainder = a * b - quotient * divisor;
        return remainder == 0 ? quotient : add(quotient, 1);
    }

    /**
     * {@code floor(sqrt(a * b))} of the full 128-bit product; always fits a u64. Products below
     * 2^63 take a {@code double} estimate corrected in {@code long}s; larger ones (only a pool's
     * first deposit of large amounts) go through {@link BigInteger#sqrt()}.
     */
    public static long sqrtOfProduct(final long a, final long b) {
        final long high = multiplyHighUnsigned(a, b);
        final long low = a * b;
        if (high != 0 || low < 0) {
            return toUnsignedBig(a).multiply(toUnsignedBig(b)).sqrt().longValue();
        }
        long root = Math.min((long) Math.sqrt((double) low), LARGEST_ROOT_BELOW_2_63);
        while (root * root > low) {
            root--;
        }
        while (root < LARGEST_ROOT_BELOW_2_63 && (root + 1) * (root + 1) <= low) {
            root++;
        }
        return root;
    }

    private static BigInteger toUnsignedBig(final long value) {
        final BigInteger signed = BigInteger.valueOf(value);
        return value >= 0 ? signed : signed.add(BigInteger.ONE.shiftLeft(64));
    }

    /**
     * The quotient of the unsigned 128-bit value {@code high:low} by {@code divisor}; fails with
     * {@code ArithmeticOverflow} unless {@code divisor} exceeds {@code high} (so that the quotient
     * fits 64 bits).
     */
    public static long divide128By64(final long high, final long low, final long divisor) {
        if (Long.compareUnsigned(high, divisor) >= 0) {
            throw overflow();
        }
        return high == 0 ? Long.divideUnsigned(low, divisor) : divideNormalized(high, low, divisor);
    }

    /** Knuth's algorithm D on 32-bit digits, for {@code high < divisor}. */
    private static long divideNormalized(final long high, final long low, final long divisor) {
        final int shift = Long.numberOfLeadingZeros(divisor);
        final long normalizedDivisor = divisor << shift;
        final long divisorHigh = normalizedDivisor >>> 32;
        final long divisorLow = normalizedDivisor & LOW_HALF_MASK;
        final long dividendTop = shift == 0 ? high : (high << shift) | (low >>> (64 - shift));
        final long dividendBottom = low << shift;
        final long quotientHigh = quotientDigit(dividendTop, dividendBottom >>> 32, divisorHigh, divisorLow);
        final long partialRemainder = (dividendTop << 32) + (dividendBottom >>> 32) - quotientHigh * normalizedDivisor;
        final long quotientLow = quotientDigit(partialRemainder, dividendBottom & LOW_HALF_MASK, divisorHigh, divisorLow);
        return (quotientHigh << 32) | quotientLow;
    }

    /** One 32-bit quotient digit of {@code (top * 2^32 + nextDigit) / (divisorHigh * 2^32 + divisorLow)}. */
    private static long quotientDigit(final long top, final long nextDigit, final long divisorHigh, final long divisorLow) {
        long digit = Long.divideUnsigned(top, divisorHigh);
        long remainder = top - digit * divisorHigh;
        while (Long.compareUnsigned(digit, HALF_WORD_BASE) >= 0
            || Long.compareUnsigned(digit * divisorLow, (remainder << 32) + nextDigit) > 0) {
            digit--;
            remainder += divisorHigh;
            if (Long.compareUnsigned(remainder, HALF_WORD_BASE) >= 0) {
                break;
            }
        }
        return digit;
    }

    private static ProgramError overflow() {
        return ProgramError.of(InstructionError.Kind.ArithmeticOverflow);
    }
}
