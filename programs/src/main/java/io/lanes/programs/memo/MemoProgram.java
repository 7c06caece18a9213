package io.lanes.programs.memo;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.Program;
import io.lanes.sdk.program.ProgramError;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * SPL Memo. The instruction data is the memo and must be valid UTF-8
 * ({@code InvalidInstructionData} otherwise).
 *
 * <ul>
 *   <li>v2 ({@code MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr}): every account passed must sign
 *       ({@code MissingRequiredSignature}); logs {@code Signed by <key>} per signer and
 *       {@code Memo (len N): "text"} (N in bytes, text quoted as Rust's {@code {:?}} does).</li>
 *   <li>v1 ({@code Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo}): checks UTF-8 only, logs nothing.</li>
 * </ul>
 * Stateless; one instance per version.
 */
public final class MemoProgram implements Program {
    public static final Pubkey ID = Pubkey.fromBase58("MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr");
    public static final Pubkey V1_ID = Pubkey.fromBase58("Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo");
    /** Units the runtime charges per call (register with this). */
    public static final long BASE_COMPUTE_UNITS = 1_000;

    private final boolean version2;

    private MemoProgram(final boolean version2) {
        this.version2 = version2;
    }

    /** The current Memo program, at {@link #ID}. */
    public static MemoProgram v2() {
        return new MemoProgram(true);
    }

    /** The legacy Memo program, at {@link #V1_ID}. */
    public static MemoProgram v1() {
        return new MemoProgram(false);
    }

    @Override
    public void process(final InvokeContext context) {
        if (version2) {
            requireAllSigned(context);
        }
        final DirectBuffer data = context.instructionData();
        final byte[] bytes = new byte[data.capacity()];
        data.getBytes(0, bytes);
        final int invalidFrom = Utf8.firstInvalidByte(bytes);
        if (invalidFrom >= 0) {
            if (version2) {
                context.log("Invalid UTF-8, from byte " + invalidFrom);
            }
            throw ProgramError.of(InstructionError.Kind.InvalidInstructionData);
        }
        if (version2) {
            context.log("Memo (len " + bytes.length + "): " + Utf8.debugQuoted(new String(bytes, StandardCharsets.UTF_8)));
        }
    }

    private static void requireAllSigned(final InvokeContext context) {
        boolean missingSignature = false;
        for (int i = 0; i < context.accountCount(); i++) {
            final AccountView account = context.account(i);
            if (account.isSigner()) {
                context.log("Signed by " + account.key());
            } else {
                missingSignature = true;
            }
        }
        if (missingSignature) {
            throw ProgramError.of(InstructionError.Kind.MissingRequiredSignature);
        }
    }
}
