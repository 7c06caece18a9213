package io.lanes.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The workload ids the bench knows and the variants each one runs. W7 (order book) comes later.
 */
public final class Workloads {
    /** Ids implemented, in suite order. */
    public static final List<String> IMPLEMENTED = List.of("W1", "W2", "W3", "W4", "W5", "W6", "W8");

    private Workloads() {
    }

    /**
     * The variants of the listed workloads.
     *
     * @param ids           e.g. ["W1", "W8"]; case does not matter
     * @param w1Accounts    the account counts W1 runs with
     * @param zipfExponents the exponents W4 runs with
     * @param chainLength   W8's chain length
     * @param w3Wallets     W3's wallet count
     * @param w3HotPercents W3's hot ratios in percent
     * @param w5Pools       W5's pool counts
     * @throws IllegalArgumentException for an unknown or not yet implemented id
     */
    public static List<Workload> variants(
        final List<String> ids, final List<Integer> w1Accounts, final List<Double> zipfExponents, final int chainLength,
        final int w3Wallets, final List<Integer> w3HotPercents, final List<Integer> w5Pools) {
        final List<Workload> variants = new ArrayList<>();
        for (final String id : ids) {
            switch (id.trim().toUpperCase(Locale.ROOT)) {
                case "W1" -> w1Accounts.forEach(accounts -> variants.add(new RandomTransfers(accounts)));
                case "W2" -> {
                    variants.add(new IndependentTransfers());
                    variants.add(new IndependentTokenTransfers());
                    variants.add(new OwnPoolSwaps());
                }
                case "W3" -> w3HotPercents.forEach(hot -> variants.add(new HotRatioMix(w3Wallets, hot)));
                case "W4" -> zipfExponents.forEach(s -> variants.add(new ZipfTransfers(ZipfTransfers.DEFAULT_ACCOUNTS, s)));
                case "W5" -> w5Pools.forEach(pools -> variants.add(new AmmSwaps(pools)));
                case "W6" -> {
                    variants.add(new SharedCounterTransfers(false));
                    variants.add(new SharedCounterTransfers(true));
                }
                case "W8" -> variants.add(new DependencyChain(chainLength));
                case "W7" -> throw new IllegalArgumentException(
                    id + " is not implemented yet (it needs an order book program); implemented: " + IMPLEMENTED);
                default -> throw new IllegalArgumentException("unknown workload '" + id + "'; implemented: " + IMPLEMENTED);
            }
        }
        return variants;
    }
}
