package io.lanes.runtime.exec;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.InstructionError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A transaction's program logs, recorded as compact events and turned into Solana's log lines
 * only when someone asks ({@link #lines()}): executing records a few references and numbers per
 * call and allocates nothing after warm-up. Lines, as Solana prints them:
 * <pre>
 * Program 11111111111111111111111111111111 invoke [1]
 * Program log: hello
 * Program Tokenkeg... consumed 4645 of 200000 compute units
 * Program 11111111111111111111111111111111 success
 * Program 11111111111111111111111111111111 failed: custom program error: 0x1
 * </pre>
 * Like Solana, it stops at 10,000 bytes of program-written text and notes "Log truncated".
 */
public final class LogRecorder {
    public static final int MAX_LOG_BYTES = 10_000;

    private enum Kind { INVOKE, MESSAGE, CONSUMED, SUCCESS, FAILED, TRUNCATED }

    private static final Kind[] KINDS = Kind.values();

    private byte[] kinds = new byte[32];
    private Object[] subjects = new Object[32];
    private long[] firstValues = new long[32];
    private long[] secondValues = new long[32];
    private int count;
    private int messageBytes;
    private boolean truncated;

    public void clear() {
        Arrays.fill(subjects, 0, count, null);
        count = 0;
        messageBytes = 0;
        truncated = false;
    }

    public void invoke(final Pubkey program, final int stackHeight) {
        add(Kind.INVOKE, program, stackHeight, 0);
    }

    public void message(final String message) {
        if (truncated) {
            return;
        }
        messageBytes += message.length();
        if (messageBytes > MAX_LOG_BYTES) {
            truncated = true;
            add(Kind.TRUNCATED, null, 0, 0);
            return;
        }
        add(Kind.MESSAGE, message, 0, 0);
    }

    public void consumed(final Pubkey program, final long units, final long available) {
        add(Kind.CONSUMED, program, units, available);
    }

    public void success(final Pubkey program) {
        add(Kind.SUCCESS, program, 0, 0);
    }

    public void failed(final Pubkey program, final InstructionError error) {
        add(Kind.FAILED, program, 0, 0);
        subjects[count - 1] = new Object[] {program, error};
    }

    private void add(final Kind kind, final Object subject, final long first, final long second) {
        if (count == kinds.length) {
            final int capacity = count * 2;
            kinds = Arrays.copyOf(kinds, capacity);
            subjects = Arrays.copyOf(subjects, capacity);
            firstValues = Arrays.copyOf(firstValues, capacity);
            secondValues = Arrays.copyOf(secondValues, capacity);
        }
        kinds[count] = (byte) kind.ordinal();
        subjects[count] = subject;
        firstValues[count] = first;
        secondValues[count] = second;
        count++;
    }

    public int eventCount() {
        return count;
    }

    /** The log lines as Solana prints them. */
    public List<String> lines() {
        final List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(line(i));
        }
        return lines;
    }

    private String line(final int index) {
        final Object subject = subjects[index];
        switch (KINDS[kinds[index]]) {
            case INVOKE:
                return "Program " + subject + " invoke [" + firstValues[index] + "]";
            case MESSAGE:
                return "Program log: " + subject;
            case CONSUMED:
                return "Program " + subject + " consumed " + firstValues[index] + " of " + secondValues[index] + " compute units";
            case SUCCESS:
                return "Program " + subject + " success";
            case FAILED:
                final Object[] pair = (Object[]) subject;
                return "Program " + pair[0] + " failed: " + ((InstructionError) pair[1]).message();
            case TRUNCATED:
                return "Log truncated";
            default:
                throw new IllegalStateException("unknown log event");
        }
    }

    /** Copies another recorder's events (to keep a transaction's logs past the worker's reuse). */
    public void copyFrom(final LogRecorder other) {
        clear();
        for (int i = 0; i < other.count; i++) {
            add(KINDS[other.kinds[i]], other.subjects[i], other.firstValues[i], other.secondValues[i]);
        }
        messageBytes = other.messageBytes;
        truncated = other.truncated;
    }
}
