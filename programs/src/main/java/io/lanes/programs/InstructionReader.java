package io.lanes.programs;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.ProgramError;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads little-endian instruction data (bincode and Borsh layouts) with bounds checks: reading
 * past the end fails the instruction with {@code InvalidInstructionData}, never with an index
 * exception. One reader per worker, re-pointed at each instruction.
 */
public final class InstructionReader {
    private DirectBuffer buffer;
    private int position;
    private int limit;

    public InstructionReader wrap(final DirectBuffer data) {
        this.buffer = data;
        this.position = 0;
        this.limit = data.capacity();
        return this;
    }

    public int remaining() {
        return limit - position;
    }

    public int position() {
        return position;
    }

    public int u8() {
        require(1);
        return buffer.getByte(position++) & 0xFF;
    }

    public boolean bool() {
        final int value = u8();
        if (value > 1) {
            throw invalid();
        }
        return value == 1;
    }

    public long u32() {
        require(4);
        final long value = buffer.getInt(position, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL;
        position += 4;
        return value;
    }

    /** A u64 as a signed long; callers that need the full range compare with Long.compareUnsigned. */
    public long u64() {
        require(8);
        final long value = buffer.getLong(position, ByteOrder.LITTLE_ENDIAN);
        position += 8;
        return value;
    }

    public Pubkey pubkey() {
        require(Pubkey.LENGTH);
        final Pubkey key = Pubkey.read(buffer, position);
        position += Pubkey.LENGTH;
        return key;
    }

    /** Bincode string: u64 little-endian length, then UTF-8 bytes. */
    public String bincodeString() {
        final long length = u64();
        if (length < 0 || length > remaining()) {
            throw invalid();
        }
        final byte[] bytes = new byte[(int) length];
        buffer.getBytes(position, bytes);
        position += bytes.length;
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Fails unless every byte was consumed. */
    public void end() {
        if (position != limit) {
            throw invalid();
        }
    }

    private void require(final int bytes) {
        if (limit - position < bytes) {
            throw invalid();
        }
    }

    private static ProgramError invalid() {
        return ProgramError.of(InstructionError.Kind.InvalidInstructionData);
    }
}
