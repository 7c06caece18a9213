package io.lanes.programs.token;

import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.InvokeContext;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Transfer, TransferChecked, Approve, ApproveChecked and Revoke, with SPL Token's checks in SPL
 * Token's order. Reads and writes the accounts in place and allocates nothing on success.
 */
final class TransferProcessor {
    private TransferProcessor() {
    }

    /** Accounts: source, [mint if checked], destination, authority, then multisig signers. */
    static void transfer(final InvokeContext context, final DirectBuffer instruction, final boolean checked) {
        final long amount = InstructionData.u64(instruction, InstructionData.BODY);
        final int expectedDecimals = checked ? InstructionData.u8(instruction, InstructionData.CHECKED_DECIMALS) : -1;
        int next = 0;
        final AccountView sourceView = context.account(next++);
        final AccountView mintView = checked ? context.account(next++) : null;
        final AccountView destinationView = context.account(next++);
        final AccountView authority = context.account(next++);
        final MutableDirectBuffer source = TokenState.account(sourceView);
        final MutableDirectBuffer destination = TokenState.account(destinationView);
        if (TokenAccountLayout.isFrozen(source) || TokenAccountLayout.isFrozen(destination)) {
            throw TokenError.AccountFrozen.exception();
        }
        if (TokenState.lessThan(TokenAccountLayout.amount(source), amount)) {
            throw TokenError.InsufficientFunds.exception();
        }
        if (!TokenState.sameKey(source, TokenAccountLayout.MINT_OFFSET, destination, TokenAccountLayout.MINT_OFFSET)) {
            throw TokenError.MintMismatch.exception();
        }
        if (checked) {
            requireMintAndDecimals(mintView, source, expectedDecimals);
        }
        final boolean selfTransfer = sourceView.key().equals(destinationView.key());
        authorizeDebit(context, source, authority, next, amount, !selfTransfer);
        if (selfTransfer || amount == 0) {
            TokenState.requireOwnedByTokenProgram(sourceView);
            TokenState.requireOwnedByTokenProgram(destinationView);
        }
        if (selfTransfer) {
            return;
        }
        moveTokens(sourceView, source, destinationView, destination, amount);
    }

    private static void moveTokens(
        final AccountView sourceView, final MutableDirectBuffer source,
        final AccountView destinationView, final MutableDirectBuffer destination, final long amount) {
        final long sourceAmount = TokenState.checkedSub(TokenAccountLayout.amount(source), amount);
        final long destinationAmount = TokenState.checkedAdd(TokenAccountLayout.amount(destination), amount);
        if (TokenAccountLayout.isNative(source)) {
            final long sourceLamports = TokenState.checkedSub(sourceView.lamports(), amount);
            final long destinationLamports = TokenState.checkedAdd(destinationView.lamports(), amount);
            sourceView.setLamports(sourceLamports);
            destinationView.setLamports(destinationLamports);
        }
        TokenAccountLayout.setAmount(source, sourceAmount);
        TokenAccountLayout.setAmount(destination, destinationAmount);
    }

    /**
     * The authority over a debit of {@code source}: its delegate (whose allowance must cover the
     * amount and, when {@code consumeAllowance}, shrinks by it, dropping the delegate at zero) or
     * else its owner. Shared by Transfer and Burn.
     */
    static void authorizeDebit(
        final InvokeContext context, final MutableDirectBuffer source, final AccountView authority,
        final int firstSigner, final long amount, final boolean consumeAllowance) {
        if (TokenAccountLayout.hasDelegate(source)
            && authority.key().equalsBytesAt(source, TokenAccountLayout.DELEGATE_OFFSET)) {
            Authority.validate(context, source, TokenAccountLayout.DELEGATE_OFFSET, authority, firstSigner);
            final long allowance = TokenAccountLayout.delegatedAmount(source);
            if (TokenState.lessThan(allowance, amount)) {
                throw TokenError.InsufficientFunds.exception();
            }
            if (consumeAllowance) {
                final long remaining = allowance - amount;
                TokenAccountLayout.setDelegatedAmount(source, remaining);
                if (remaining == 0) {
                    TokenAccountLayout.setDelegate(source, null);
                }
            }
        } else {
            Authority.validate(context, source, TokenAccountLayout.OWNER_OFFSET, authority, firstSigner);
        }
    }

    /** The *Checked variants: the mint account must be the account's mint and carry the expected decimals. */
    static void requireMintAndDecimals(final AccountView mintView, final DirectBuffer account, final int expectedDecimals) {
        if (!mintView.key().equalsBytesAt(account, TokenAccountLayout.MINT_OFFSET)) {
            throw TokenError.MintMismatch.exception();
        }
        final MutableDirectBuffer mint = TokenState.mint(mintView);
        if (MintLayout.decimals(mint) != expectedDecimals) {
            throw TokenError.MintDecimalsMismatch.exception();
        }
    }

    /** Accounts: source, [mint if checked], delegate, owner, then multisig signers. */
    static void approve(final InvokeContext context, final DirectBuffer instruction, final boolean checked) {
        final long amount = InstructionData.u64(instruction, InstructionData.BODY);
        final int expectedDecimals = checked ? InstructionData.u8(instruction, InstructionData.CHECKED_DECIMALS) : -1;
        int next = 0;
        final AccountView sourceView = context.account(next++);
        final AccountView mintView = checked ? context.account(next++) : null;
        final AccountView delegateView = context.account(next++);
        final AccountView owner = context.account(next++);
        final MutableDirectBuffer source = TokenState.account(sourceView);
        if (TokenAccountLayout.isFrozen(source)) {
            throw TokenError.AccountFrozen.exception();
        }
        if (checked) {
            requireMintAndDecimals(mintView, source, expectedDecimals);
        }
        Authority.validate(context, source, TokenAccountLayout.OWNER_OFFSET, owner, next);
        TokenAccountLayout.setDelegate(source, delegateView.key());
        TokenAccountLayout.setDelegatedAmount(source, amount);
    }

    /** Accounts: source, owner, then multisig signers. */
    static void revoke(final InvokeContext context) {
        final AccountView sourceView = context.account(0);
        final MutableDirectBuffer source = TokenState.account(sourceView);
        final AccountView owner = context.account(1);
        if (TokenAccountLayout.isFrozen(source)) {
            throw TokenError.AccountFrozen.exception();
        }
        Authority.validate(context, source, TokenAccountLayout.OWNER_OFFSET, owner, 2);
        TokenAccountLayout.setDelegate(source, null);
        TokenAccountLayout.setDelegatedAmount(source, 0);
    }
}
