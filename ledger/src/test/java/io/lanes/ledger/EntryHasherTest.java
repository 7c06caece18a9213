package io.lanes.ledger;

import io.lanes.programs.system.SystemInstruction;
import io.lanes.sdk.Hash;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.Signature;
import io.lanes.sdk.wire.MessageBuilder;
import io.lanes.sdk.wire.Transaction;
import io.lanes.sdk.wire.TransactionCodec;
import io.lanes.sdk.wire.WireFormatException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EntryHasherTest {
    @Test
    void hashIsSha256OfPreviousAndEverySignatureInOrder() {
        final Keypair payer = Keypair.fromSeed(new byte[32]);
        final Keypair second = Keypair.fromSeed(filled(32, 9));
        final Transaction twoSigners = TransactionCodec.sign(MessageBuilder.legacy(payer.publicKey(), Hash.ZERO)
            .add(SystemInstruction.transfer(payer.publicKey(), second.publicKey(), 5))
            .add(SystemInstruction.transfer(second.publicKey(), payer.publicKey(), 1)).build(), payer, second);
        final Transaction oneSigner = TestChain.pool().get(0);
        assertEquals(2, twoSigners.signatureCount());

        final ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(TestChain.GENESIS_HASH.toBytes());
        for (final Transaction transaction : List.of(twoSigners, oneSigner)) {
            for (final Signature signature : transaction.signatures()) {
                expected.writeBytes(signature.toBytes());
            }
        }
        final Hash manual = Hash.sha256(expected.toByteArray());
        assertEquals(manual, EntryHasher.next(TestChain.GENESIS_HASH, List.of(twoSigners.wire(), oneSigner.wire())));
        final List<Signature> signatures = new ArrayList<>(twoSigners.signatures());
        signatures.addAll(oneSigner.signatures());
        assertEquals(manual, EntryHasher.nextOfSignatures(TestChain.GENESIS_HASH, signatures));
        assertEquals(manual, Entry.of(TestChain.GENESIS_HASH, List.of(twoSigners, oneSigner)).hash());
    }

    @Test
    void chainAdvancesAndATickHashesThePreviousHashAlone() {
        final EntryHasher chain = new EntryHasher(TestChain.GENESIS_HASH);
        final Entry tick = chain.nextEntry(List.of());
        assertEquals(Hash.sha256(TestChain.GENESIS_HASH.toBytes()), tick.hash());
        final Entry next = chain.nextEntryOf(List.of(TestChain.pool().get(1)));
        assertEquals(EntryHasher.next(tick.hash(), List.of(TestChain.pool().get(1).wire())), next.hash());
        assertEquals(next.hash(), chain.lastHash());
        assertNotEquals(EntryHasher.next(TestChain.GENESIS_HASH, List.of(TestChain.pool().get(1).wire())), next.hash());
    }

    @Test
    void messageBytesDoNotEnterTheChainButSignatureBytesDo() {
        final byte[] wire = TestChain.pool().get(2).wire();
        final Hash original = EntryHasher.next(Hash.ZERO, List.of(wire));
        final byte[] messageChanged = wire.clone();
        messageChanged[wire.length - 1] ^= 1;
        assertEquals(original, EntryHasher.next(Hash.ZERO, List.of(messageChanged)));
        final byte[] signatureChanged = wire.clone();
        signatureChanged[10] ^= 1;
        assertNotEquals(original, EntryHasher.next(Hash.ZERO, List.of(signatureChanged)));
    }

    @Test
    void malformedSignatureSectionIsRefused() {
        assertThrows(WireFormatException.class, () -> EntryHasher.next(Hash.ZERO, List.of(new byte[] {2, 1, 2, 3})));
        assertThrows(WireFormatException.class, () -> EntryHasher.next(Hash.ZERO, List.of(new byte[] {(byte) 0x80})));
        assertEquals(1, EntryHasher.firstMalformed(List.of(TestChain.pool().get(0).wire(), new byte[] {1})));
        assertEquals(-1, EntryHasher.firstMalformed(List.of(TestChain.pool().get(0).wire())));
    }

    private static byte[] filled(final int length, final int value) {
        final byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
