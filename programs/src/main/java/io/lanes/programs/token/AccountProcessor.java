package io.lanes.programs.token;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.ProgramError;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The instructions that manage accounts and authorities rather than move tokens: CloseAccount,
 * FreezeAccount, ThawAccount, SetAuthority and SyncNative, with SPL Token's checks and order.
 */
final class AccountProcessor {
    private AccountProcessor() {
    }

    /**
     * Accounts: account, destination, authority (close authority, else owner), then multisig
     * signers. Moves all lamports to the destination and deletes the account (owner System, no
     * data), as SPL Token does on chain.
     */
    static void closeAccount(final InvokeContext context) {
        final AccountView sourceView = context.account(0);
        final AccountView destinationView = context.account(1);
        final AccountView authority = context.account(2);
        if (sourceView.key().equals(destinationView.key())) {
            throw ProgramError.of(InstructionError.Kind.InvalidAccountData);
        }
        final MutableDirectBuffer source = TokenState.account(sourceView);
        if (!TokenAccountLayout.isNative(source) && TokenAccountLayout.amount(source) != 0) {
            throw TokenError.NonNativeHasBalance.exception();
        }
        final int authorityOffset = TokenAccountLayout.hasCloseAuthority(source)
            ? TokenAccountLayout.CLOSE_AUTHORITY_OFFSET : TokenAccountLayout.OWNER_OFFSET;
        if (!TokenState.ownedBySystemOrIncinerator(source)) {
            Authority.validate(context, source, authorityOffset, authority, 3);
        } else if (!TokenProgram.INCINERATOR.equals(destinationView.key())) {
            throw ProgramError.of(InstructionError.Kind.InvalidAccountData);
        }
        final long destinationLamports = TokenState.checkedAdd(destinationView.lamports(), sourceView.lamports());
        destinationView.setLamports(destinationLamports);
        sourceView.setLamports(0);
        sourceView.setOwner(Pubkey.SYSTEM_PROGRAM);
        sourceView.resize(0);
    }

    /** Accounts: account, mint, freeze authority, then multisig signers. */
    static void toggleFreeze(final InvokeContext context, final boolean freeze) {
        final AccountView sourceView = context.account(0);
        final AccountView mintView = context.account(1);
        final AccountView authority = context.account(2);
        final MutableDirectBuffer source = TokenState.account(sourceView);
        if (freeze == TokenAccountLayout.isFrozen(source)) {
            throw TokenError.InvalidState.exception();
        }
        if (TokenAccountLayout.isNative(source)) {
            throw TokenError.NativeNotSupported.exception();
        }
        if (!mintView.key().equalsBytesAt(source, TokenAccountLayout.MINT_OFFSET)) {
            throw TokenError.MintMismatch.exception();
        }
        final MutableDirectBuffer mint = TokenState.mint(mintView);
        if (!MintLayout.hasFreezeAuthority(mint)) {
            throw TokenError.MintCannotFreeze.exception();
        }
        Authority.validate(context, mint, MintLayout.FREEZE_AUTHORITY_OFFSET, authority, 3);
        TokenAccountLayout.setState(source, freeze ? TokenAccountLayout.STATE_FROZEN : TokenAccountLayout.STATE_INITIALIZED);
    }

    /**
     * Data: authority type u8, new authority as a 1-byte-tag option. Accounts: the mint or token
     * account (told apart by data length), current authority, then multisig signers.
     */
    static void setAuthority(final InvokeContext context, final DirectBuffer instruction) {
        final AuthorityType type = AuthorityType.fromWire(InstructionData.u8(instruction, InstructionData.BODY));
        if (type == null) {
            throw TokenError.InvalidInstruction.exception();
        }
        final Pubkey newAuthority = InstructionData.pubkeyOrNull(
            instruction, InstructionData.optionalPubkeyAt(instruction, InstructionData.BODY + 1));
        final AccountView target = context.account(0);
        final AccountView authority = context.account(1);
        if (target.dataLength() == TokenAccountLayout.LENGTH) {
            setAccountAuthority(context, TokenState.account(target), type, newAuthority, authority);
        } else if (target.dataLength() == MintLayout.LENGTH) {
            setMintAuthority(context, TokenState.mint(target), type, newAuthority, authority);
        } else {
            throw ProgramError.of(InstructionError.Kind.InvalidArgument);
        }
    }

    private static void setAccountAuthority(
        final InvokeContext context, final MutableDirectBuffer account, final AuthorityType type,
        final Pubkey newAuthority, final AccountView authority) {
        if (TokenAccountLayout.isFrozen(account)) {
            throw TokenError.AccountFrozen.exception();
        }
        if (type == AuthorityType.AccountOwner) {
            Authority.validate(context, account, TokenAccountLayout.OWNER_OFFSET, authority, 2);
            if (newAuthority == null) {
                throw TokenError.InvalidInstruction.exception();
            }
            TokenAccountLayout.setOwner(account, newAuthority);
            TokenAccountLayout.setDelegate(account, null);
            TokenAccountLayout.setDelegatedAmount(account, 0);
            if (TokenAccountLayout.isNative(account)) {
                TokenAccountLayout.setCloseAuthority(account, null);
            }
        } else if (type == AuthorityType.CloseAccount) {
            final int current = TokenAccountLayout.hasCloseAuthority(account)
                ? TokenAccountLayout.CLOSE_AUTHORITY_OFFSET : TokenAccountLayout.OWNER_OFFSET;
            Authority.validate(context, account, current, authority, 2);
            TokenAccountLayout.setCloseAuthority(account, newAuthority);
        } else {
            throw TokenError.AuthorityTypeNotSupported.exception();
        }
    }

    private static void setMintAuthority(
        final InvokeContext context, final MutableDirectBuffer mint, final AuthorityType type,
        final Pubkey newAuthority, final AccountView authority) {
        if (type == AuthorityType.MintTokens) {
            if (!MintLayout.hasMintAuthority(mint)) {
                throw TokenError.FixedSupply.exception();
            }
            Authority.validate(context, mint, MintLayout.MINT_AUTHORITY_OFFSET, authority, 2);
            MintLayout.setMintAuthority(mint, newAuthority);
        } else if (type == AuthorityType.FreezeAccount) {
            if (!MintLayout.hasFreezeAuthority(mint)) {
                throw TokenError.MintCannotFreeze.exception();
            }
            Authority.validate(context, mint, MintLayout.FREEZE_AUTHORITY_OFFSET, authority, 2);
            MintLayout.setFreezeAuthority(mint, newAuthority);
        } else {
            throw TokenError.AuthorityTypeNotSupported.exception();
        }
    }

    /** Accounts: a wrapped SOL account; sets its amount to its lamports above the rent reserve. */
    static void syncNative(final InvokeContext context) {
        final AccountView view = context.account(0);
        TokenState.requireOwnedByTokenProgram(view);
        final MutableDirectBuffer account = TokenState.account(view);
        if (!TokenAccountLayout.isNative(account)) {
            throw TokenError.NonNativeNotSupported.exception();
        }
        final long amount = TokenState.checkedSub(view.lamports(), TokenAccountLayout.nativeRentExemptReserve(account));
        if (TokenState.lessThan(amount, TokenAccountLayout.amount(account))) {
            throw TokenError.InvalidState.exception();
        }
        TokenAccountLayout.setAmount(account, amount);
    }
}
