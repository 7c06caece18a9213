package io.lanes.runtime.programs;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.programs.token.AuthorityType;
import io.lanes.programs.token.MintLayout;
import io.lanes.programs.token.MultisigLayout;
import io.lanes.programs.token.TokenAccountLayout;
import io.lanes.programs.token.TokenError;
import io.lanes.programs.token.TokenInstruction;
import io.lanes.programs.token.TokenProgram;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.program.InstructionError.Kind;
import io.lanes.sdk.program.Rent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.lanes.runtime.programs.TokenBank.ACCOUNT_RENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Delegates, multisig authorities, SetAuthority, freezing and closing. */
class TokenAuthorityTest {
    private final TokenBank tokens = new TokenBank();
    private final Keypair mintAuthority = Keypair.generate();
    private final Keypair freezeAuthority = Keypair.generate();
    private final Keypair alice = Keypair.generate();
    private final Keypair bob = Keypair.generate();
    private final Keypair delegate = Keypair.generate();
    private final Pubkey mint = tokens.createMint(mintAuthority.publicKey(), freezeAuthority.publicKey(), 2);
    private final Pubkey aliceAccount = tokens.createAccount(mint, alice.publicKey());
    private final Pubkey bobAccount = tokens.createAccount(mint, bob.publicKey());

    @AfterEach
    void close() {
        tokens.close();
    }

    @Test
    void aDelegateSpendsItsAllowanceAndIsDroppedAtZero() {
        tokens.mintTo(mint, aliceAccount, mintAuthority, 1_000);
        tokens.succeed(List.of(alice), TokenInstruction.approve(aliceAccount, delegate.publicKey(), alice.publicKey(), 100));
        assertEquals(delegate.publicKey(), TokenAccountLayout.delegate(tokens.data(aliceAccount)));
        assertEquals(100, TokenAccountLayout.delegatedAmount(tokens.data(aliceAccount)));

        tokens.succeed(List.of(delegate), TokenInstruction.transfer(aliceAccount, bobAccount, delegate.publicKey(), 60));
        tokens.fail(TokenError.InsufficientFunds, List.of(delegate),
            TokenInstruction.transfer(aliceAccount, bobAccount, delegate.publicKey(), 41));
        tokens.succeed(List.of(delegate), TokenInstruction.burn(aliceAccount, mint, delegate.publicKey(), 40));
        assertFalse(TokenAccountLayout.hasDelegate(tokens.data(aliceAccount)));
        assertEquals(0, TokenAccountLayout.delegatedAmount(tokens.data(aliceAccount)));
        assertEquals(900, tokens.amount(aliceAccount));
        assertEquals(60, tokens.amount(bobAccount));
        assertEquals(960, tokens.supply(mint));
        tokens.fail(TokenError.OwnerMismatch, List.of(delegate),
            TokenInstruction.transfer(aliceAccount, bobAccount, delegate.publicKey(), 1));
    }

    @Test
    void revokeAndApproveCheckedNeedTheOwner() {
        tokens.mintTo(mint, aliceAccount, mintAuthority, 10);
        tokens.fail(TokenError.MintDecimalsMismatch, List.of(alice),
            TokenInstruction.approveChecked(aliceAccount, mint, delegate.publicKey(), alice.publicKey(), 5, 3));
        tokens.fail(TokenError.OwnerMismatch, List.of(bob),
            TokenInstruction.approveChecked(aliceAccount, mint, delegate.publicKey(), bob.publicKey(), 5, 2));
        tokens.succeed(List.of(alice), TokenInstruction.approveChecked(aliceAccount, mint, delegate.publicKey(), alice.publicKey(), 5, 2));
        tokens.fail(TokenError.OwnerMismatch, List.of(delegate), TokenInstruction.revoke(aliceAccount, delegate.publicKey()));
        tokens.succeed(List.of(alice), TokenInstruction.revoke(aliceAccount, alice.publicKey()));
        assertNull(TokenAccountLayout.delegate(tokens.data(aliceAccount)));
        tokens.fail(TokenError.OwnerMismatch, List.of(delegate),
            TokenInstruction.transfer(aliceAccount, bobAccount, delegate.publicKey(), 1));
    }

    @Test
    void aTwoOfThreeMultisigOwnerNeedsTwoMemberSignatures() {
        final Keypair[] members = {Keypair.generate(), Keypair.generate(), Keypair.generate()};
        final Pubkey multisig = createMultisig(2, members);
        final Pubkey shared = tokens.createAccount(mint, multisig);
        tokens.mintTo(mint, shared, mintAuthority, 100);
        final Pubkey first = members[0].publicKey();
        final Pubkey third = members[2].publicKey();

        tokens.succeed(List.of(members[0], members[2]), TokenInstruction.transfer(shared, bobAccount, multisig, 30, first, third));
        assertEquals(70, tokens.amount(shared));
        tokens.fail(Kind.MissingRequiredSignature, List.of(members[1]),
            TokenInstruction.transfer(shared, bobAccount, multisig, 1, members[1].publicKey()));
        tokens.fail(Kind.MissingRequiredSignature, List.of(members[0], members[0]),
            TokenInstruction.transfer(shared, bobAccount, multisig, 1, first, first));
        tokens.fail(Kind.MissingRequiredSignature, List.of(members[0]), withUnsignedMember(
            TokenInstruction.transfer(shared, bobAccount, multisig, 1, first, third), third));
        tokens.fail(Kind.MissingRequiredSignature, List.of(alice, bob),
            TokenInstruction.transfer(shared, bobAccount, multisig, 1, alice.publicKey(), bob.publicKey()));
    }

    @Test
    void aMultisigMintAuthorityMints() {
        final Keypair[] members = {Keypair.generate(), Keypair.generate(), Keypair.generate()};
        final Pubkey multisig = createMultisig(2, members);
        tokens.succeed(List.of(mintAuthority), TokenInstruction.setAuthority(
            mint, mintAuthority.publicKey(), AuthorityType.MintTokens, multisig));
        tokens.succeed(List.of(members[1], members[2]),
            TokenInstruction.mintTo(mint, aliceAccount, multisig, 77, members[1].publicKey(), members[2].publicKey()));
        assertEquals(77, tokens.amount(aliceAccount));
        tokens.fail(TokenError.OwnerMismatch, List.of(mintAuthority),
            TokenInstruction.mintTo(mint, aliceAccount, mintAuthority.publicKey(), 1));
    }

    @Test
    void initializeMultisigChecksSignerCounts() {
        final Keypair multisig = Keypair.generate();
        final Instruction create = SystemInstruction.createAccount(tokens.payer.publicKey(), multisig.publicKey(),
            Rent.minimumBalance(MultisigLayout.LENGTH), MultisigLayout.LENGTH, TokenProgram.ID);
        tokens.fail(TokenError.InvalidNumberOfRequiredSigners.error(), 1, List.of(multisig), create,
            TokenInstruction.initializeMultisig2(multisig.publicKey(), 0, alice.publicKey()));
        tokens.fail(TokenError.InvalidNumberOfProvidedSigners.error(), 1, List.of(multisig), create,
            TokenInstruction.initializeMultisig2(multisig.publicKey(), 1));
        final Pubkey[] twelve = new Pubkey[12];
        for (int i = 0; i < twelve.length; i++) {
            twelve[i] = Keypair.generate().publicKey();
        }
        tokens.fail(TokenError.InvalidNumberOfProvidedSigners.error(), 1, List.of(multisig), create,
            TokenInstruction.initializeMultisig(multisig.publicKey(), 1, twelve));
        tokens.succeed(List.of(multisig), create, TokenInstruction.initializeMultisig(multisig.publicKey(), 1, alice.publicKey()));
        assertTrue(MultisigLayout.isValid(tokens.data(multisig.publicKey()), MultisigLayout.LENGTH));
        tokens.fail(TokenError.AlreadyInUse, List.of(), TokenInstruction.initializeMultisig2(multisig.publicKey(), 1, bob.publicKey()));
    }

    @Test
    void setAuthorityChangesAndRemovesMintAuthorities() {
        final Keypair newAuthority = Keypair.generate();
        tokens.fail(TokenError.OwnerMismatch, List.of(alice),
            TokenInstruction.setAuthority(mint, alice.publicKey(), AuthorityType.MintTokens, alice.publicKey()));
        tokens.succeed(List.of(mintAuthority),
            TokenInstruction.setAuthority(mint, mintAuthority.publicKey(), AuthorityType.MintTokens, newAuthority.publicKey()));
        tokens.fail(TokenError.OwnerMismatch, List.of(mintAuthority),
            TokenInstruction.mintTo(mint, aliceAccount, mintAuthority.publicKey(), 1));
        tokens.mintTo(mint, aliceAccount, newAuthority, 5);
        tokens.succeed(List.of(newAuthority),
            TokenInstruction.setAuthority(mint, newAuthority.publicKey(), AuthorityType.MintTokens, null));
        assertNull(MintLayout.mintAuthority(tokens.data(mint)));
        tokens.fail(TokenError.FixedSupply, List.of(newAuthority), TokenInstruction.mintTo(mint, aliceAccount, newAuthority.publicKey(), 1));
        tokens.fail(TokenError.FixedSupply, List.of(newAuthority),
            TokenInstruction.setAuthority(mint, newAuthority.publicKey(), AuthorityType.MintTokens, newAuthority.publicKey()));
        tokens.fail(TokenError.AuthorityTypeNotSupported, List.of(alice),
            TokenInstruction.setAuthority(mint, alice.publicKey(), AuthorityType.AccountOwner, bob.publicKey()));
    }

    @Test
    void setAuthorityChangesAnAccountsOwnerAndCloseAuthority() {
        tokens.succeed(List.of(alice), TokenInstruction.approve(aliceAccount, delegate.publicKey(), alice.publicKey(), 5));
        tokens.fail(TokenError.InvalidInstruction, List.of(alice),
            TokenInstruction.setAuthority(aliceAccount, alice.publicKey(), AuthorityType.AccountOwner, null));
        tokens.fail(TokenError.AuthorityTypeNotSupported, List.of(alice),
            TokenInstruction.setAuthority(aliceAccount, alice.publicKey(), AuthorityType.FreezeAccount, bob.publicKey()));
        tokens.succeed(List.of(alice), TokenInstruction.setAuthority(aliceAccount, alice.publicKey(), AuthorityType.AccountOwner, bob.publicKey()));
        assertEquals(bob.publicKey(), TokenAccountLayout.owner(tokens.data(aliceAccount)));
        assertFalse(TokenAccountLayout.hasDelegate(tokens.data(aliceAccount)), "a new owner drops the delegate");

        tokens.succeed(List.of(bob), TokenInstruction.setAuthority(aliceAccount, bob.publicKey(), AuthorityType.CloseAccount, delegate.publicKey()));
        tokens.fail(TokenError.OwnerMismatch, List.of(bob), TokenInstruction.closeAccount(aliceAccount, bob.publicKey(), bob.publicKey()));
        tokens.succeed(List.of(delegate), TokenInstruction.closeAccount(aliceAccount, delegate.publicKey(), delegate.publicKey()));
        assertEquals(ACCOUNT_RENT, tokens.lamports(delegate.publicKey()));
    }

    @Test
    void freezeStopsEveryMoveUntilThaw() {
        tokens.mintTo(mint, aliceAccount, mintAuthority, 50);
        tokens.fail(TokenError.OwnerMismatch, List.of(alice), TokenInstruction.freezeAccount(aliceAccount, mint, alice.publicKey()));
        tokens.fail(TokenError.InvalidState, List.of(freezeAuthority),
            TokenInstruction.thawAccount(aliceAccount, mint, freezeAuthority.publicKey()));
        tokens.succeed(List.of(freezeAuthority), TokenInstruction.freezeAccount(aliceAccount, mint, freezeAuthority.publicKey()));
        assertTrue(TokenAccountLayout.isFrozen(tokens.data(aliceAccount)));

        tokens.fail(TokenError.AccountFrozen, List.of(alice), TokenInstruction.transfer(aliceAccount, bobAccount, alice.publicKey(), 1));
        tokens.fail(TokenError.AccountFrozen, List.of(bob), TokenInstruction.transfer(bobAccount, aliceAccount, bob.publicKey(), 0));
        tokens.fail(TokenError.AccountFrozen, List.of(mintAuthority), TokenInstruction.mintTo(mint, aliceAccount, mintAuthority.publicKey(), 1));
        tokens.fail(TokenError.AccountFrozen, List.of(alice), TokenInstruction.burn(aliceAccount, mint, alice.publicKey(), 1));
        tokens.fail(TokenError.AccountFrozen, List.of(alice), TokenInstruction.approve(aliceAccount, bob.publicKey(), alice.publicKey(), 1));
        tokens.fail(TokenError.InvalidState, List.of(freezeAuthority),
            TokenInstruction.freezeAccount(aliceAccount, mint, freezeAuthority.publicKey()));

        tokens.succeed(List.of(freezeAuthority), TokenInstruction.thawAccount(aliceAccount, mint, freezeAuthority.publicKey()));
        tokens.succeed(List.of(alice), TokenInstruction.transfer(aliceAccount, bobAccount, alice.publicKey(), 20));
        assertEquals(30, tokens.amount(aliceAccount));
    }

    @Test
    void aMintWithoutFreezeAuthorityCannotFreeze() {
        final Pubkey unfreezable = tokens.createMint(mintAuthority.publicKey(), null, 0);
        final Pubkey account = tokens.createAccount(unfreezable, alice.publicKey());
        tokens.fail(TokenError.MintCannotFreeze, List.of(freezeAuthority),
            TokenInstruction.freezeAccount(account, unfreezable, freezeAuthority.publicKey()));
        tokens.fail(TokenError.MintCannotFreeze, List.of(freezeAuthority),
            TokenInstruction.setAuthority(unfreezable, freezeAuthority.publicKey(), AuthorityType.FreezeAccount, alice.publicKey()));
    }

    @Test
    void closeMovesTheRentAndDeletesOnlyAnEmptyAccount() {
        tokens.mintTo(mint, aliceAccount, mintAuthority, 1);
        tokens.fail(TokenError.NonNativeHasBalance, List.of(alice),
            TokenInstruction.closeAccount(aliceAccount, alice.publicKey(), alice.publicKey()));
        tokens.fail(Kind.InvalidAccountData, List.of(alice), TokenInstruction.closeAccount(aliceAccount, aliceAccount, alice.publicKey()));
        tokens.succeed(List.of(alice), TokenInstruction.burn(aliceAccount, mint, alice.publicKey(), 1));
        tokens.fail(TokenError.OwnerMismatch, List.of(bob), TokenInstruction.closeAccount(aliceAccount, bob.publicKey(), bob.publicKey()));
        tokens.succeed(List.of(alice), TokenInstruction.closeAccount(aliceAccount, alice.publicKey(), alice.publicKey()));
        assertEquals(ACCOUNT_RENT, tokens.lamports(alice.publicKey()));
        assertEquals(0, tokens.lamports(aliceAccount));
        assertEquals(0, tokens.bank.account(aliceAccount).dataLength());
        assertEquals(Pubkey.SYSTEM_PROGRAM, tokens.bank.account(aliceAccount).owner());
    }

    private Pubkey createMultisig(final int requiredSigners, final Keypair... members) {
        final Keypair multisig = Keypair.generate();
        final Pubkey[] keys = new Pubkey[members.length];
        for (int i = 0; i < members.length; i++) {
            keys[i] = members[i].publicKey();
        }
        tokens.succeed(List.of(multisig),
            SystemInstruction.createAccount(tokens.payer.publicKey(), multisig.publicKey(),
                Rent.minimumBalance(MultisigLayout.LENGTH), MultisigLayout.LENGTH, TokenProgram.ID),
            TokenInstruction.initializeMultisig2(multisig.publicKey(), requiredSigners, keys));
        return multisig.publicKey();
    }

    /** The instruction with the member passed but not as a signer. */
    private static Instruction withUnsignedMember(final Instruction instruction, final Pubkey member) {
        final List<AccountMeta> metas = new ArrayList<>();
        for (final AccountMeta meta : instruction.accounts()) {
            metas.add(meta.key().equals(member) ? AccountMeta.readOnly(member, false) : meta);
        }
        return new Instruction(instruction.programId(), metas, instruction.data());
    }
}
