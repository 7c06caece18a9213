package io.lanes.runtime.ingest;

/** Argument checks shared by the verifiers. */
final class Ed25519Ranges {
    private Ed25519Ranges() {
    }

    /** True if {@code message} is non-null and {@code [offset, offset + length)} lies inside it. */
    static boolean isValid(final byte[] message, final int offset, final int length) {
        return message != null && offset >= 0 && length >= 0 && offset <= message.length - length;
    }
}
