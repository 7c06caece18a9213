package io.lanes.sdk.program;

/**
 * A program's own error enum, whose constants are declared in the order of their Solana codes:
 * the constant at position n is {@code Custom(n)}. Implement it on the enum and throw
 * {@code MyError.SomeCase.exception()}.
 */
public interface CustomError {
    /** The constant's position: implemented by every enum. */
    int ordinal();

    /** The custom error code, as clients decode it. */
    default int code() {
        return ordinal();
    }

    default InstructionError error() {
        return InstructionError.custom(code());
    }

    /** A new throwable carrying {@code Custom(code)}: only on failure paths. */
    default ProgramError exception() {
        return new ProgramError(error());
    }
}
