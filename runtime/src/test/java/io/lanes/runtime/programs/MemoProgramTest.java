package io.lanes.runtime.programs;

import io.lanes.programs.memo.MemoInstruction;
import io.lanes.programs.memo.MemoProgram;
import io.lanes.runtime.exec.ExecutionResult;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.program.InstructionError.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPL Memo v2 and v1: UTF-8, signers and log lines. */
class MemoProgramTest {
    private final TokenBank tokens = new TokenBank();
    private final Keypair alice = Keypair.generate();

    @AfterEach
    void close() {
        tokens.close();
    }

    @Test
    void aSignedMemoLogsItsSignersAndText() {
        final ExecutionResult result = tokens.succeed(List.of(alice),
            MemoInstruction.memo("héllo \"memo\"\n", tokens.payer.publicKey(), alice.publicKey()));
        assertEquals(List.of(
            "Program MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr invoke [1]",
            "Program log: Signed by " + tokens.payer.publicKey(),
            "Program log: Signed by " + alice.publicKey(),
            "Program log: Memo (len 14): \"héllo \\\"memo\\\"\\n\"",
            "Program MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr consumed 1000 of 200000 compute units",
            "Program MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr success"), result.logLines());
    }

    @Test
    void invalidUtf8FailsWithInvalidInstructionData() {
        final byte[] data = {'o', 'k', (byte) 0xC0, (byte) 0x80};
        final ExecutionResult result = tokens.fail(Kind.InvalidInstructionData, List.of(), MemoInstruction.memo(data));
        assertTrue(result.logLines().contains("Program log: Invalid UTF-8, from byte 2"), result.logLines().toString());
        tokens.fail(Kind.InvalidInstructionData, List.of(), MemoInstruction.memoV1(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
    }

    @Test
    void everyAccountOfAV2MemoMustSign() {
        final Instruction unsigned = new Instruction(MemoProgram.ID,
            List.of(AccountMeta.readOnly(alice.publicKey(), false)), "hi".getBytes(StandardCharsets.UTF_8));
        tokens.fail(Kind.MissingRequiredSignature, List.of(), unsigned);
    }

    @Test
    void v1AcceptsValidUtf8WithoutLogging() {
        final ExecutionResult result = tokens.succeed(List.of(), MemoInstruction.memoV1("🐆 ok".getBytes(StandardCharsets.UTF_8)));
        assertEquals(3, result.logLines().size(), result.logLines().toString());
    }
}
