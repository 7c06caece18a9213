package io.lanes.programs;

import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.ProgramError;
import org.agrona.DirectBuffer;

/**
 * The first byte of an instruction's data as its tag, for programs that log
 * {@code "Instruction: Name"} like SPL programs do.
 */
public final class InstructionTag {
    private InstructionTag() {
    }

    /**
     * Reads the tag, checks it names one of {@code logLines} and logs that line.
     *
     * @throws ProgramError {@code InvalidInstructionData} for empty data or an unknown tag
     */
    public static int readAndLog(final InvokeContext context, final String[] logLines) {
        final DirectBuffer data = context.instructionData();
        if (data.capacity() == 0) {
            throw ProgramError.of(InstructionError.Kind.InvalidInstructionData);
        }
        final int tag = data.getByte(0) & 0xFF;
        if (tag >= logLines.length) {
            throw ProgramError.of(InstructionError.Kind.InvalidInstructionData);
        }
        context.log(logLines[tag]);
        return tag;
    }
}
