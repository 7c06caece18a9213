package io.lanes.runtime.programs.defi;

import io.lanes.programs.amm.WideArithmetic;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.ProgramError;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The AMM's u128-style arithmetic against BigInteger, over random u64 values of every magnitude and the edges. */
class AmmArithmeticTest {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    private static final long[] EDGES = {0, 1, 2, 3, 0xFFFF_FFFFL, 0x1_0000_0000L, Long.MAX_VALUE, Long.MIN_VALUE, -2, -1};

    private static BigInteger unsigned(final long value) {
        return value >= 0 ? BigInteger.valueOf(value) : BigInteger.valueOf(value).add(TWO_TO_64);
    }

    /** A u64 of random bit length, so small, medium and full-width values all occur. */
    private static long randomU64(final SplittableRandom random) {
        final int bits = random.nextInt(65);
        return bits == 0 ? 0 : random.nextLong() >>> (64 - bits);
    }

    private static void checkMultiplyDivide(final long a, final long b, final long divisor) {
        if (divisor == 0) {
            assertOverflow(() -> WideArithmetic.multiplyDivideFloor(a, b, divisor));
            return;
        }
        final BigInteger[] quotientAndRemainder = unsigned(a).multiply(unsigned(b)).divideAndRemainder(unsigned(divisor));
        final BigInteger floor = quotientAndRemainder[0];
        final BigInteger ceil = quotientAndRemainder[1].signum() == 0 ? floor : floor.add(BigInteger.ONE);
        if (floor.compareTo(TWO_TO_64) >= 0) {
            assertOverflow(() -> WideArithmetic.multiplyDivideFloor(a, b, divisor));
        } else {
            assertEquals(floor.longValue(), WideArithmetic.multiplyDivideFloor(a, b, divisor), a + "*" + b + "/" + divisor);
        }
        if (ceil.compareTo(TWO_TO_64) >= 0) {
            assertOverflow(() -> WideArithmetic.multiplyDivideCeil(a, b, divisor));
        } else {
            assertEquals(ceil.longValue(), WideArithmetic.multiplyDivideCeil(a, b, divisor), "ceil " + a + "*" + b + "/" + divisor);
        }
    }

    private static void assertOverflow(final org.junit.jupiter.api.function.Executable executable) {
        final ProgramError error = assertThrows(ProgramError.class, executable);
        assertEquals(InstructionError.Kind.ArithmeticOverflow, error.error().kind());
    }

    @Test
    void multiplyDivideMatchesBigIntegerOnEdges() {
        for (final long a : EDGES) {
            for (final long b : EDGES) {
                for (final long divisor : EDGES) {
                    checkMultiplyDivide(a, b, divisor);
                }
            }
        }
    }

    @Test
    void multiplyDivideMatchesBigIntegerOnRandomValues() {
        final SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 40_000; i++) {
            final long a = randomU64(random);
            final long b = randomU64(random);
            checkMultiplyDivide(a, b, randomU64(random));
            checkMultiplyDivide(a, b, a | 1);
        }
    }

    /**
     * Divisors whose low half is large against their high half make the first estimate of a
     * quotient digit too big by one or two (Knuth's q-hat), which random values almost never do:
     * the correction steps need these. Dividends are built as {@code q * divisor + r}.
     */
    @Test
    void divisionCorrectsOverestimatedQuotientDigits() {
        final SplittableRandom random = new SplittableRandom(13);
        final long[] divisors = {0x8000_0000_FFFF_FFFFL, 0x8000_0001_FFFF_FFFEL, 0x8000_0000_8000_0000L, -1L, 0x0000_0001_FFFF_FFFFL,
            0x0000_8000_FFFF_FFFFL, 0x0000_0000_8000_FFFFL};
        for (int i = 0; i < 20_000; i++) {
            final long divisor = i < divisors.length * 1_000 ? divisors[i % divisors.length] : (random.nextLong() | 0xFFFF_FFFFL) >>> random.nextInt(40);
            final BigInteger quotient = unsigned(i % 3 == 0 ? random.nextLong() >>> random.nextInt(64) : random.nextLong());
            final BigInteger remainder = unsigned(random.nextLong()).mod(unsigned(divisor));
            final BigInteger dividend = quotient.multiply(unsigned(divisor)).add(remainder);
            final long high = dividend.shiftRight(64).longValue();
            final long low = dividend.longValue();
            assertEquals(quotient.longValue(), WideArithmetic.divide128By64(high, low, divisor), dividend + " / " + unsigned(divisor));
        }
        for (final long divisor : divisors) {
            for (int i = 0; i < 1_000; i++) {
                final long high = divisor - 1 - (i % 4);
                final long low = random.nextLong();
                final BigInteger dividend = unsigned(high).shiftLeft(64).add(unsigned(low));
                assertEquals(dividend.divide(unsigned(divisor)).longValue(), WideArithmetic.divide128By64(high, low, divisor),
                    "the largest dividends: " + dividend + " / " + unsigned(divisor));
            }
        }
        assertOverflow(() -> WideArithmetic.divide128By64(5, 0, 5));
    }

    @Test
    void sqrtOfProductIsTheFloorOfTheExactRoot() {
        final SplittableRandom random = new SplittableRandom(11);
        for (final long a : EDGES) {
            for (final long b : EDGES) {
                assertEquals(unsigned(a).multiply(unsigned(b)).sqrt().longValue(), WideArithmetic.sqrtOfProduct(a, b), a + "*" + b);
            }
        }
        for (int i = 0; i < 40_000; i++) {
            final long a = randomU64(random);
            final long b = randomU64(random);
            assertEquals(unsigned(a).multiply(unsigned(b)).sqrt().longValue(), WideArithmetic.sqrtOfProduct(a, b), a + "*" + b);
        }
        assertEquals(3_037_000_499L, WideArithmetic.sqrtOfProduct(Long.MAX_VALUE, 1));
        assertEquals(3_037_000_499L, WideArithmetic.sqrtOfProduct(3_037_000_499L, 3_037_000_499L));
    }

    @Test
    void addAndSubtractFailOutsideU64() {
        assertEquals(-1L, WideArithmetic.add(Long.MAX_VALUE, Long.MIN_VALUE), "2^64 - 1");
        assertOverflow(() -> WideArithmetic.add(-1L, 1));
        assertOverflow(() -> WideArithmetic.subtract(1, 2));
        assertEquals(Long.MIN_VALUE, WideArithmetic.subtract(-1L, Long.MAX_VALUE));
    }
}
