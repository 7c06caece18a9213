package io.lanes.sdk.wire;

/** Legacy messages have no version byte; v0 messages start with 0x80. */
public enum MessageVersion {
    LEGACY,
    V0
}
