package io.lanes.sdk;

import io.lanes.sdk.program.ProgramDerivedAddress;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PubkeyTest {
    /** From the vectors: recipient (seed 02), its associated token account, the mint, and the programs. */
    private static final Pubkey RECIPIENT = Pubkey.fromBase58("9hSR6S7WPtxmTojgo6GG3k4yDPecgJY292j7xrsUGWBu");
    private static final Pubkey RECIPIENT_TOKEN_ACCOUNT =
        Pubkey.fromBase58("6JkD4Lst8RLSc7g1aqUjzihLdNm9q8G5jcMYoT2Qd79y");
    private static final Pubkey MINT = Pubkey.fromBase58("8SFqwqnq4whPhs8icwHA2hQg3hUoN1qrCLK1SBx3WKwe");
    private static final Pubkey TOKEN_PROGRAM = Pubkey.fromBase58("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");
    private static final Pubkey ASSOCIATED_TOKEN_PROGRAM =
        Pubkey.fromBase58("ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL");

    @Test
    void realKeysAreOnTheCurve() {
        assertTrue(RECIPIENT.isOnCurve());
        assertTrue(Keypair.fromSeed(filled(2)).publicKey().isOnCurve());
        assertEquals(RECIPIENT, Keypair.fromSeed(filled(2)).publicKey());
    }

    @Test
    void programDerivedAddressesAreOffTheCurve() {
        // web3.js derived this associated token account address; a PDA is off the curve by construction.
        assertFalse(RECIPIENT_TOKEN_ACCOUNT.isOnCurve());
        final byte[][] seeds = {RECIPIENT.toBytes(), TOKEN_PROGRAM.toBytes(), MINT.toBytes()};
        final ProgramDerivedAddress derived = ProgramDerivedAddress.find(seeds, ASSOCIATED_TOKEN_PROGRAM);
        assertEquals(RECIPIENT_TOKEN_ACCOUNT, derived.address());
        assertFalse(derived.address().isOnCurve());
    }

    /** About half of all 32-byte strings decode to a curve point; a PDA search skips those. */
    @Test
    void aBareHashIsOnTheCurveAboutHalfTheTime() {
        int onCurve = 0;
        for (int i = 0; i < 200; i++) {
            final Hash hash = Hash.sha256(("pda-like " + i).getBytes(StandardCharsets.US_ASCII));
            onCurve += Pubkey.isOnCurve(hash.toBytes(), 0) ? 1 : 0;
        }
        assertTrue(onCurve > 60 && onCurve < 140, "on-curve count " + onCurve + " of 200");
    }

    static byte[] filled(final int value) {
        final byte[] seed = new byte[32];
        java.util.Arrays.fill(seed, (byte) value);
        return seed;
    }
}
