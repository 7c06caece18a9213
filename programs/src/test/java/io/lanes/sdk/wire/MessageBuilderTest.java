package io.lanes.sdk.wire;

import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.wire.MessageBuilder.KeyOrder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageBuilderTest {
    static final Hash BLOCKHASH = Hash.sha256(new byte[] {1});
    static final Keypair PAYER = seeded(1);
    static final Keypair COSIGNER = seeded(3);
    static final Pubkey PROGRAM = Pubkey.wrap(Hash.sha256(new byte[] {'p'}).toBytes());
    static final Pubkey OTHER_PROGRAM = Pubkey.wrap(Hash.sha256(new byte[] {'q'}).toBytes());

    /** Signs of {@code a.localeCompare(b, 'en', web3.js options)} from Node 22 with ICU 78.2. */
    @Test
    void collationMatchesJavaScriptLocaleCompare() {
        final Object[][] pairs = {
            {"a", "B", -1}, {"a", "A", -1}, {"ab", "Aa", 1}, {"Ab", "aB", 1}, {"abc", "ab", 1}, {"zA", "za", 1},
            {"Zz", "zZ", 1}, {"9", "a", -1}, {"1z", "2a", -1}, {"Z", "a", 1}, {"P3R", "d", 1},
            {"b1K", "BKmqM", -1}, {"jbT", "jHq", -1}, {"d", "D5yqD", -1}, {"Z", "s7h", 1}, {"sBK9d", "X17", -1},
            {"Vq9DR", "mXu", 1}, {"f", "VZPjj", -1}, {"abc", "abc", 0},
        };
        for (final Object[] pair : pairs) {
            final String left = (String) pair[0];
            final String right = (String) pair[1];
            assertEquals(pair[2], Integer.signum(MessageBuilder.compareLikeWeb3(left, right)), left + " vs " + right);
            assertEquals(-(int) pair[2], Integer.signum(MessageBuilder.compareLikeWeb3(right, left)), right + " vs " + left);
        }
    }

    @Test
    void feePayerFirstThenGroupsInFirstAppearanceOrder() {
        final Pubkey readonlyA = key('a');
        final Pubkey writableB = key('b');
        final Pubkey readonlyC = key('c');
        final Message message = MessageBuilder.legacy(PAYER.publicKey(), BLOCKHASH)
            .add(instruction(PROGRAM, AccountMeta.readOnly(readonlyA, false), AccountMeta.writable(writableB, false),
                AccountMeta.readOnly(COSIGNER.publicKey(), true)))
            .add(instruction(OTHER_PROGRAM, AccountMeta.readOnly(readonlyC, false), AccountMeta.writable(PAYER.publicKey(), true)))
            .build();
        assertEquals(List.of(PAYER.publicKey(), COSIGNER.publicKey(), writableB, PROGRAM, readonlyA, OTHER_PROGRAM, readonlyC),
            message.accountKeys());
        assertEquals(new MessageHeader(2, 1, 4), message.header());
        assertEquals(3, message.instruction(0).programIdIndex());
        assertArrayEquals(new byte[] {4, 2, 1}, message.instruction(0).accountIndexes());
        assertArrayEquals(new byte[] {6, 0}, message.instruction(1).accountIndexes());
        assertArrayEquals(message.serialized(), TransactionCodec.encodeMessage(message));
    }

    @Test
    void duplicatesMergeWithOredPrivileges() {
        final Pubkey shared = key('s');
        final Message message = MessageBuilder.legacy(PAYER.publicKey(), BLOCKHASH)
            .add(instruction(PROGRAM, AccountMeta.readOnly(shared, true)))
            .add(instruction(PROGRAM, AccountMeta.writable(shared, false)))
            .build();
        assertEquals(List.of(PAYER.publicKey(), shared, PROGRAM), message.accountKeys());
        assertEquals(new MessageHeader(2, 0, 1), message.header());
        assertTrue(message.isSigner(1) && message.isWritable(1));
    }

    @Test
    void feePayerIsAddedWhenNoInstructionNamesIt() {
        final Message message = MessageBuilder.compileLegacy(PAYER.publicKey(), BLOCKHASH, List.of());
        assertEquals(List.of(PAYER.publicKey()), message.accountKeys());
        assertEquals(new MessageHeader(1, 0, 0), message.header());
        final Message readonlyPayerUse = MessageBuilder.compileLegacy(PAYER.publicKey(), BLOCKHASH,
            List.of(instruction(PROGRAM, AccountMeta.readOnly(PAYER.publicKey(), false))));
        assertTrue(readonlyPayerUse.isWritable(0) && readonlyPayerUse.isSigner(0), "the payer is always a writable signer");
    }

    @Test
    void sortedOrderUsesBase58Collation() {
        final List<Pubkey> keys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            keys.add(key('k' + i));
        }
        final MessageBuilder builder = MessageBuilder.v0(PAYER.publicKey(), BLOCKHASH).keyOrder(KeyOrder.WEB3_TRANSACTION);
        keys.forEach(key -> builder.add(instruction(PROGRAM, AccountMeta.readOnly(key, false))));
        final Message message = builder.build();
        assertEquals(MessageVersion.V0, message.version());
        final List<Pubkey> readonly = message.accountKeys().subList(1, message.accountKeyCount());
        for (int i = 1; i < readonly.size(); i++) {
            assertTrue(MessageBuilder.compareLikeWeb3(readonly.get(i - 1).toBase58(), readonly.get(i).toBase58()) < 0);
        }
        assertEquals(message.serialized().length, TransactionCodec.encodeMessage(message).length);
    }

    @Test
    void signedTransactionsDecodeAndVerify() {
        final Message message = MessageBuilder.legacy(PAYER.publicKey(), BLOCKHASH)
            .add(instruction(PROGRAM, AccountMeta.writable(COSIGNER.publicKey(), true))).build();
        final Transaction signed = TransactionCodec.sign(message, COSIGNER, PAYER);
        final Transaction decoded = TransactionCodec.decode(signed.wire());
        assertTrue(Sanitizer.verifySignatures(decoded));
        assertEquals(SanitizeResult.OK, Sanitizer.sanitize(decoded));
        assertEquals(signed.signatures(), decoded.signatures());
        assertFalse(Sanitizer.verifySignatures(new Transaction(
            new io.lanes.sdk.Signature[] {signed.signature(1), signed.signature(0)}, message, null)));
    }

    @Test
    void tooManyKeysOrTooLargeTransactionsAreRejected() {
        final MessageBuilder builder = MessageBuilder.legacy(PAYER.publicKey(), BLOCKHASH);
        for (int i = 0; i < MessageBuilder.MAX_ACCOUNT_KEYS; i++) {
            builder.add(instruction(PROGRAM, AccountMeta.readOnly(key(1000 + i), false)));
        }
        final IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(tooMany.getMessage().contains("at most 256 account keys"), tooMany.getMessage());

        final Message big = MessageBuilder.compileLegacy(PAYER.publicKey(), BLOCKHASH,
            List.of(new Instruction(PROGRAM, List.of(), new byte[1200])));
        final WireFormatException tooLarge = assertThrows(WireFormatException.class, () -> TransactionCodec.sign(big, PAYER));
        assertTrue(tooLarge.getMessage().startsWith("transaction too large: 1370 bytes"), tooLarge.getMessage());
    }

    static Instruction instruction(final Pubkey program, final AccountMeta... accounts) {
        return new Instruction(program, List.of(accounts), new byte[] {7});
    }

    static Pubkey key(final int seed) {
        return Pubkey.wrap(Hash.sha256(new byte[] {(byte) (seed >> 8), (byte) seed, 'k'}).toBytes());
    }

    static Keypair seeded(final int value) {
        final byte[] seed = new byte[Keypair.SEED_LENGTH];
        java.util.Arrays.fill(seed, (byte) value);
        return Keypair.fromSeed(seed);
    }
}
