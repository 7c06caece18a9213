package io.lanes.sdk.wire;

import io.lanes.sdk.Hash;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.Instruction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compiles instructions, a fee payer and a recent blockhash into a {@link Message}, as Solana's
 * clients do: each key appears once with its privileges OR'd over every use; keys are ordered
 * writable signers, read-only signers, writable non-signers, read-only non-signers, with the fee
 * payer first (a writable signer); a program id counts as a read-only non-signer use. Within each
 * group the order is the {@link KeyOrder}.
 *
 * <p>A builder is mutable and not thread-safe; the messages it builds are immutable.
 */
public final class MessageBuilder {
    /** Most account keys a message may have: account indexes are one byte. */
    public static final int MAX_ACCOUNT_KEYS = 256;

    /** How keys are ordered inside each privilege group. */
    public enum KeyOrder {
        /**
         * First appearance: the fee payer, then for each instruction its program id, then its
         * accounts. This is @solana/web3.js {@code TransactionMessage.compileToLegacyMessage()},
         * {@code compileToV0Message()} and {@code Message.compile()} (its {@code CompiledKeys}).
         */
        FIRST_APPEARANCE,
        /**
         * @solana/web3.js 1.x {@code Transaction.compileMessage()} (what {@code new Transaction().add(..)}
         * signs): keys sorted by their base58 text with {@code localeCompare} in locale "en",
         * {@code caseFirst: 'lower'}, that is case-insensitive first (digits before letters),
         * then the lowercase letter first at the first case difference.
         */
        WEB3_TRANSACTION
    }

    private final MessageVersion version;
    private final Pubkey feePayer;
    private final Hash recentBlockhash;
    private final List<Instruction> instructions = new ArrayList<>();
    private KeyOrder keyOrder = KeyOrder.FIRST_APPEARANCE;

    private MessageBuilder(final MessageVersion version, final Pubkey feePayer, final Hash recentBlockhash) {
        this.version = version;
        this.feePayer = Objects.requireNonNull(feePayer, "feePayer");
        this.recentBlockhash = Objects.requireNonNull(recentBlockhash, "recentBlockhash");
    }

    /** A builder of a legacy message. */
    public static MessageBuilder legacy(final Pubkey feePayer, final Hash recentBlockhash) {
        return new MessageBuilder(MessageVersion.LEGACY, feePayer, recentBlockhash);
    }

    /** A builder of a version-0 message without address table lookups. */
    public static MessageBuilder v0(final Pubkey feePayer, final Hash recentBlockhash) {
        return new MessageBuilder(MessageVersion.V0, feePayer, recentBlockhash);
    }

    /** A legacy message of these instructions in {@link KeyOrder#FIRST_APPEARANCE} order. */
    public static Message compileLegacy(
        final Pubkey feePayer, final Hash recentBlockhash, final List<Instruction> instructions) {
        return legacy(feePayer, recentBlockhash).addAll(instructions).build();
    }

    public MessageBuilder keyOrder(final KeyOrder order) {
        this.keyOrder = Objects.requireNonNull(order, "order");
        return this;
    }

    public MessageBuilder add(final Instruction instruction) {
        instructions.add(Objects.requireNonNull(instruction, "instruction"));
        return this;
    }

    public MessageBuilder addAll(final Collection<Instruction> more) {
        more.forEach(this::add);
        return this;
    }

    /**
     * The compiled message, with its serialized bytes.
     *
     * @throws IllegalArgumentException if the message would have more than 256 keys
     */
    public Message build() {
        final List<KeyUse> keys = orderedKeys(collectKeys());
        final Map<Pubkey, Integer> indexes = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            indexes.put(keys.get(i).key, i);
        }
        final Pubkey[] accountKeys = keys.stream().map(use -> use.key).toArray(Pubkey[]::new);
        final CompiledInstruction[] compiled = instructions.stream()
            .map(instruction -> compile(instruction, indexes)).toArray(CompiledInstruction[]::new);
        final Message unserialized = new Message(version, header(keys), accountKeys, recentBlockhash, compiled,
            new AddressTableLookup[0], null);
        final byte[] serialized = TransactionCodec.encodeMessage(unserialized);
        return new Message(version, unserialized.header(), accountKeys, recentBlockhash, compiled,
            new AddressTableLookup[0], serialized);
    }

    /** Every key once, in first-appearance order, with OR'd privileges. */
    private Collection<KeyUse> collectKeys() {
        final Map<Pubkey, KeyUse> uses = new LinkedHashMap<>();
        use(uses, feePayer, true, true);
        for (final Instruction instruction : instructions) {
            use(uses, instruction.programId(), false, false);
            for (final AccountMeta account : instruction.accounts()) {
                use(uses, account.key(), account.isSigner(), account.isWritable());
            }
        }
        return uses.values();
    }

    private static void use(final Map<Pubkey, KeyUse> uses, final Pubkey key, final boolean signer,
                            final boolean writable) {
        final KeyUse use = uses.computeIfAbsent(key, KeyUse::new);
        use.signer |= signer;
        use.writable |= writable;
    }

    private List<KeyUse> orderedKeys(final Collection<KeyUse> uses) {
        if (uses.size() > MAX_ACCOUNT_KEYS) {
            throw new IllegalArgumentException("a message may have at most " + MAX_ACCOUNT_KEYS
                + " account keys, these instructions use " + uses.size());
        }
        final List<KeyUse> ordered = new ArrayList<>(uses);
        final Comparator<KeyUse> byGroup = Comparator.comparingInt(KeyUse::group);
        ordered.sort(keyOrder == KeyOrder.FIRST_APPEARANCE ? byGroup : byGroup.thenComparing(
            (left, right) -> compareLikeWeb3(left.key.toBase58(), right.key.toBase58())));
        ordered.removeIf(use -> use.key.equals(feePayer));
        ordered.add(0, uses.iterator().next());
        assert ordered.get(0).key.equals(feePayer) && ordered.get(0).group() == 0;
        return ordered;
    }

    private static MessageHeader header(final List<KeyUse> keys) {
        int signers = 0;
        int readonlySigners = 0;
        int readonlyNonSigners = 0;
        for (final KeyUse use : keys) {
            signers += use.signer ? 1 : 0;
            readonlySigners += use.signer && !use.writable ? 1 : 0;
            readonlyNonSigners += !use.signer && !use.writable ? 1 : 0;
        }
        if (signers > 0xFF || readonlyNonSigners > 0xFF) {
            throw new IllegalArgumentException("header counts must fit one byte: " + signers + " signers, "
                + readonlyNonSigners + " read-only non-signers");
        }
        return new MessageHeader(signers, readonlySigners, readonlyNonSigners);
    }

    private static CompiledInstruction compile(final Instruction instruction, final Map<Pubkey, Integer> indexes) {
        final List<AccountMeta> accounts = instruction.accounts();
        final byte[] accountIndexes = new byte[accounts.size()];
        for (int i = 0; i < accountIndexes.length; i++) {
            accountIndexes[i] = (byte) (int) indexes.get(accounts.get(i).key());
        }
        return new CompiledInstruction(indexes.get(instruction.programId()), accountIndexes, instruction.data());
    }

    /**
     * {@code left.localeCompare(right, 'en', {caseFirst: 'lower', sensitivity: 'variant'})} for
     * base58 text (ASCII digits and letters only): compare ignoring case (digits sort before
     * letters, a shorter prefix first), then at the first case difference the lowercase letter first.
     */
    static int compareLikeWeb3(final String left, final String right) {
        final int common = Math.min(left.length(), right.length());
        for (int i = 0; i < common; i++) {
            final int difference = Character.toLowerCase(left.charAt(i)) - Character.toLowerCase(right.charAt(i));
            if (difference != 0) {
                return difference;
            }
        }
        if (left.length() != right.length()) {
            return left.length() - right.length();
        }
        for (int i = 0; i < common; i++) {
            if (left.charAt(i) != right.charAt(i)) {
                return Character.isLowerCase(left.charAt(i)) ? -1 : 1;
            }
        }
        return 0;
    }

    /** A key and the privileges its uses ask for. */
    private static final class KeyUse {
        private final Pubkey key;
        private boolean signer;
        private boolean writable;

        KeyUse(final Pubkey key) {
            this.key = key;
        }

        /** 0 writable signer, 1 read-only signer, 2 writable non-signer, 3 read-only non-signer. */
        int group() {
            return (signer ? 0 : 2) + (writable ? 0 : 1);
        }
    }
}
