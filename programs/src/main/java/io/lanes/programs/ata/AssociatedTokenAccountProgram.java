package io.lanes.programs.ata;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.programs.token.TokenAccountLayout;
import io.lanes.programs.token.TokenInstruction;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.Program;
import io.lanes.sdk.program.ProgramDerivedAddress;
import io.lanes.sdk.program.ProgramError;
import io.lanes.sdk.program.Rent;
import org.agrona.DirectBuffer;

import java.util.List;

/**
 * The Associated Token Account program ({@code ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL}):
 * creates a wallet's token account for a mint at the address {@link AssociatedTokenAccount}
 * derives, through the same cross-program calls as the real program: Token GetAccountDataSize,
 * System createAccount (or, for a prefunded address, transfer of the rent shortfall, allocate and
 * assign) signed with the address's seeds, then Token InitializeImmutableOwner and
 * InitializeAccount3. Also CreateIdempotent and RecoverNested.
 *
 * <p>Errors as the real program: {@code InvalidSeeds} for an address that does not match the
 * derivation, {@code IllegalOwner} when the address is already in use (Create), {@code Custom(0)}
 * (InvalidOwner) when an existing ATA belongs to another wallet (CreateIdempotent).
 *
 * <p>Stateless; not on a hot path (derivation allocates).
 */
public final class AssociatedTokenAccountProgram implements Program {
    public static final Pubkey ID = Pubkey.fromBase58("ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL");

    /** Units the runtime charges for every call before the program runs (register with this). */
    public static final long BASE_COMPUTE_UNITS = 4_000;
    /** What Solana charges per address tried while deriving (the create_program_address syscall). */
    public static final long COMPUTE_UNITS_PER_DERIVATION_ATTEMPT = 1_500;
    /** {@code AssociatedTokenAccountError::InvalidOwner}. */
    public static final int INVALID_OWNER_ERROR_CODE = 0;

    /** Extension types sent with GetAccountDataSize: ImmutableOwner (7) as a u16, as the real program sends. */
    private static final byte[] GET_ACCOUNT_DATA_SIZE_DATA = {TokenInstruction.GET_ACCOUNT_DATA_SIZE, 7, 0};

    @Override
    public void process(final InvokeContext context) {
        final int instruction = decode(context.instructionData());
        switch (instruction) {
            case AssociatedTokenInstruction.CREATE -> {
                context.log("Create");
                create(context, false);
            }
            case AssociatedTokenInstruction.CREATE_IDEMPOTENT -> {
                context.log("CreateIdempotent");
                create(context, true);
            }
            default -> {
                context.log("RecoverNested");
                NestedRecovery.recover(context);
            }
        }
    }

    /** Empty data is Create; otherwise exactly one Borsh enum byte 0, 1 or 2. */
    private static int decode(final DirectBuffer data) {
        if (data.capacity() == 0) {
            return AssociatedTokenInstruction.CREATE;
        }
        final int tag = data.getByte(0) & 0xFF;
        if (data.capacity() != 1 || tag > AssociatedTokenInstruction.RECOVER_NESTED) {
            throw ProgramError.of(InstructionError.Kind.InvalidInstructionData);
        }
        return tag;
    }

    private static void create(final InvokeContext context, final boolean idempotent) {
        final AccountView funder = context.account(0);
        final AccountView associated = context.account(1);
        final AccountView wallet = context.account(2);
        final AccountView mint = context.account(3);
        context.account(4); // the System program: only needs to be present, for the calls into it
        final Pubkey tokenProgram = context.account(5).key();
        final ProgramDerivedAddress derived = derive(context, wallet.key(), mint.key(), tokenProgram);
        if (!derived.address().equals(associated.key())) {
            context.log("Error: Associated address does not match seed derivation");
            throw ProgramError.of(InstructionError.Kind.InvalidSeeds);
        }
        if (idempotent && associated.isOwnedBy(tokenProgram) && existingIsUsable(context, associated, wallet, mint)) {
            return;
        }
        if (!associated.isOwnedBy(Pubkey.SYSTEM_PROGRAM)) {
            throw ProgramError.of(InstructionError.Kind.IllegalOwner);
        }
        final byte[][] seeds = AssociatedTokenAccount.signerSeeds(wallet.key(), mint.key(), tokenProgram, derived.bump());
        createAndInitialize(context, funder.key(), associated, wallet.key(), mint.key(), tokenProgram, seeds);
    }

    /** The real program's call sequence: size query, account creation, immutable owner, InitializeAccount3. */
    private static void createAndInitialize(
        final InvokeContext context, final Pubkey funder, final AccountView associated, final Pubkey wallet,
        final Pubkey mint, final Pubkey tokenProgram, final byte[][] seeds) {
        context.invoke(new Instruction(tokenProgram, List.of(AccountMeta.readOnly(mint, false)), GET_ACCOUNT_DATA_SIZE_DATA));
        createPdaAccount(context, funder, associated, TokenAccountLayout.LENGTH, tokenProgram, seeds);
        context.log("Initialize the associated token account");
        context.invoke(retarget(TokenInstruction.initializeImmutableOwner(associated.key()), tokenProgram));
        context.invoke(retarget(TokenInstruction.initializeAccount3(associated.key(), mint, wallet), tokenProgram));
    }

    /**
     * CreateIdempotent on an initialized token account: fine if it is the wallet's for this mint,
     * {@code Custom(InvalidOwner)} or {@code InvalidAccountData} if not; false if it does not
     * unpack as a token account (then creation proceeds and fails on the owner check).
     */
    private static boolean existingIsUsable(
        final InvokeContext context, final AccountView associated, final AccountView wallet, final AccountView mint) {
        final DirectBuffer data = associated.data();
        if (!TokenAccountLayout.isValid(data, associated.dataLength())) {
            return false;
        }
        if (!TokenAccountLayout.hasOwner(data, wallet.key())) {
            context.log("Associated token account owner does not match address derivation");
            throw ProgramError.custom(INVALID_OWNER_ERROR_CODE);
        }
        if (!TokenAccountLayout.hasMint(data, mint.key())) {
            throw ProgramError.of(InstructionError.Kind.InvalidAccountData);
        }
        return true;
    }

    /** Derives the address and charges what the on-chain derivation costs. */
    static ProgramDerivedAddress derive(final InvokeContext context, final Pubkey wallet, final Pubkey mint, final Pubkey tokenProgram) {
        final ProgramDerivedAddress derived = AssociatedTokenAccount.derive(wallet, mint, tokenProgram);
        context.consumeComputeUnits((256L - derived.bump()) * COMPUTE_UNITS_PER_DERIVATION_ATTEMPT);
        return derived;
    }

    /** The real program's {@code create_pda_account}: create outright, or top up, allocate and assign a prefunded address. */
    private static void createPdaAccount(
        final InvokeContext context, final Pubkey funder, final AccountView account, final int space,
        final Pubkey owner, final byte[][] seeds) {
        final long required = Math.max(Rent.minimumBalance(space), 1);
        if (account.lamports() > 0) {
            final long shortfall = Math.max(0, required - account.lamports());
            if (shortfall > 0) {
                context.invoke(SystemInstruction.transfer(funder, account.key(), shortfall));
            }
            context.invokeSigned(SystemInstruction.allocate(account.key(), space), seeds);
            context.invokeSigned(SystemInstruction.assign(account.key(), owner), seeds);
        } else {
            context.invokeSigned(SystemInstruction.createAccount(funder, account.key(), required, space, owner), seeds);
        }
    }

    /** The same instruction addressed to the token program the caller named. */
    static Instruction retarget(final Instruction instruction, final Pubkey tokenProgram) {
        return new Instruction(tokenProgram, instruction.accounts(), instruction.dataUnsafe());
    }
}
