package io.lanes.programs.token;

import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.InvokeContext;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * MintTo, MintToChecked, Burn and BurnChecked: the only instructions that change a mint's supply,
 * always together with one account's amount. In place, allocation-free on success.
 */
final class SupplyProcessor {
    private SupplyProcessor() {
    }

    /** Accounts: mint, destination, mint authority, then multisig signers. */
    static void mintTo(final InvokeContext context, final DirectBuffer instruction, final boolean checked) {
        final long amount = InstructionData.u64(instruction, InstructionData.BODY);
        final int expectedDecimals = checked ? InstructionData.u8(instruction, InstructionData.CHECKED_DECIMALS) : -1;
        final AccountView mintView = context.account(0);
        final AccountView destinationView = context.account(1);
        final AccountView authority = context.account(2);
        final MutableDirectBuffer destination = TokenState.account(destinationView);
        if (TokenAccountLayout.isFrozen(destination)) {
            throw TokenError.AccountFrozen.exception();
        }
        if (TokenAccountLayout.isNative(destination)) {
            throw TokenError.NativeNotSupported.exception();
        }
        if (!mintView.key().equalsBytesAt(destination, TokenAccountLayout.MINT_OFFSET)) {
            throw TokenError.MintMismatch.exception();
        }
        final MutableDirectBuffer mint = TokenState.mint(mintView);
        if (checked && MintLayout.decimals(mint) != expectedDecimals) {
            throw TokenError.MintDecimalsMismatch.exception();
        }
        if (!MintLayout.hasMintAuthority(mint)) {
            throw TokenError.FixedSupply.exception();
        }
        Authority.validate(context, mint, MintLayout.MINT_AUTHORITY_OFFSET, authority, 3);
        if (amount == 0) {
            TokenState.requireOwnedByTokenProgram(mintView);
            TokenState.requireOwnedByTokenProgram(destinationView);
        }
        final long destinationAmount = TokenState.checkedAdd(TokenAccountLayout.amount(destination), amount);
        final long supply = TokenState.checkedAdd(MintLayout.supply(mint), amount);
        TokenAccountLayout.setAmount(destination, destinationAmount);
        MintLayout.setSupply(mint, supply);
    }

    /**
     * Accounts: source, mint, authority (owner or delegate), then multisig signers. An account
     * whose owner field is the System program or the incinerator burns without an authority.
     */
    static void burn(final InvokeContext context, final DirectBuffer instruction, final boolean checked) {
        final long amount = InstructionData.u64(instruction, InstructionData.BODY);
        final int expectedDecimals = checked ? InstructionData.u8(instruction, InstructionData.CHECKED_DECIMALS) : -1;
        final AccountView sourceView = context.account(0);
        final AccountView mintView = context.account(1);
        final AccountView authority = context.account(2);
        final MutableDirectBuffer source = TokenState.account(sourceView);
        final MutableDirectBuffer mint = TokenState.mint(mintView);
        if (TokenAccountLayout.isFrozen(source)) {
            throw TokenError.AccountFrozen.exception();
        }
        if (TokenAccountLayout.isNative(source)) {
            throw TokenError.NativeNotSupported.exception();
        }
        if (TokenState.lessThan(TokenAccountLayout.amount(source), amount)) {
            throw TokenError.InsufficientFunds.exception();
        }
        if (!mintView.key().equalsBytesAt(source, TokenAccountLayout.MINT_OFFSET)) {
            throw TokenError.MintMismatch.exception();
        }
        if (checked && MintLayout.decimals(mint) != expectedDecimals) {
            throw TokenError.MintDecimalsMismatch.exception();
        }
        if (!TokenState.ownedBySystemOrIncinerator(source)) {
            TransferProcessor.authorizeDebit(context, source, authority, 3, amount, true);
        }
        if (amount == 0) {
            TokenState.requireOwnedByTokenProgram(sourceView);
            TokenState.requireOwnedByTokenProgram(mintView);
        }
        final long sourceAmount = TokenState.checkedSub(TokenAccountLayout.amount(source), amount);
        final long supply = TokenState.checkedSub(MintLayout.supply(mint), amount);
        TokenAccountLayout.setAmount(source, sourceAmount);
        MintLayout.setSupply(mint, supply);
    }
}
