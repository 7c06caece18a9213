package io.lanes.sdk.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.Signature;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.wire.MessageBuilder.KeyOrder;
import io.lanes.sdk.wire.Vectors.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The codec, signer and verifier against the vectors @solana/web3.js 1.99.0 produced. */
class TransactionVectorTest {
    /** Vectors whose every (byte, bit) is flipped; the others get a seeded sample. */
    private static final Set<String> FULLY_FLIPPED = Set.of("two-signers", "v0-transfer");
    private static final int SAMPLED_FLIPS = 48;

    /**
     * Legacy vectors whose key order is not first-appearance order. The legacy vectors were signed
     * with web3.js {@code Transaction}, whose {@code compileMessage()} sorts each privilege group by
     * base58 text ({@code localeCompare}); for these four that differs from the order in which the
     * keys first appear, which {@code TransactionMessage.compileToLegacyMessage()} would keep.
     */
    private static final Set<String> SORTED_NOT_FIRST_APPEARANCE =
        Set.of("spl-initialize-account3", "spl-transfer-checked", "spl-burn", "readonly-non-signer");

    static List<Vector> vectors() {
        return Vectors.all();
    }

    @Test
    void theFileHoldsFifteenVectors() {
        assertEquals(15, vectors().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodeGivesEveryField(final Vector vector) {
        final Transaction transaction = TransactionCodec.decode(vector.wire());
        assertEquals(texts(vector.get("signatures")),
            transaction.signatures().stream().map(Signature::toBase58).collect(Collectors.toList()));
        final Message message = transaction.message();
        assertMessageFields(vector, message);
        assertArrayEquals(vector.message(), message.serialized());
        assertArrayEquals(vector.wire(), transaction.wire());
        final int signaturesEnd = vector.wire().length - vector.message().length;
        assertEquals(1 + Signature.LENGTH * transaction.signatureCount(), signaturesEnd, "nothing besides the message");
        assertArrayEquals(vector.message(), Arrays.copyOfRange(vector.wire(), signaturesEnd, vector.wire().length));
        assertMessageFields(vector, TransactionCodec.decodeMessage(vector.message()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void reencodingIsByteExact(final Vector vector) {
        final Transaction decoded = TransactionCodec.decode(vector.wire());
        assertArrayEquals(vector.wire(), TransactionCodec.encode(decoded));
        assertArrayEquals(vector.message(), TransactionCodec.encodeMessage(decoded.message()));
        final Transaction fieldsOnly = new Transaction(
            decoded.signatures().toArray(new Signature[0]), withoutBytes(decoded.message()), null);
        assertArrayEquals(vector.wire(), TransactionCodec.encode(fieldsOnly), "encodes the fields, not cached bytes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void signaturesVerifyAndTheTransactionIsSane(final Vector vector) {
        final Transaction transaction = TransactionCodec.decode(vector.wire());
        assertTrue(Sanitizer.verifySignatures(transaction));
        final byte[] message = vector.message();
        for (int i = 0; i < transaction.signatureCount(); i++) {
            assertTrue(Keypair.verify(transaction.message().accountKey(i), message, transaction.signature(i)));
        }
        assertEquals(SanitizeResult.OK, Sanitizer.sanitize(transaction));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void seedsGiveTheKeysAndTheExactSignatures(final Vector vector) {
        final Keypair[] signers = signers(vector);
        final List<String> keys = texts(vector.get("accountKeys"));
        final List<String> signatures = texts(vector.get("signatures"));
        for (int i = 0; i < signers.length; i++) {
            assertEquals(keys.get(i), signers[i].publicKey().toBase58());
            assertEquals(signatures.get(i), signers[i].sign(vector.message()).toBase58());
        }
        final Keypair[] reversed = signers.clone();
        java.util.Collections.reverse(Arrays.asList(reversed));
        final Transaction signed = TransactionCodec.sign(TransactionCodec.decodeMessage(vector.message()), reversed);
        assertArrayEquals(vector.wire(), signed.wire());
    }

    /** Every single-bit change of the wire bytes (signatures or message) makes the transaction fail. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void flippingAnyBitBreaksVerification(final Vector vector) {
        final byte[] wire = vector.wire();
        final Random random = new Random(vector.name().hashCode());
        final boolean full = FULLY_FLIPPED.contains(vector.name());
        final int flips = full ? wire.length * 8 : SAMPLED_FLIPS;
        for (int flip = 0; flip < flips; flip++) {
            final int bit = full ? flip : random.nextInt(wire.length * 8);
            final byte[] mutated = wire.clone();
            mutated[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(decodesAndVerifies(mutated), () -> "still valid after flipping bit " + bit);
        }
    }

    /** A changed message byte fails under every signer's key, not only the first. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everySignatureCoversEveryMessageByte(final Vector vector) {
        final Transaction transaction = TransactionCodec.decode(vector.wire());
        final byte[] message = vector.message();
        final Random random = new Random(~vector.name().hashCode());
        final boolean full = FULLY_FLIPPED.contains(vector.name());
        final int positions = full ? message.length : SAMPLED_FLIPS / 4;
        for (int step = 0; step < positions; step++) {
            final int position = full ? step : random.nextInt(message.length);
            final byte[] mutated = message.clone();
            mutated[position] ^= (byte) (1 << random.nextInt(8));
            for (int i = 0; i < transaction.signatureCount(); i++) {
                assertFalse(Keypair.verify(transaction.message().accountKey(i), mutated, transaction.signature(i)),
                    "signature " + i + " still verifies with message byte " + position + " changed");
            }
        }
    }

    /** The exact bytes web3.js signed come out of the builder with web3.js Transaction's key order. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void builderReproducesTheMessage(final Vector vector) {
        final Message decoded = TransactionCodec.decodeMessage(vector.message());
        final boolean legacy = decoded.version() == MessageVersion.LEGACY;
        final Message firstAppearance = builder(decoded).build();
        assertEquals(decoded.version(), firstAppearance.version());
        if (legacy) {
            final Message sorted = builder(decoded).keyOrder(KeyOrder.WEB3_TRANSACTION).build();
            assertArrayEquals(vector.message(), sorted.serialized(), "web3.js Transaction.compileMessage order");
        }
        if (SORTED_NOT_FIRST_APPEARANCE.contains(vector.name())) {
            assertFalse(Arrays.equals(vector.message(), firstAppearance.serialized()));
            assertEquals(decoded.header(), firstAppearance.header(), "same keys, same groups, other order");
            assertEquals(Set.copyOf(decoded.accountKeys()), Set.copyOf(firstAppearance.accountKeys()));
        } else {
            assertArrayEquals(vector.message(), firstAppearance.serialized(), "web3.js CompiledKeys order");
        }
    }

    private static boolean decodesAndVerifies(final byte[] wire) {
        final Transaction transaction;
        try {
            transaction = TransactionCodec.decode(wire);
        } catch (final WireFormatException malformed) {
            return false;
        }
        return Sanitizer.verifySignatures(transaction);
    }

    private static void assertMessageFields(final Vector vector, final Message message) {
        final JsonNode version = vector.get("version");
        if (version.isTextual()) {
            assertEquals("legacy", version.asText());
            assertEquals(MessageVersion.LEGACY, message.version());
        } else {
            assertTrue(version.isInt() && version.asInt() == 0, "version " + version);
            assertEquals(MessageVersion.V0, message.version());
        }
        final JsonNode header = vector.get("header");
        assertEquals(new MessageHeader(header.get("numRequiredSignatures").asInt(),
            header.get("numReadonlySignedAccounts").asInt(), header.get("numReadonlyUnsignedAccounts").asInt()),
            message.header());
        assertEquals(texts(vector.get("accountKeys")),
            message.accountKeys().stream().map(Pubkey::toBase58).collect(Collectors.toList()));
        assertEquals(vector.text("recentBlockhash"), message.recentBlockhash().toBase58());
        assertInstructions(vector.get("instructions"), message);
        assertPrivileges(vector, message);
        assertTrue(message.addressTableLookups().isEmpty());
    }

    private static void assertInstructions(final JsonNode expected, final Message message) {
        assertEquals(expected.size(), message.instructionCount());
        for (int i = 0; i < expected.size(); i++) {
            final JsonNode instruction = expected.get(i);
            final CompiledInstruction actual = message.instruction(i);
            assertEquals(instruction.get("programIdIndex").asInt(), actual.programIdIndex());
            final List<Integer> accounts = new ArrayList<>();
            instruction.get("accounts").forEach(index -> accounts.add(index.asInt()));
            final List<Integer> actualAccounts = new ArrayList<>();
            for (int position = 0; position < actual.accountCount(); position++) {
                actualAccounts.add(actual.accountIndex(position));
            }
            assertEquals(accounts, actualAccounts, "accounts of instruction " + i);
            assertArrayEquals(Base64.getDecoder().decode(instruction.get("data").asText()), actual.data());
        }
    }

    private static void assertPrivileges(final Vector vector, final Message message) {
        final JsonNode writable = vector.get("writable");
        final JsonNode signer = vector.get("signer");
        assertEquals(message.accountKeyCount(), writable.size());
        assertEquals(message.accountKeyCount(), signer.size());
        for (int i = 0; i < message.accountKeyCount(); i++) {
            final boolean expected = writable.get(i).asBoolean();
            assertEquals(expected, Message.isWritableByPosition(message.header(), message.accountKeyCount(), i), "key " + i);
            assertEquals(expected, message.isWritable(i), "no vector has a writable program id: key " + i);
            assertEquals(signer.get(i).asBoolean(), message.isSigner(i), "signer " + i);
        }
    }

    /** Instructions rebuilt from a decoded message, each account with the message's privileges. */
    private static MessageBuilder builder(final Message message) {
        final MessageBuilder builder = message.version() == MessageVersion.LEGACY
            ? MessageBuilder.legacy(message.feePayer(), message.recentBlockhash())
            : MessageBuilder.v0(message.feePayer(), message.recentBlockhash());
        for (final CompiledInstruction compiled : message.instructions()) {
            final List<AccountMeta> accounts = new ArrayList<>();
            for (int position = 0; position < compiled.accountCount(); position++) {
                final int index = compiled.accountIndex(position);
                accounts.add(new AccountMeta(message.accountKey(index), message.isSigner(index),
                    Message.isWritableByPosition(message.header(), message.accountKeyCount(), index)));
            }
            builder.add(new Instruction(message.accountKey(compiled.programIdIndex()), accounts, compiled.data()));
        }
        return builder;
    }

    private static Message withoutBytes(final Message message) {
        return new Message(message.version(), message.header(), message.accountKeys().toArray(new Pubkey[0]),
            Hash.wrap(message.recentBlockhash().toBytes()), message.instructions().toArray(new CompiledInstruction[0]),
            message.addressTableLookups().toArray(new AddressTableLookup[0]), null);
    }

    private static Keypair[] signers(final Vector vector) {
        final List<String> seeds = texts(vector.get("signerSeedsHex"));
        assertEquals(vector.get("signatures").size(), seeds.size());
        return seeds.stream().map(seed -> Keypair.fromSeed(hex(seed))).toArray(Keypair[]::new);
    }

    private static List<String> texts(final JsonNode array) {
        final List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    static byte[] hex(final String text) {
        final byte[] bytes = new byte[text.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    @Test
    void builderRejectsAMismatchedSigner() {
        final Vector vector = Vectors.named("system-transfer");
        final Message message = TransactionCodec.decodeMessage(vector.message());
        final Keypair stranger = Keypair.fromSeed(hex("09".repeat(32)));
        final IllegalArgumentException unknown = org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> TransactionCodec.sign(message, signers(vector)[0], stranger));
        assertTrue(unknown.getMessage().startsWith("unknown signer"), unknown.getMessage());
        final IllegalArgumentException missing = org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> TransactionCodec.sign(message));
        assertTrue(missing.getMessage().startsWith("missing signer"), missing.getMessage());
        assertNotEquals(stranger.publicKey(), message.feePayer());
    }
}
