package io.lanes.programs.system;

import io.lanes.programs.InstructionReader;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.Program;
import io.lanes.sdk.program.ProgramError;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The System program ({@code 11111111111111111111111111111111}): creates accounts, moves
 * lamports, allocates data and assigns owners, with Solana's instruction encoding and errors.
 * Nonce accounts are not supported and fail with {@code InvalidInstructionData}.
 */
public final class SystemProgram implements Program {
    public static final Pubkey ID = Pubkey.SYSTEM_PROGRAM;
    /** Solana's MAX_PERMITTED_DATA_LENGTH. */
    public static final long MAX_PERMITTED_DATA_LENGTH = AccountView.MAX_DATA_LENGTH;
    public static final int MAX_SEED_LENGTH = 32;
    private static final byte[] PDA_MARKER = "ProgramDerivedAddress".getBytes(StandardCharsets.US_ASCII);

    private final ThreadLocal<InstructionReader> readers = ThreadLocal.withInitial(InstructionReader::new);

    @Override
    public void process(final InvokeContext context) {
        final InstructionReader data = readers.get().wrap(context.instructionData());
        final long tag = data.u32();
        switch ((int) tag) {
            case SystemInstruction.CREATE_ACCOUNT -> createAccount(context, data.u64(), data.u64(), data.pubkey());
            case SystemInstruction.ASSIGN -> assign(context, context.account(0), data.pubkey(), context.account(0).key());
            case SystemInstruction.TRANSFER -> transfer(context, context.account(0), context.account(1), data.u64());
            case SystemInstruction.CREATE_ACCOUNT_WITH_SEED -> createAccountWithSeed(context, data);
            case SystemInstruction.ALLOCATE -> allocate(context, context.account(0), data.u64(), context.account(0).key());
            case SystemInstruction.ALLOCATE_WITH_SEED -> allocateWithSeed(context, data);
            case SystemInstruction.ASSIGN_WITH_SEED -> assignWithSeed(context, data);
            case SystemInstruction.TRANSFER_WITH_SEED -> transferWithSeed(context, data);
            default -> throw ProgramError.of(InstructionError.Kind.InvalidInstructionData);
        }
    }

    private static void createAccount(
        final InvokeContext context, final long lamports, final long space, final Pubkey owner) {
        final AccountView from = context.account(0);
        final AccountView to = context.account(1);
        requireSigner(context, to, "Create Account: account");
        create(context, from, to, to.key(), lamports, space, owner);
    }

    private static void createAccountWithSeed(final InvokeContext context, final InstructionReader data) {
        final Pubkey base = data.pubkey();
        final String seed = data.bincodeString();
        final long lamports = data.u64();
        final long space = data.u64();
        final Pubkey owner = data.pubkey();
        final AccountView from = context.account(0);
        final AccountView to = context.account(1);
        requireAddressWithSeed(context, to.key(), base, seed, owner);
        create(context, from, to, base, lamports, space, owner);
    }

    private static void create(
        final InvokeContext context, final AccountView from, final AccountView to, final Pubkey authority,
        final long lamports, final long space, final Pubkey owner) {
        if (to.lamports() > 0) {
            context.log("Create Account: account " + to.key() + " already in use");
            throw SystemError.AccountAlreadyInUse.exception();
        }
        allocate(context, to, space, authority);
        assign(context, to, owner, authority);
        transfer(context, from, to, lamports);
    }

    private static void allocate(final InvokeContext context, final AccountView account, final long space, final Pubkey authority) {
        requireAuthority(context, account, authority, "Allocate: 'to' account");
        if (account.dataLength() != 0 || !account.isOwnedBy(ID)) {
            context.log("Allocate: account " + account.key() + " already in use");
            throw SystemError.AccountAlreadyInUse.exception();
        }
        if (space < 0 || space > MAX_PERMITTED_DATA_LENGTH) {
            context.log("Allocate: requested " + Long.toUnsignedString(space) + ", max allowed " + MAX_PERMITTED_DATA_LENGTH);
            throw SystemError.InvalidAccountDataLength.exception();
        }
        account.resize((int) space);
    }

    private static void assign(final InvokeContext context, final AccountView account, final Pubkey owner, final Pubkey authority) {
        if (account.isOwnedBy(owner)) {
            return;
        }
        requireAuthority(context, account, authority, "Assign: account");
        account.setOwner(owner);
    }

    private static void transfer(final InvokeContext context, final AccountView from, final AccountView to, final long lamports) {
        requireSigner(context, from, "Transfer: `from` account");
        moveLamports(context, from, to, lamports);
    }

    private static void moveLamports(final InvokeContext context, final AccountView from, final AccountView to, final long lamports) {
        if (from.dataLength() != 0) {
            context.log("Transfer: `from` must not carry data");
            throw ProgramError.of(InstructionError.Kind.InvalidArgument);
        }
        if (Long.compareUnsigned(lamports, from.lamports()) > 0) {
            context.log("Transfer: insufficient lamports " + from.lamports() + ", need " + Long.toUnsignedString(lamports));
            throw SystemError.ResultWithNegativeLamports.exception();
        }
        from.setLamports(from.lamports() - lamports);
        final long credited = to.lamports() + lamports;
        if (credited < 0) {
            throw ProgramError.of(InstructionError.Kind.ArithmeticOverflow);
        }
        to.setLamports(credited);
    }

    private static void allocateWithSeed(final InvokeContext context, final InstructionReader data) {
        final Pubkey base = data.pubkey();
        final String seed = data.bincodeString();
        final long space = data.u64();
        final Pubkey owner = data.pubkey();
        final AccountView account = context.account(0);
        requireAddressWithSeed(context, account.key(), base, seed, owner);
        allocate(context, account, space, base);
        assign(context, account, owner, base);
    }

    private static void assignWithSeed(final InvokeContext context, final InstructionReader data) {
        final Pubkey base = data.pubkey();
        final String seed = data.bincodeString();
        final Pubkey owner = data.pubkey();
        final AccountView account = context.account(0);
        requireAddressWithSeed(context, account.key(), base, seed, owner);
        assign(context, account, owner, base);
    }

    private static void transferWithSeed(final InvokeContext context, final InstructionReader data) {
        final long lamports = data.u64();
        final String fromSeed = data.bincodeString();
        final Pubkey fromOwner = data.pubkey();
        final AccountView from = context.account(0);
        final AccountView base = context.account(1);
        final AccountView to = context.account(2);
        requireSigner(context, base, "Transfer: `from` account");
        requireAddressWithSeed(context, from.key(), base.key(), fromSeed, fromOwner);
        moveLamports(context, from, to, lamports);
    }

    /**
     * Solana's {@code Pubkey::create_with_seed}: SHA-256 of base, seed and owner.
     *
     * @throws ProgramError {@code Custom(MaxSeedLengthExceeded)} for a seed over 32 bytes,
     *                      {@code IllegalOwner} if the owner ends with the PDA marker
     */
    public static Pubkey addressWithSeed(final Pubkey base, final String seed, final Pubkey owner) {
        final byte[] seedBytes = seed.getBytes(StandardCharsets.UTF_8);
        if (seedBytes.length > MAX_SEED_LENGTH) {
            throw SystemError.MaxSeedLengthExceeded.exception();
        }
        final byte[] ownerBytes = owner.toBytes();
        if (endsWithPdaMarker(ownerBytes)) {
            throw ProgramError.of(InstructionError.Kind.IllegalOwner);
        }
        final MessageDigest digest = Hash.newSha256();
        digest.update(base.toBytes());
        digest.update(seedBytes);
        digest.update(ownerBytes);
        return Pubkey.wrap(digest.digest());
    }

    private static boolean endsWithPdaMarker(final byte[] owner) {
        final int start = owner.length - PDA_MARKER.length;
        for (int i = 0; i < PDA_MARKER.length; i++) {
            if (owner[start + i] != PDA_MARKER[i]) {
                return false;
            }
        }
        return true;
    }

    private static void requireAddressWithSeed(
        final InvokeContext context, final Pubkey address, final Pubkey base, final String seed, final Pubkey owner) {
        final Pubkey expected = addressWithSeed(base, seed, owner);
        if (!expected.equals(address)) {
            context.log("Create: address " + address + " does not match derived address " + expected);
            throw SystemError.AddressWithSeedMismatch.exception();
        }
    }

    /** The account must sign, or (for the seed variants) the base it derives from must sign. */
    private static void requireAuthority(
        final InvokeContext context, final AccountView account, final Pubkey authority, final String what) {
        if (authority.equals(account.key())) {
            requireSigner(context, account, what);
            return;
        }
        for (int i = 0; i < context.accountCount(); i++) {
            final AccountView candidate = context.account(i);
            if (candidate.key().equals(authority) && candidate.isSigner()) {
                return;
            }
        }
        context.log(what + " " + account.key() + " must sign");
        throw ProgramError.of(InstructionError.Kind.MissingRequiredSignature);
    }

    /** The log message is built only on failure: the success path allocates nothing. */
    private static void requireSigner(final InvokeContext context, final AccountView account, final String what) {
        if (!account.isSigner()) {
            context.log(what + " " + account.key() + " must sign");
            throw ProgramError.of(InstructionError.Kind.MissingRequiredSignature);
        }
    }
}
