package io.lanes.sdk.program;

/**
 * Solana's default rent: an account is rent exempt when it holds two years of rent, that is
 * {@code (128 + dataLength) * 3480 * 2} lamports. 82-byte mint: 1,461,600; 165-byte token
 * account: 2,039,280; a 0-byte wallet: 890,880.
 */
public final class Rent {
    /** Bytes of account metadata that rent charges for besides the data. */
    public static final int ACCOUNT_STORAGE_OVERHEAD_BYTES = 128;
    public static final long LAMPORTS_PER_BYTE_YEAR = 3480;
    public static final long EXEMPTION_THRESHOLD_YEARS = 2;

    private Rent() {
    }

    public static long minimumBalance(final long dataLength) {
        return (ACCOUNT_STORAGE_OVERHEAD_BYTES + dataLength) * LAMPORTS_PER_BYTE_YEAR * EXEMPTION_THRESHOLD_YEARS;
    }

    public static boolean isExempt(final long lamports, final long dataLength) {
        return lamports >= minimumBalance(dataLength);
    }
}
