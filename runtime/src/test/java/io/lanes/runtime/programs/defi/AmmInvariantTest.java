package io.lanes.runtime.programs.defi;

import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.runtime.exec.TransactionStatus;
import io.lanes.runtime.programs.defi.AmmFixture.User;
import io.lanes.sdk.program.Instruction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random sequences of deposits, withdrawals and swaps by several users, seeded. Before each step
 * an independent BigInteger model predicts whether the step succeeds and what it pays; after each
 * step the test checks the prediction and the invariants: k never decreases on swaps and deposits,
 * k per LP share squared never decreases on any step, vault balances equal the recorded reserves,
 * LP supply equals the users' LP balances, and each mint's tokens over users and vaults stay
 * constant. Every step charges the payer exactly the fee; failed steps change nothing else.
 */
class AmmInvariantTest {
    private static final int STEPS_PER_RUN = 1_200;
    private static final int USERS = 4;
    private static final long STARTING_BALANCE = 1_000_000_000_000_000L;
    private static final BigInteger BASIS_POINTS = BigInteger.valueOf(10_000);

    /** What the pool and users hold at one moment. */
    private record Snapshot(long reserveA, long reserveB, long lpSupply, long vaultA, long vaultB, long[] a, long[] b, long[] lp) {
        BigInteger k() {
            return BigInteger.valueOf(reserveA).multiply(BigInteger.valueOf(reserveB));
        }
    }

    /** The model's verdict: success with what the acting user gains (+) or pays (-) of A, B and LP, or failure. */
    private record Outcome(boolean succeeds, long deltaA, long deltaB, long deltaLp) {
        static final Outcome FAILS = new Outcome(false, 0, 0, 0);
    }

    private enum Action { SWAP_A_TO_B, SWAP_B_TO_A, ADD, REMOVE }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void randomStepsKeepTheInvariants(final long seed) {
        final int successes = run(seed, STEPS_PER_RUN);
        assertTrue(successes > STEPS_PER_RUN / 3, "too few steps succeeded to mean anything: " + successes);
    }

    /** Many short random sequences, each from a fresh pool with its own fee: 1,000 seeds of 20 steps. */
    @org.junit.jupiter.api.Test
    void manyShortRandomSequencesKeepTheInvariants() {
        int successes = 0;
        for (long seed = 1_000; seed < 2_000; seed++) {
            successes += run(seed, 20);
        }
        assertTrue(successes > 1_000 * 20 / 3, "too few steps succeeded to mean anything: " + successes);
    }

    /** Runs one seeded sequence, checking the invariants after every step; returns the steps that succeeded. */
    private int run(final long seed, final int steps) {
        final SplittableRandom random = new SplittableRandom(seed);
        final int feeBasisPoints = new int[] {0, 1, 30, 100, 2_500}[random.nextInt(5)];
        try (AmmFixture amm = new AmmFixture()) {
            amm.createPool(feeBasisPoints);
            final List<User> users = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                users.add(amm.newUser(STARTING_BALANCE, STARTING_BALANCE));
            }
            int successes = 0;
            for (int step = 0; step < steps; step++) {
                successes += step(amm, users, random, feeBasisPoints, step) ? 1 : 0;
            }
            return successes;
        }
    }

    /** One step to send and the model's verdict on it. */
    private record Plan(Instruction instruction, Outcome model) {
    }

    private boolean step(final AmmFixture amm, final List<User> users, final SplittableRandom random, final int fee, final int step) {
        final int actor = random.nextInt(USERS);
        final User user = users.get(actor);
        final Snapshot before = snapshot(amm, users);
        final Action action = before.lpSupply == 0 ? Action.ADD : Action.values()[random.nextInt(Action.values().length)];
        final long first = amount(random, action == Action.REMOVE ? before.lp[actor] : before.a[actor]);
        final long second = amount(random, action == Action.REMOVE ? before.lp[actor] : before.b[actor]);
        final Plan plan = switch (action) {
            case SWAP_A_TO_B -> planSwap(amm, user, actor, before, first, fee, true, random);
            case SWAP_B_TO_A -> planSwap(amm, user, actor, before, second, fee, false, random);
            case ADD -> planAdd(amm, user, actor, before, first, second, random);
            case REMOVE -> planRemove(amm, user, actor, before, first, random);
        };
        final long payerBefore = amm.bank.bank.lamports(amm.bank.payer.publicKey());
        final ExecutionResult result = amm.bank.send(List.of(user.wallet()), plan.instruction());
        final String where = "step " + step + " " + action + " " + first + "/" + second + ": " + result + " " + result.logLines();
        assertEquals(payerBefore - 2 * DefiBank.FEE_PER_SIGNATURE, amm.bank.bank.lamports(amm.bank.payer.publicKey()),
            "the payer pays the fee and nothing else, " + where);
        assertEquals(plan.model().succeeds ? TransactionStatus.SUCCEEDED : TransactionStatus.FAILED, result.status(), where);
        final Snapshot after = snapshot(amm, users);
        checkInvariants(before, after, action, plan.model().succeeds, where);
        checkUserDeltas(before, after, actor, plan.model(), where);
        return plan.model().succeeds;
    }

    private static Plan planSwap(final AmmFixture amm, final User user, final int actor, final Snapshot before, final long amountIn,
        final int fee, final boolean aToB, final SplittableRandom random) {
        final long expected = swapOutput(before, amountIn, fee, aToB);
        final long minimumOut = minimum(random, expected);
        return new Plan(amm.swap(user, amountIn, minimumOut, aToB), modelSwap(before, actor, amountIn, minimumOut, expected, aToB));
    }

    private static Plan planAdd(final AmmFixture amm, final User user, final int actor, final Snapshot before, final long maxA,
        final long maxB, final SplittableRandom random) {
        final long[] lpAndAmounts = depositModel(before, maxA, maxB);
        final long minimumLp = minimum(random, lpAndAmounts[0]);
        return new Plan(amm.add(user, maxA, maxB, minimumLp), modelAdd(before, actor, lpAndAmounts, minimumLp));
    }

    private static Plan planRemove(final AmmFixture amm, final User user, final int actor, final Snapshot before, final long lpAmount,
        final SplittableRandom random) {
        final long payA = withdrawModel(lpAmount, before.reserveA, before.lpSupply);
        final long payB = withdrawModel(lpAmount, before.reserveB, before.lpSupply);
        final long minimumA = minimum(random, payA);
        final long minimumB = minimum(random, payB);
        return new Plan(amm.remove(user, lpAmount, minimumA, minimumB), modelRemove(before, actor, lpAmount, payA, payB, minimumA, minimumB));
    }

    /** Mostly modest amounts of any magnitude, sometimes the whole balance, sometimes more than it. */
    private static long amount(final SplittableRandom random, final long balance) {
        final int choice = random.nextInt(20);
        if (choice == 0) {
            return balance;
        }
        if (choice == 1) {
            return balance + 1 + random.nextInt(1_000);
        }
        final long ceiling = Math.max(1, balance / 10);
        final int digits = 1 + random.nextInt(Math.max(1, (int) Math.log10(ceiling) + 1));
        return 1 + random.nextLong(Math.min(ceiling, (long) Math.pow(10, digits)));
    }

    /** The minimum the client asks for: 0, the exact expectation, or (a tenth of the time) one more. */
    private static long minimum(final SplittableRandom random, final long expected) {
        final int choice = random.nextInt(10);
        return choice == 0 ? expected + 1 : choice < 5 ? expected : 0;
    }

    private static long swapOutput(final Snapshot pool, final long amountIn, final int fee, final boolean aToB) {
        final BigInteger reserveIn = BigInteger.valueOf(aToB ? pool.reserveA : pool.reserveB);
        final BigInteger reserveOut = BigInteger.valueOf(aToB ? pool.reserveB : pool.reserveA);
        final BigInteger afterFee = BigInteger.valueOf(amountIn).multiply(BASIS_POINTS.subtract(BigInteger.valueOf(fee))).divide(BASIS_POINTS);
        final BigInteger denominator = reserveIn.add(afterFee);
        return denominator.signum() == 0 ? 0 : reserveOut.multiply(afterFee).divide(denominator).longValueExact();
    }

    private static Outcome modelSwap(
        final Snapshot pool, final int actor, final long amountIn, final long minimumOut, final long expected, final boolean aToB) {
        final long balanceIn = aToB ? pool.a[actor] : pool.b[actor];
        if (amountIn == 0 || pool.reserveA == 0 || pool.reserveB == 0 || expected < minimumOut || expected == 0 || amountIn > balanceIn) {
            return Outcome.FAILS;
        }
        return aToB ? new Outcome(true, -amountIn, expected, 0) : new Outcome(true, expected, -amountIn, 0);
    }

    /** {lp, amount A, amount B} for a deposit of at most {@code maxA} and {@code maxB}. */
    private static long[] depositModel(final Snapshot pool, final long maxA, final long maxB) {
        final BigInteger supply = BigInteger.valueOf(pool.lpSupply);
        if (pool.lpSupply == 0) {
            return new long[] {BigInteger.valueOf(maxA).multiply(BigInteger.valueOf(maxB)).sqrt().longValueExact(), maxA, maxB};
        }
        final BigInteger lp = BigInteger.valueOf(maxA).multiply(supply).divide(BigInteger.valueOf(pool.reserveA))
            .min(BigInteger.valueOf(maxB).multiply(supply).divide(BigInteger.valueOf(pool.reserveB)));
        return new long[] {lp.longValueExact(), ceilDiv(lp, pool.reserveA, supply), ceilDiv(lp, pool.reserveB, supply)};
    }

    private static long ceilDiv(final BigInteger lp, final long reserve, final BigInteger supply) {
        final BigInteger[] quotient = lp.multiply(BigInteger.valueOf(reserve)).divideAndRemainder(supply);
        return quotient[0].add(quotient[1].signum() == 0 ? BigInteger.ZERO : BigInteger.ONE).longValueExact();
    }

    private static Outcome modelAdd(final Snapshot pool, final int actor, final long[] lpAndAmounts, final long minimumLp) {
        final long lp = lpAndAmounts[0];
        if (lp == 0 || lp < minimumLp || lpAndAmounts[1] > pool.a[actor] || lpAndAmounts[2] > pool.b[actor]) {
            return Outcome.FAILS;
        }
        return new Outcome(true, -lpAndAmounts[1], -lpAndAmounts[2], lp);
    }

    private static long withdrawModel(final long lpAmount, final long reserve, final long supply) {
        return supply == 0 ? 0 : BigInteger.valueOf(lpAmount).multiply(BigInteger.valueOf(reserve)).divide(BigInteger.valueOf(supply))
            .longValueExact();
    }

    private static Outcome modelRemove(
        final Snapshot pool, final int actor, final long lpAmount, final long payA, final long payB, final long minimumA, final long minimumB) {
        if (lpAmount == 0 || pool.lpSupply == 0 || lpAmount > pool.lp[actor] || payA < minimumA || payB < minimumB) {
            return Outcome.FAILS;
        }
        return new Outcome(true, payA, payB, -lpAmount);
    }

    private static Snapshot snapshot(final AmmFixture amm, final List<User> users) {
        final long[] a = new long[users.size()];
        final long[] b = new long[users.size()];
        final long[] lp = new long[users.size()];
        for (int i = 0; i < users.size(); i++) {
            a[i] = amm.bank.amount(users.get(i).tokenA());
            b[i] = amm.bank.amount(users.get(i).tokenB());
            lp[i] = amm.bank.amount(users.get(i).lpToken());
        }
        return new Snapshot(amm.reserveA(), amm.reserveB(), amm.lpSupply(),
            amm.bank.amount(amm.pool.vaultA()), amm.bank.amount(amm.pool.vaultB()), a, b, lp);
    }

    private static void checkInvariants(final Snapshot before, final Snapshot after, final Action action, final boolean succeeded,
        final String where) {
        assertEquals(after.reserveA, after.vaultA, "vault A holds reserve A, " + where);
        assertEquals(after.reserveB, after.vaultB, "vault B holds reserve B, " + where);
        assertEquals(USERS * STARTING_BALANCE, sum(after.a) + after.vaultA, "no token A created or destroyed, " + where);
        assertEquals(USERS * STARTING_BALANCE, sum(after.b) + after.vaultB, "no token B created or destroyed, " + where);
        assertEquals(after.lpSupply, sum(after.lp), "LP supply is what users hold, " + where);
        if (!succeeded) {
            assertEquals(before.reserveA, after.reserveA, where);
            assertEquals(before.reserveB, after.reserveB, where);
            assertEquals(before.lpSupply, after.lpSupply, where);
            return;
        }
        if (action != Action.REMOVE) {
            assertTrue(after.k().compareTo(before.k()) >= 0, "k never decreases on swaps and deposits, " + where);
        }
        if (before.lpSupply > 0 && after.lpSupply > 0) {
            final BigInteger kPerShareBefore = before.k().multiply(BigInteger.valueOf(after.lpSupply).pow(2));
            final BigInteger kPerShareAfter = after.k().multiply(BigInteger.valueOf(before.lpSupply).pow(2));
            assertTrue(kPerShareAfter.compareTo(kPerShareBefore) >= 0, "k per LP share never decreases, " + where);
        }
    }

    private static void checkUserDeltas(final Snapshot before, final Snapshot after, final int actor, final Outcome model, final String where) {
        assertEquals(model.deltaA, after.a[actor] - before.a[actor], "user's A, " + where);
        assertEquals(model.deltaB, after.b[actor] - before.b[actor], "user's B, " + where);
        assertEquals(model.deltaLp, after.lp[actor] - before.lp[actor], "user's LP, " + where);
        for (int i = 0; i < USERS; i++) {
            if (i != actor) {
                assertEquals(before.a[i], after.a[i], where);
                assertEquals(before.b[i], after.b[i], where);
                assertEquals(before.lp[i], after.lp[i], where);
            }
        }
    }

    private static long sum(final long[] values) {
        long total = 0;
        for (final long value : values) {
            total = Math.addExact(total, value);
        }
        return total;
    }
}
