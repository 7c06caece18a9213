package io.lanes.sdk.wire;

/**
 * The three header bytes of a message. The account keys are ordered: writable signers, read-only
 * signers, writable non-signers, read-only non-signers.
 */
public record MessageHeader(int numRequiredSignatures, int numReadonlySignedAccounts, int numReadonlyUnsignedAccounts) {
}
