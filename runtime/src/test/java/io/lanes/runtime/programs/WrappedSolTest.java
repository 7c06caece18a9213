package io.lanes.runtime.programs;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.programs.token.MintLayout;
import io.lanes.programs.token.NativeMint;
import io.lanes.programs.token.TokenProgram;
import io.lanes.programs.token.TokenAccountLayout;
import io.lanes.programs.token.TokenError;
import io.lanes.programs.token.TokenInstruction;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.lanes.runtime.programs.TokenBank.ACCOUNT_RENT;
import static io.lanes.runtime.programs.TokenBank.SOL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wrapped SOL: token accounts of the native mint whose amount is their lamports above the rent reserve. */
class WrappedSolTest {
    private final TokenBank tokens = new TokenBank();
    private final Keypair alice = Keypair.generate();
    private final Keypair bob = Keypair.generate();
    private final Keypair mintAuthority = Keypair.generate();

    @AfterEach
    void close() {
        tokens.close();
    }

    @Test
    void nativeMintAtGenesisHasSolanasBytes() {
        tokens.addNativeMintAtGenesis();
        final var mint = tokens.data(NativeMint.ID);
        assertEquals(1_461_600, tokens.lamports(NativeMint.ID));
        assertTrue(MintLayout.isValid(mint, MintLayout.LENGTH));
        assertEquals(9, MintLayout.decimals(mint));
        assertEquals(0, MintLayout.supply(mint));
        assertEquals(null, MintLayout.mintAuthority(mint));
        assertEquals(null, MintLayout.freezeAuthority(mint));
    }

    @Test
    void wrappedSolTracksLamportsThroughSyncTransferAndClose() {
        tokens.addNativeMintAtGenesis();
        final Pubkey aliceWrapped = tokens.createAccount(NativeMint.ID, alice.publicKey(), ACCOUNT_RENT + SOL);
        assertEquals(SOL, tokens.amount(aliceWrapped));
        assertTrue(TokenAccountLayout.isNative(tokens.data(aliceWrapped)));
        assertEquals(ACCOUNT_RENT, TokenAccountLayout.nativeRentExemptReserve(tokens.data(aliceWrapped)));

        tokens.succeed(List.of(), SystemInstruction.transfer(tokens.payer.publicKey(), aliceWrapped, SOL / 2),
            TokenInstruction.syncNative(aliceWrapped));
        assertEquals(SOL + SOL / 2, tokens.amount(aliceWrapped));

        final Pubkey bobWrapped = tokens.createAccount(NativeMint.ID, bob.publicKey());
        tokens.succeed(List.of(alice), TokenInstruction.transferChecked(aliceWrapped, NativeMint.ID, bobWrapped, alice.publicKey(), SOL / 5, 9));
        assertEquals(SOL / 5, tokens.amount(bobWrapped));
        assertEquals(ACCOUNT_RENT + SOL / 5, tokens.lamports(bobWrapped));
        assertEquals(ACCOUNT_RENT + SOL + SOL / 2 - SOL / 5, tokens.lamports(aliceWrapped));

        tokens.succeed(List.of(bob), TokenInstruction.closeAccount(bobWrapped, bob.publicKey(), bob.publicKey()));
        assertEquals(ACCOUNT_RENT + SOL / 5, tokens.lamports(bob.publicKey()), "closing a wrapped account with a balance unwraps it");
        assertEquals(0, tokens.lamports(bobWrapped));
    }

    @Test
    void nativeAccountsRefuseMintBurnAndFreezeAndSyncNeedsANativeAccount() {
        tokens.addNativeMintAtGenesis();
        final Pubkey wrapped = tokens.createAccount(NativeMint.ID, alice.publicKey(), ACCOUNT_RENT + 10);
        tokens.fail(TokenError.NativeNotSupported, List.of(mintAuthority),
            TokenInstruction.mintTo(NativeMint.ID, wrapped, mintAuthority.publicKey(), 1));
        tokens.fail(TokenError.NativeNotSupported, List.of(alice), TokenInstruction.burn(wrapped, NativeMint.ID, alice.publicKey(), 1));
        tokens.fail(TokenError.NativeNotSupported, List.of(alice), TokenInstruction.freezeAccount(wrapped, NativeMint.ID, alice.publicKey()));

        final Pubkey mint = tokens.createMint(mintAuthority.publicKey(), null, 0);
        final Pubkey plain = tokens.createAccount(mint, alice.publicKey());
        tokens.fail(TokenError.NonNativeNotSupported, List.of(), TokenInstruction.syncNative(plain));
    }

    @Test
    void genesisHasTheNativeMintSoCheckedWrappedTransfersWork() {
        final var nativeMint = tokens.bank.account(NativeMint.ID);
        assertEquals(NativeMint.LAMPORTS, nativeMint.lamports());
        assertEquals(TokenProgram.ID, nativeMint.owner());
        assertArrayEquals(NativeMint.accountData(), tokens.bank.data(NativeMint.ID));
        final Pubkey from = tokens.createAccount(NativeMint.ID, alice.publicKey(), ACCOUNT_RENT + 100);
        final Pubkey to = tokens.createAccount(NativeMint.ID, bob.publicKey());
        tokens.succeed(List.of(alice), TokenInstruction.transfer(from, to, alice.publicKey(), 40));
        assertEquals(40, tokens.amount(to));
        tokens.succeed(List.of(alice), TokenInstruction.transferChecked(from, NativeMint.ID, to, alice.publicKey(), 1, 9));
        assertEquals(41, tokens.amount(to));
        tokens.fail(TokenError.MintDecimalsMismatch, List.of(alice),
            TokenInstruction.transferChecked(from, NativeMint.ID, to, alice.publicKey(), 1, 6));
    }
}
