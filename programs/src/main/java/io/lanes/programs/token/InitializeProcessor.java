package io.lanes.programs.token;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.ProgramError;
import io.lanes.sdk.program.Rent;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The initializing instructions: InitializeMint(2), InitializeAccount(2,3),
 * InitializeMultisig(2), InitializeImmutableOwner and GetAccountDataSize, with SPL Token's checks
 * in SPL Token's order. Rent comes from {@link Rent}: the v1 variants' rent sysvar account is
 * checked by key only, never read.
 */
final class InitializeProcessor {
    private InitializeProcessor() {
    }

    /** Data: decimals u8, mint authority (32), freeze authority as a 1-byte-tag option. */
    static void initializeMint(final InvokeContext context, final DirectBuffer instruction, final boolean rentSysvarAccount) {
        final int decimals = InstructionData.u8(instruction, InstructionData.BODY);
        final int mintAuthorityOffset = InstructionData.pubkeyAt(instruction, InstructionData.BODY + 1);
        final int freezeAuthorityOffset = InstructionData.optionalPubkeyAt(instruction, InstructionData.BODY + 33);
        final AccountView mintView = context.account(0);
        if (rentSysvarAccount) {
            requireRentSysvar(context.account(1));
        }
        final MutableDirectBuffer mint = TokenState.mintUnchecked(mintView);
        if (MintLayout.isInitialized(mint)) {
            throw TokenError.AlreadyInUse.exception();
        }
        requireRentExempt(mintView);
        MintLayout.write(mint, InstructionData.pubkeyOrNull(instruction, mintAuthorityOffset), MintLayout.supply(mint),
            decimals, true, InstructionData.pubkeyOrNull(instruction, freezeAuthorityOffset));
    }

    /**
     * InitializeAccount (owner is account 2, rent sysvar account 3), InitializeAccount2 (owner in
     * the data, rent sysvar account 2) and InitializeAccount3 (owner in the data, no sysvar).
     */
    static void initializeAccount(final InvokeContext context, final DirectBuffer instruction, final int variant) {
        final int ownerDataOffset = variant == 1 ? -1 : InstructionData.pubkeyAt(instruction, InstructionData.BODY);
        final AccountView accountView = context.account(0);
        final AccountView mintView = context.account(1);
        final AccountView ownerView = variant == 1 ? context.account(2) : null;
        if (variant == 1) {
            requireRentSysvar(context.account(3));
        } else if (variant == 2) {
            requireRentSysvar(context.account(2));
        }
        final MutableDirectBuffer account = TokenState.accountUnchecked(accountView);
        if (TokenAccountLayout.state(account) != TokenAccountLayout.STATE_UNINITIALIZED) {
            throw TokenError.AlreadyInUse.exception();
        }
        requireRentExempt(accountView);
        final boolean nativeMint = NativeMint.ID.equals(mintView.key());
        if (!nativeMint) {
            requireValidMint(mintView);
        }
        mintView.key().copyTo(account, TokenAccountLayout.MINT_OFFSET);
        if (ownerView != null) {
            ownerView.key().copyTo(account, TokenAccountLayout.OWNER_OFFSET);
        } else {
            account.putBytes(TokenAccountLayout.OWNER_OFFSET, instruction, ownerDataOffset, Pubkey.LENGTH);
        }
        writeFreshAccountState(accountView, account, nativeMint);
    }

    private static void writeFreshAccountState(final AccountView view, final MutableDirectBuffer account, final boolean nativeMint) {
        TokenAccountLayout.setCloseAuthority(account, null);
        TokenAccountLayout.setDelegate(account, null);
        TokenAccountLayout.setDelegatedAmount(account, 0);
        TokenAccountLayout.setState(account, TokenAccountLayout.STATE_INITIALIZED);
        if (nativeMint) {
            final long rentExemptReserve = Rent.minimumBalance(view.dataLength());
            TokenAccountLayout.setNative(account, true, rentExemptReserve);
            TokenAccountLayout.setAmount(account, TokenState.checkedSub(view.lamports(), rentExemptReserve));
        } else {
            TokenAccountLayout.setNative(account, false, 0);
            TokenAccountLayout.setAmount(account, 0);
        }
    }

    /** Data: m u8. Accounts: multisig, [rent sysvar], then the 1 to 11 signers. */
    static void initializeMultisig(final InvokeContext context, final DirectBuffer instruction, final boolean rentSysvarAccount) {
        final int requiredSigners = InstructionData.u8(instruction, InstructionData.BODY);
        final AccountView multisigView = context.account(0);
        final int firstSigner = rentSysvarAccount ? 2 : 1;
        if (rentSysvarAccount) {
            requireRentSysvar(context.account(1));
        }
        final MutableDirectBuffer multisig = TokenState.multisigUnchecked(multisigView);
        if (MultisigLayout.isInitialized(multisig)) {
            throw TokenError.AlreadyInUse.exception();
        }
        requireRentExempt(multisigView);
        final int signerCount = Math.max(0, context.accountCount() - firstSigner) & 0xFF;
        if (!MultisigLayout.isValidSignerCount(signerCount)) {
            throw TokenError.InvalidNumberOfProvidedSigners.exception();
        }
        if (!MultisigLayout.isValidSignerCount(requiredSigners)) {
            throw TokenError.InvalidNumberOfRequiredSigners.exception();
        }
        multisig.putByte(MultisigLayout.M_OFFSET, (byte) requiredSigners);
        multisig.putByte(MultisigLayout.N_OFFSET, (byte) signerCount);
        for (int i = 0; i < signerCount; i++) {
            context.account(firstSigner + i).key().copyTo(multisig, MultisigLayout.signerOffset(i));
        }
        multisig.putByte(MultisigLayout.IS_INITIALIZED_OFFSET, (byte) 1);
    }

    /** A no-op in SPL Token (immutable owner is a Token-2022 extension) that fails on an initialized account. */
    static void initializeImmutableOwner(final InvokeContext context) {
        final MutableDirectBuffer account = TokenState.accountUnchecked(context.account(0));
        if (TokenAccountLayout.state(account) != TokenAccountLayout.STATE_UNINITIALIZED) {
            throw TokenError.AlreadyInUse.exception();
        }
        context.log("Please upgrade to SPL Token 2022 for immutable owner support");
    }

    /**
     * Validates the mint as SPL Token does; the size (always 165) would be return data, which
     * this runtime does not carry: callers use {@link TokenAccountLayout#LENGTH}.
     */
    static void getAccountDataSize(final InvokeContext context) {
        requireValidMint(context.account(0));
    }

    /** {@code IncorrectProgramId} for a mint the token program does not own, else {@code InvalidMint}. */
    private static void requireValidMint(final AccountView mintView) {
        TokenState.requireOwnedByTokenProgram(mintView);
        if (MintLayout.check(mintView.data(), mintView.dataLength()) != LayoutChecks.VALID) {
            throw TokenError.InvalidMint.exception();
        }
    }

    private static void requireRentExempt(final AccountView view) {
        if (!Rent.isExempt(view.lamports(), view.dataLength())) {
            throw TokenError.NotRentExempt.exception();
        }
    }

    /** {@code Rent::from_account_info} accepts only the rent sysvar's address. */
    private static void requireRentSysvar(final AccountView view) {
        if (!TokenInstruction.RENT_SYSVAR_ID.equals(view.key())) {
            throw ProgramError.of(InstructionError.Kind.InvalidArgument);
        }
    }
}
