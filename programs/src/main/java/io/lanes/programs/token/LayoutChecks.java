package io.lanes.programs.token;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/** Shared reading rules of SPL Token's packed states: {@code COption} tags and booleans. */
final class LayoutChecks {
    /** Data is a well-formed, initialized state. */
    static final int VALID = 0;
    /** Data is well-formed but not initialized (what {@code unpack_unchecked} accepts). */
    static final int UNINITIALIZED = 1;
    /** Wrong length, a bad {@code COption} tag, a bad bool or a bad account state. */
    static final int MALFORMED = 2;

    /** {@code COption} tag of {@code Some}, a u32 little-endian. */
    static final int OPTION_SOME = 1;

    private LayoutChecks() {
    }

    /** A {@code COption} tag is the u32 0 (None) or 1 (Some); anything else is malformed. */
    static boolean isOptionTag(final DirectBuffer data, final int offset) {
        final int tag = data.getInt(offset, ByteOrder.LITTLE_ENDIAN);
        return tag == 0 || tag == OPTION_SOME;
    }

    static boolean isSome(final DirectBuffer data, final int offset) {
        return data.getInt(offset, ByteOrder.LITTLE_ENDIAN) == OPTION_SOME;
    }

    /** A packed bool is the byte 0 or 1. */
    static boolean isBool(final DirectBuffer data, final int offset) {
        final byte value = data.getByte(offset);
        return value == 0 || value == 1;
    }
}
