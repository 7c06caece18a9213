package io.lanes.programs.amm;

import io.lanes.programs.InstructionTag;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.Program;
import io.lanes.sdk.program.ProgramError;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * A constant-product AMM (x * y = k) over SPL Token, with the id {@link #ID}
 * ({@code 7MJWzWnsaSNfBFxqYoHhnZn8YLvNhWeqsR89U3UtCFgh}, the bytes of {@code SHA-256("lanes-amm")}).
 * A pool ({@link PoolLayout}) holds two mints in two vaults owned by its authority address and
 * issues LP tokens from its own mint; see
 * {@link AmmInstruction} for the instructions and their accounts, {@link ConstantProduct} for
 * the formulas and {@link AmmError} for the error codes.
 *
 * <p>Every token movement is a cross-program call into SPL Token: user to vault with the user's
 * signature, vault to user and LP mint-to signed with the pool authority's seeds. Reserves are
 * read and written in place in the pool account.
 *
 * <p>Stateless and shared by all workers. Swap compares keys against the pool's bytes in place
 * and allocates only the two Token instructions it invokes (and an exception when it fails).
 */
public final class AmmProgram implements Program {
    public static final Pubkey ID = Pubkey.wrap(Hash.sha256("lanes-amm".getBytes(StandardCharsets.US_ASCII)).toBytes());

    /**
     * Units the runtime charges for every call before the program runs (register with this). With
     * its two Token calls (1,000 per call plus Token's own ~4,600) a swap costs about 26,000
     * units, in the range of SPL token-swap and Raydium's swaps on mainnet.
     */
    public static final long BASE_COMPUTE_UNITS = 15_000;

    /** Decimals of every pool's LP mint. */
    public static final int LP_MINT_DECIMALS = 6;

    private static final String[] INSTRUCTION_LOGS = {
        "Instruction: InitializePool", "Instruction: AddLiquidity", "Instruction: RemoveLiquidity", "Instruction: Swap",
    };

    @Override
    public void process(final InvokeContext context) {
        final int tag = InstructionTag.readAndLog(context, INSTRUCTION_LOGS);
        final DirectBuffer data = context.instructionData();
        switch (tag) {
            case AmmInstruction.INITIALIZE_POOL -> PoolInitializer.initialize(context, data);
            case AmmInstruction.ADD_LIQUIDITY -> LiquidityProcessor.add(context, data);
            case AmmInstruction.REMOVE_LIQUIDITY -> LiquidityProcessor.remove(context, data);
            default -> SwapProcessor.swap(context, data);
        }
    }

    static ProgramError invalidData() {
        return ProgramError.of(InstructionError.Kind.InvalidInstructionData);
    }
}
