package io.lanes.programs.system;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.Instruction;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds System program instructions with Solana's bincode encoding: a u32 little-endian tag,
 * then the fields. Tags are Solana's: 0 CreateAccount, 1 Assign, 2 Transfer, 3
 * CreateAccountWithSeed, 8 Allocate, 9 AllocateWithSeed, 10 AssignWithSeed, 11 TransferWithSeed.
 */
public final class SystemInstruction {
    public static final int CREATE_ACCOUNT = 0;
    public static final int ASSIGN = 1;
    public static final int TRANSFER = 2;
    public static final int CREATE_ACCOUNT_WITH_SEED = 3;
    public static final int ADVANCE_NONCE_ACCOUNT = 4;
    public static final int WITHDRAW_NONCE_ACCOUNT = 5;
    public static final int INITIALIZE_NONCE_ACCOUNT = 6;
    public static final int AUTHORIZE_NONCE_ACCOUNT = 7;
    public static final int ALLOCATE = 8;
    public static final int ALLOCATE_WITH_SEED = 9;
    public static final int ASSIGN_WITH_SEED = 10;
    public static final int TRANSFER_WITH_SEED = 11;
    public static final int UPGRADE_NONCE_ACCOUNT = 12;

    private SystemInstruction() {
    }

    public static Instruction createAccount(
        final Pubkey from, final Pubkey newAccount, final long lamports, final long space, final Pubkey owner) {
        final ByteBuffer data = data(4 + 8 + 8 + 32, CREATE_ACCOUNT).putLong(lamports).putLong(space).put(owner.toBytes());
        return instruction(data, AccountMeta.writable(from, true), AccountMeta.writable(newAccount, true));
    }

    public static Instruction assign(final Pubkey account, final Pubkey owner) {
        return instruction(data(4 + 32, ASSIGN).put(owner.toBytes()), AccountMeta.writable(account, true));
    }

    public static Instruction transfer(final Pubkey from, final Pubkey to, final long lamports) {
        return instruction(data(4 + 8, TRANSFER).putLong(lamports), AccountMeta.writable(from, true), AccountMeta.writable(to, false));
    }

    public static Instruction allocate(final Pubkey account, final long space) {
        return instruction(data(4 + 8, ALLOCATE).putLong(space), AccountMeta.writable(account, true));
    }

    public static Instruction createAccountWithSeed(
        final Pubkey from, final Pubkey newAccount, final Pubkey base, final String seed,
        final long lamports, final long space, final Pubkey owner) {
        final byte[] seedBytes = seed.getBytes(StandardCharsets.UTF_8);
        final ByteBuffer data = data(4 + 32 + 8 + seedBytes.length + 8 + 8 + 32, CREATE_ACCOUNT_WITH_SEED)
            .put(base.toBytes()).putLong(seedBytes.length).put(seedBytes).putLong(lamports).putLong(space).put(owner.toBytes());
        if (base.equals(from)) {
            return instruction(data, AccountMeta.writable(from, true), AccountMeta.writable(newAccount, false));
        }
        return instruction(data, AccountMeta.writable(from, true), AccountMeta.writable(newAccount, false), AccountMeta.readOnly(base, true));
    }

    public static Instruction allocateWithSeed(
        final Pubkey account, final Pubkey base, final String seed, final long space, final Pubkey owner) {
        final byte[] seedBytes = seed.getBytes(StandardCharsets.UTF_8);
        final ByteBuffer data = data(4 + 32 + 8 + seedBytes.length + 8 + 32, ALLOCATE_WITH_SEED)
            .put(base.toBytes()).putLong(seedBytes.length).put(seedBytes).putLong(space).put(owner.toBytes());
        return instruction(data, AccountMeta.writable(account, false), AccountMeta.readOnly(base, true));
    }

    public static Instruction assignWithSeed(final Pubkey account, final Pubkey base, final String seed, final Pubkey owner) {
        final byte[] seedBytes = seed.getBytes(StandardCharsets.UTF_8);
        final ByteBuffer data = data(4 + 32 + 8 + seedBytes.length + 32, ASSIGN_WITH_SEED)
            .put(base.toBytes()).putLong(seedBytes.length).put(seedBytes).put(owner.toBytes());
        return instruction(data, AccountMeta.writable(account, false), AccountMeta.readOnly(base, true));
    }

    public static Instruction transferWithSeed(
        final Pubkey from, final Pubkey base, final String fromSeed, final Pubkey fromOwner, final Pubkey to, final long lamports) {
        final byte[] seedBytes = fromSeed.getBytes(StandardCharsets.UTF_8);
        final ByteBuffer data = data(4 + 8 + 8 + seedBytes.length + 32, TRANSFER_WITH_SEED)
            .putLong(lamports).putLong(seedBytes.length).put(seedBytes).put(fromOwner.toBytes());
        return instruction(data, AccountMeta.writable(from, false), AccountMeta.readOnly(base, true), AccountMeta.writable(to, false));
    }

    private static ByteBuffer data(final int length, final int tag) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN).putInt(tag);
    }

    private static Instruction instruction(final ByteBuffer data, final AccountMeta... accounts) {
        return new Instruction(Pubkey.SYSTEM_PROGRAM, List.of(accounts), data.array());
    }
}
