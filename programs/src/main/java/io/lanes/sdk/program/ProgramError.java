package io.lanes.sdk.program;

/**
 * Carries an {@link InstructionError} out of {@link Program#process}. It records no stack trace:
 * failing is an ordinary outcome of a transaction, not a bug, and must stay cheap.
 */
public final class ProgramError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient InstructionError error;

    public ProgramError(final InstructionError error) {
        super(error.toString(), null, false, false);
        this.error = error;
    }

    public static ProgramError of(final InstructionError.Kind kind) {
        return new ProgramError(InstructionError.of(kind));
    }

    public static ProgramError custom(final int code) {
        return new ProgramError(InstructionError.custom(code));
    }

    public InstructionError error() {
        return error;
    }
}
