package io.lanes.runtime.store;

/**
 * Sizing of a persisted account store's Chronicle Map files. The maps grow past these numbers by
 * up to {@code maxBloatFactor} times (Chronicle Map adds tiers as needed; the map of large data
 * parts at least 100 times); past that, puts fail. The files are created at the configured size
 * (about 350 bytes per expected 165-byte account); a reopened store keeps the sizing it was
 * created with.
 *
 * @param expectedAccounts       accounts the map is sized for
 * @param averageDataBytes       average account data length (165 for SPL token accounts)
 * @param maxBloatFactor         how many times the configured size the maps may grow (1 to 1000)
 * @param expectedLargeDataBytes total data of accounts larger than the inline limit
 *                               ({@link ChronicleAccountFile#INLINE_DATA_MAX_BYTES}), which are
 *                               stored in parts in a second map
 */
public record AccountStoreConfig(
    long expectedAccounts, int averageDataBytes, double maxBloatFactor, long expectedLargeDataBytes) {

    /** One million accounts of 165 bytes, 32 MiB of large account data, growth up to 10x. */
    public static final AccountStoreConfig DEFAULT = new AccountStoreConfig(1_000_000, 165, 10.0, 32L << 20);

    public AccountStoreConfig {
        if (expectedAccounts < 1 || averageDataBytes < 0 || expectedLargeDataBytes < 0) {
            throw new IllegalArgumentException("sizes must be positive: " + expectedAccounts + ", "
                + averageDataBytes + ", " + expectedLargeDataBytes);
        }
        if (!(maxBloatFactor >= 1.0 && maxBloatFactor <= 1000.0)) {
            throw new IllegalArgumentException("maxBloatFactor must be in [1, 1000]: " + maxBloatFactor);
        }
    }

    /** Sized for a test or a small chain: the given number of accounts, otherwise the defaults. */
    public static AccountStoreConfig forAccounts(final long expectedAccounts) {
        return new AccountStoreConfig(expectedAccounts, DEFAULT.averageDataBytes, DEFAULT.maxBloatFactor,
            Math.min(DEFAULT.expectedLargeDataBytes, expectedAccounts * 1024L));
    }
}
