package io.lanes.programs.ata;

import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Derivation checked against the address @solana/spl-token computed for the shared vectors. */
class AssociatedTokenAddressTest {
    private static Pubkey vectorKey(final int seedByte) {
        final byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) seedByte);
        return Keypair.fromSeed(seed).publicKey();
    }

    @Test
    void recipientsAtaForTheVectorMintIsTheOneTheVectorNames() {
        final Pubkey recipient = vectorKey(2);
        final Pubkey mint = vectorKey(5);
        assertEquals(Pubkey.fromBase58("9hSR6S7WPtxmTojgo6GG3k4yDPecgJY292j7xrsUGWBu"), recipient);
        assertEquals(Pubkey.fromBase58("8SFqwqnq4whPhs8icwHA2hQg3hUoN1qrCLK1SBx3WKwe"), mint);
        assertEquals(Pubkey.fromBase58("6JkD4Lst8RLSc7g1aqUjzihLdNm9q8G5jcMYoT2Qd79y"), AssociatedTokenAccount.address(recipient, mint));
    }
}
