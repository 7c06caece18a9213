package io.lanes.programs.token;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.Program;
import io.lanes.sdk.program.ProgramError;
import org.agrona.DirectBuffer;

/**
 * SPL Token ({@code TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA}): mints, token accounts,
 * multisig authorities, delegates, freezing and wrapped SOL, with SPL Token's instruction
 * encoding ({@link TokenInstruction}), account layouts ({@link MintLayout},
 * {@link TokenAccountLayout}, {@link MultisigLayout}), error codes ({@link TokenError}) and log
 * lines ({@code "Program log: Instruction: Transfer"}; on failure {@code "Program log: Error: ..."}
 * as SPL Token's entrypoint prints).
 *
 * <p>Stateless and shared by all workers. Transfer, TransferChecked and MintTo read and write
 * account data in place and allocate nothing when they succeed.
 *
 * <p>Not supported: AmountToUiAmount and UiAmountToAmount (tags 23 and 24) need return data, which
 * this runtime does not carry; they fail with {@code Custom(InvalidInstruction)}. GetAccountDataSize
 * validates the mint but cannot return the size (always {@value TokenAccountLayout#LENGTH}).
 */
public final class TokenProgram implements Program {
    public static final Pubkey ID = Pubkey.fromBase58("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");
    /** Solana's incinerator: token accounts owned by it (or by System) burn and close without an authority. */
    public static final Pubkey INCINERATOR = Pubkey.fromBase58("1nc1nerator11111111111111111111111111111111");

    /** Units the runtime charges for every call before the program runs (register with this). */
    public static final long BASE_COMPUTE_UNITS = 1_000;

    /**
     * Total units per instruction tag, base included: approximately what SPL Token logs on
     * mainnet ("consumed X of Y compute units"), so that Lanes' budgets and logs stay in the same
     * order of magnitude.
     */
    private static final long[] COMPUTE_UNITS_BY_TAG = {
        2_900, 4_300, 3_100, 4_650, 2_900, 2_700, 3_000, 4_550, 4_750, 2_950, 4_300, 4_300,
        6_200, 4_450, 4_600, 4_800, 4_400, 3_050, 4_200, 2_900, 2_800, 1_600, 1_400,
    };

    private static final String[] INSTRUCTION_LOGS = {
        "Instruction: InitializeMint", "Instruction: InitializeAccount", "Instruction: InitializeMultisig",
        "Instruction: Transfer", "Instruction: Approve", "Instruction: Revoke", "Instruction: SetAuthority",
        "Instruction: MintTo", "Instruction: Burn", "Instruction: CloseAccount", "Instruction: FreezeAccount",
        "Instruction: ThawAccount", "Instruction: TransferChecked", "Instruction: ApproveChecked",
        "Instruction: MintToChecked", "Instruction: BurnChecked", "Instruction: InitializeAccount2",
        "Instruction: SyncNative", "Instruction: InitializeAccount3", "Instruction: InitializeMultisig2",
        "Instruction: InitializeMint2", "Instruction: GetAccountDataSize", "Instruction: InitializeImmutableOwner",
    };

    /** What SPL Token's entrypoint prints for each TokenError code. */
    private static final String[] ERROR_LOGS = {
        "Error: Lamport balance below rent-exempt threshold",
        "Error: insufficient funds",
        "Error: Invalid Mint",
        "Error: Account not associated with this Mint",
        "Error: owner does not match",
        "Error: the total supply of this token is fixed",
        "Error: account or token already in use",
        "Error: Invalid number of provided signers",
        "Error: Invalid number of required signers",
        "Error: State is uninitialized",
        "Error: Instruction does not support native tokens",
        "Error: Non-native account can only be closed if its balance is zero",
        "Error: Invalid instruction",
        "Error: Invalid account state for operation",
        "Error: Operation overflowed",
        "Error: Account does not support specified authority type",
        "Error: This token mint cannot freeze accounts",
        "Error: Account is frozen",
        "Error: decimals different from the Mint decimals",
        "Error: Instruction does not support non-native tokens",
    };

    @Override
    public void process(final InvokeContext context) {
        final DirectBuffer data = context.instructionData();
        try {
            final int tag = InstructionData.tag(data);
            InstructionData.requireWellFormed(tag, data);
            context.consumeComputeUnits(computeUnits(tag) - BASE_COMPUTE_UNITS);
            context.log(INSTRUCTION_LOGS[tag]);
            dispatch(context, data, tag);
        } catch (final ProgramError failure) {
            logError(context, failure.error());
            throw failure;
        }
    }

    /** Total compute units an instruction with this tag costs, base included. */
    public static long computeUnits(final int tag) {
        return tag >= 0 && tag < COMPUTE_UNITS_BY_TAG.length ? COMPUTE_UNITS_BY_TAG[tag] : BASE_COMPUTE_UNITS;
    }

    private static void dispatch(final InvokeContext context, final DirectBuffer data, final int tag) {
        switch (tag) {
            case TokenInstruction.INITIALIZE_MINT -> InitializeProcessor.initializeMint(context, data, true);
            case TokenInstruction.INITIALIZE_ACCOUNT -> InitializeProcessor.initializeAccount(context, data, 1);
            case TokenInstruction.INITIALIZE_MULTISIG -> InitializeProcessor.initializeMultisig(context, data, true);
            case TokenInstruction.TRANSFER -> TransferProcessor.transfer(context, data, false);
            case TokenInstruction.APPROVE -> TransferProcessor.approve(context, data, false);
            case TokenInstruction.REVOKE -> TransferProcessor.revoke(context);
            case TokenInstruction.SET_AUTHORITY -> AccountProcessor.setAuthority(context, data);
            case TokenInstruction.MINT_TO -> SupplyProcessor.mintTo(context, data, false);
            case TokenInstruction.BURN -> SupplyProcessor.burn(context, data, false);
            case TokenInstruction.CLOSE_ACCOUNT -> AccountProcessor.closeAccount(context);
            case TokenInstruction.FREEZE_ACCOUNT -> AccountProcessor.toggleFreeze(context, true);
            case TokenInstruction.THAW_ACCOUNT -> AccountProcessor.toggleFreeze(context, false);
            case TokenInstruction.TRANSFER_CHECKED -> TransferProcessor.transfer(context, data, true);
            case TokenInstruction.APPROVE_CHECKED -> TransferProcessor.approve(context, data, true);
            case TokenInstruction.MINT_TO_CHECKED -> SupplyProcessor.mintTo(context, data, true);
            case TokenInstruction.BURN_CHECKED -> SupplyProcessor.burn(context, data, true);
            case TokenInstruction.INITIALIZE_ACCOUNT_2 -> InitializeProcessor.initializeAccount(context, data, 2);
            case TokenInstruction.SYNC_NATIVE -> AccountProcessor.syncNative(context);
            case TokenInstruction.INITIALIZE_ACCOUNT_3 -> InitializeProcessor.initializeAccount(context, data, 3);
            case TokenInstruction.INITIALIZE_MULTISIG_2 -> InitializeProcessor.initializeMultisig(context, data, false);
            case TokenInstruction.INITIALIZE_MINT_2 -> InitializeProcessor.initializeMint(context, data, false);
            case TokenInstruction.GET_ACCOUNT_DATA_SIZE -> InitializeProcessor.getAccountDataSize(context);
            case TokenInstruction.INITIALIZE_IMMUTABLE_OWNER -> InitializeProcessor.initializeImmutableOwner(context);
            default -> throw TokenError.InvalidInstruction.exception();
        }
    }

    /** SPL Token's entrypoint prints the error before returning it ({@code PrintProgramError}). */
    private static void logError(final InvokeContext context, final InstructionError error) {
        if (error.kind() == InstructionError.Kind.ComputationalBudgetExceeded) {
            return;
        }
        if (error.isCustom()) {
            final int code = error.customCode();
            context.log(code >= 0 && code < ERROR_LOGS.length ? ERROR_LOGS[code] : "Error: Unknown");
        } else {
            context.log("Error: " + error.kind().name());
        }
    }
}
