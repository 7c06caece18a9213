package io.lanes.programs.lending;

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
 * A minimal lending market over SPL Token, with the id {@link #ID}
 * ({@code 6JnnFHDV2FubJaLyu5AqdYLB6FgPEsW29pdsBG2Jwuy1}, the bytes of {@code SHA-256("lanes-lending")}).
 * A market ({@link MarketLayout}) takes one collateral mint and lends one borrow mint,
 * priced by its oracle ({@link OracleLayout}), which the market owner sets. Each user has an
 * obligation ({@link ObligationLayout}) holding collateral and debt. Borrowing and withdrawing
 * keep the debt within the loan-to-value limit; debt above the liquidation threshold may be
 * repaid by anyone for the collateral plus a bonus. See {@link LendingInstruction} for the
 * instructions and accounts, {@link LendingMath} for the formulas and {@link LendingError} for
 * the error codes.
 *
 * <p>Tokens move only through cross-program calls into SPL Token: user to vault with the user's
 * signature, vault to user signed with the market authority's seeds. No interest accrues, and
 * the liquidity vault is funded by plain Token transfers into it.
 *
 * <p>Stateless and shared by all workers.
 */
public final class LendingProgram implements Program {
    public static final Pubkey ID = Pubkey.wrap(Hash.sha256("lanes-lending".getBytes(StandardCharsets.US_ASCII)).toBytes());

    /**
     * Units the runtime charges for every call before the program runs (register with this). With
     * its Token call a borrow costs about 26,000 units, a liquidation about 32,000: the order of
     * Solend's and Kamino's instructions on mainnet.
     */
    public static final long BASE_COMPUTE_UNITS = 20_000;

    private static final String[] INSTRUCTION_LOGS = {
        "Instruction: InitMarket", "Instruction: SetPrice", "Instruction: InitObligation", "Instruction: DepositCollateral",
        "Instruction: Borrow", "Instruction: Repay", "Instruction: WithdrawCollateral", "Instruction: Liquidate",
    };

    @Override
    public void process(final InvokeContext context) {
        final int tag = InstructionTag.readAndLog(context, INSTRUCTION_LOGS);
        final DirectBuffer data = context.instructionData();
        switch (tag) {
            case LendingInstruction.INIT_MARKET -> MarketProcessor.initMarket(context, data);
            case LendingInstruction.SET_PRICE -> MarketProcessor.setPrice(context, data);
            case LendingInstruction.INIT_OBLIGATION -> CollateralProcessor.initObligation(context, data);
            case LendingInstruction.DEPOSIT_COLLATERAL -> CollateralProcessor.deposit(context, data);
            case LendingInstruction.BORROW -> LoanProcessor.borrow(context, data);
            case LendingInstruction.REPAY -> LoanProcessor.repay(context, data);
            case LendingInstruction.WITHDRAW_COLLATERAL -> CollateralProcessor.withdraw(context, data);
            default -> LoanProcessor.liquidate(context, data);
        }
    }

    static ProgramError invalidData() {
        return ProgramError.of(InstructionError.Kind.InvalidInstructionData);
    }
}
