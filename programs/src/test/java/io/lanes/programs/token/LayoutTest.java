package io.lanes.programs.token;

import io.lanes.sdk.Pubkey;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packed states byte for byte as SPL Token's own pack/unpack test expects them. */
class LayoutTest {
    private static Pubkey filled(final int value) {
        final byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return Pubkey.wrap(bytes);
    }

    private static byte[] concat(final int[]... parts) {
        int length = 0;
        for (final int[] part : parts) {
            length += part.length;
        }
        final byte[] out = new byte[length];
        int position = 0;
        for (final int[] part : parts) {
            for (final int value : part) {
                out[position++] = (byte) value;
            }
        }
        return out;
    }

    private static int[] repeat(final int value, final int count) {
        final int[] out = new int[count];
        Arrays.fill(out, value);
        return out;
    }

    @Test
    void mintPacksAsSplToken() {
        final byte[] expected = concat(new int[] {1, 0, 0, 0}, repeat(1, 32), new int[] {42, 0, 0, 0, 0, 0, 0, 0, 7, 1, 1, 0, 0, 0},
            repeat(2, 32));
        final byte[] packed = MintLayout.encode(filled(1), 42, 7, true, filled(2));
        assertArrayEquals(expected, packed);
        final UnsafeBuffer data = new UnsafeBuffer(packed);
        assertTrue(MintLayout.isValid(data, MintLayout.LENGTH));
        assertEquals(filled(1), MintLayout.mintAuthority(data));
        assertEquals(42, MintLayout.supply(data));
        assertEquals(7, MintLayout.decimals(data));
        assertEquals(filled(2), MintLayout.freezeAuthority(data));
    }

    @Test
    void accountPacksAsSplToken() {
        final byte[] expected = concat(repeat(1, 32), repeat(2, 32), new int[] {3, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0}, repeat(4, 32),
            new int[] {2, 1, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0}, repeat(7, 32));
        final byte[] packed = TokenAccountLayout.encode(filled(1), filled(2), 3, TokenAccountLayout.STATE_FROZEN);
        final UnsafeBuffer data = new UnsafeBuffer(packed);
        TokenAccountLayout.setDelegate(data, filled(4));
        TokenAccountLayout.setNative(data, true, 5);
        TokenAccountLayout.setDelegatedAmount(data, 6);
        TokenAccountLayout.setCloseAuthority(data, filled(7));
        assertArrayEquals(expected, packed);
        assertTrue(TokenAccountLayout.isValid(data, TokenAccountLayout.LENGTH));
        assertEquals(filled(1), TokenAccountLayout.mint(data));
        assertEquals(filled(2), TokenAccountLayout.owner(data));
        assertEquals(3, TokenAccountLayout.amount(data));
        assertEquals(filled(4), TokenAccountLayout.delegate(data));
        assertTrue(TokenAccountLayout.isFrozen(data));
        assertEquals(5, TokenAccountLayout.nativeRentExemptReserve(data));
        assertEquals(6, TokenAccountLayout.delegatedAmount(data));
        assertEquals(filled(7), TokenAccountLayout.closeAuthority(data));
    }

    @Test
    void multisigReadsAsSplToken() {
        final byte[] packed = concat(new int[] {1, 2, 1}, repeat(3, 32 * 11));
        final UnsafeBuffer data = new UnsafeBuffer(packed);
        assertEquals(MultisigLayout.LENGTH, packed.length);
        assertTrue(MultisigLayout.isValid(data, MultisigLayout.LENGTH));
        assertEquals(1, MultisigLayout.requiredSigners(data));
        assertEquals(2, MultisigLayout.signerCount(data));
        assertEquals(filled(3), MultisigLayout.signer(data, 10));
    }

    @Test
    void clearingAnOptionWritesOnlyTheTagAsSplTokenDoes() {
        final byte[] packed = MintLayout.encode(filled(9), 0, 0, true, null);
        MintLayout.setMintAuthority(new UnsafeBuffer(packed), null);
        assertNull(MintLayout.mintAuthority(new UnsafeBuffer(packed)));
        assertEquals(9, packed[MintLayout.MINT_AUTHORITY_OFFSET], "the old key bytes stay");
    }

    @Test
    void malformedAndUninitializedStatesAreNotValid() {
        final byte[] account = TokenAccountLayout.encode(filled(1), filled(2), 0, TokenAccountLayout.STATE_INITIALIZED);
        final UnsafeBuffer data = new UnsafeBuffer(account);
        assertEquals(LayoutChecks.VALID, TokenAccountLayout.check(data, TokenAccountLayout.LENGTH));
        assertEquals(LayoutChecks.MALFORMED, TokenAccountLayout.check(data, TokenAccountLayout.LENGTH - 1));
        account[TokenAccountLayout.STATE_OFFSET] = 3;
        assertEquals(LayoutChecks.MALFORMED, TokenAccountLayout.check(data, TokenAccountLayout.LENGTH));
        account[TokenAccountLayout.STATE_OFFSET] = 0;
        assertEquals(LayoutChecks.UNINITIALIZED, TokenAccountLayout.check(data, TokenAccountLayout.LENGTH));
        account[TokenAccountLayout.STATE_OFFSET] = 1;
        account[TokenAccountLayout.DELEGATE_OPTION_OFFSET + 1] = 1;
        assertFalse(TokenAccountLayout.isValid(data, TokenAccountLayout.LENGTH), "COption tag 0x100 is malformed");

        final byte[] mint = MintLayout.encode(filled(1), 0, 0, true, null);
        mint[MintLayout.IS_INITIALIZED_OFFSET] = 2;
        assertEquals(LayoutChecks.MALFORMED, MintLayout.check(new UnsafeBuffer(mint), MintLayout.LENGTH));
    }

    @Test
    void nativeMintIsAnInitializedMintWithNineDecimalsAndNoAuthorities() {
        final byte[] expected = new byte[MintLayout.LENGTH];
        expected[MintLayout.DECIMALS_OFFSET] = 9;
        expected[MintLayout.IS_INITIALIZED_OFFSET] = 1;
        assertArrayEquals(expected, NativeMint.accountData());
        assertEquals(1_461_600, NativeMint.LAMPORTS);
    }

    @Test
    void optionalKeysUseTheJavaScriptClientsFixedSize() {
        assertEquals(67, TokenInstruction.initializeMint2(filled(1), 6, filled(2), null).dataLength());
        assertEquals(35, TokenInstruction.setAuthority(filled(1), filled(2), AuthorityType.CloseAccount, null).dataLength());
        assertEquals(10, TokenInstruction.transferChecked(filled(1), filled(2), filled(3), filled(4), 5, 6).dataLength());
    }
}
