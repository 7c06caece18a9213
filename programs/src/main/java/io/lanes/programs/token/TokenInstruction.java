package io.lanes.programs.token;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.Instruction;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds SPL Token instructions exactly as {@code @solana/spl-token} does: a u8 tag, little-endian
 * fields, and the same account metas. An authority is a single signer when {@code multisigSigners}
 * is empty; otherwise it is a multisig account (read-only, not a signer) followed by its signing
 * members (read-only signers). Optional keys use the fixed-size form of the JS client (a 1-byte
 * tag and 32 bytes, zero for None).
 */
public final class TokenInstruction {
    public static final int INITIALIZE_MINT = 0;
    public static final int INITIALIZE_ACCOUNT = 1;
    public static final int INITIALIZE_MULTISIG = 2;
    public static final int TRANSFER = 3;
    public static final int APPROVE = 4;
    public static final int REVOKE = 5;
    public static final int SET_AUTHORITY = 6;
    public static final int MINT_TO = 7;
    public static final int BURN = 8;
    public static final int CLOSE_ACCOUNT = 9;
    public static final int FREEZE_ACCOUNT = 10;
    public static final int THAW_ACCOUNT = 11;
    public static final int TRANSFER_CHECKED = 12;
    public static final int APPROVE_CHECKED = 13;
    public static final int MINT_TO_CHECKED = 14;
    public static final int BURN_CHECKED = 15;
    public static final int INITIALIZE_ACCOUNT_2 = 16;
    public static final int SYNC_NATIVE = 17;
    public static final int INITIALIZE_ACCOUNT_3 = 18;
    public static final int INITIALIZE_MULTISIG_2 = 19;
    public static final int INITIALIZE_MINT_2 = 20;
    public static final int GET_ACCOUNT_DATA_SIZE = 21;
    public static final int INITIALIZE_IMMUTABLE_OWNER = 22;

    /** The rent sysvar, which the v1 initialize instructions name as an account. */
    public static final Pubkey RENT_SYSVAR_ID = Pubkey.fromBase58("SysvarRent111111111111111111111111111111111");

    private static final Pubkey[] NO_SIGNERS = new Pubkey[0];

    private TokenInstruction() {
    }

    /** Accounts: mint (writable), rent sysvar. A null freeze authority means none. */
    public static Instruction initializeMint(final Pubkey mint, final int decimals, final Pubkey mintAuthority, final Pubkey freezeAuthority) {
        return build(mintData(INITIALIZE_MINT, decimals, mintAuthority, freezeAuthority),
            AccountMeta.writable(mint, false), AccountMeta.readOnly(RENT_SYSVAR_ID, false));
    }

    /** Accounts: mint (writable). A null freeze authority means none. */
    public static Instruction initializeMint2(final Pubkey mint, final int decimals, final Pubkey mintAuthority, final Pubkey freezeAuthority) {
        return build(mintData(INITIALIZE_MINT_2, decimals, mintAuthority, freezeAuthority), AccountMeta.writable(mint, false));
    }

    /** Accounts: account (writable), mint, owner, rent sysvar. */
    public static Instruction initializeAccount(final Pubkey account, final Pubkey mint, final Pubkey owner) {
        return build(new byte[] {INITIALIZE_ACCOUNT}, AccountMeta.writable(account, false), AccountMeta.readOnly(mint, false),
            AccountMeta.readOnly(owner, false), AccountMeta.readOnly(RENT_SYSVAR_ID, false));
    }

    /** Accounts: account (writable), mint, rent sysvar; the owner travels in the data. */
    public static Instruction initializeAccount2(final Pubkey account, final Pubkey mint, final Pubkey owner) {
        return build(tagAndKey(INITIALIZE_ACCOUNT_2, owner), AccountMeta.writable(account, false),
            AccountMeta.readOnly(mint, false), AccountMeta.readOnly(RENT_SYSVAR_ID, false));
    }

    /** Accounts: account (writable), mint; the owner travels in the data. */
    public static Instruction initializeAccount3(final Pubkey account, final Pubkey mint, final Pubkey owner) {
        return build(tagAndKey(INITIALIZE_ACCOUNT_3, owner), AccountMeta.writable(account, false), AccountMeta.readOnly(mint, false));
    }

    /** Accounts: multisig (writable), rent sysvar, then the signers (1 to 11). */
    public static Instruction initializeMultisig(final Pubkey multisig, final int requiredSigners, final Pubkey... signers) {
        final List<AccountMeta> metas = new ArrayList<>();
        metas.add(AccountMeta.writable(multisig, false));
        metas.add(AccountMeta.readOnly(RENT_SYSVAR_ID, false));
        addReadOnly(metas, signers, false);
        return new Instruction(TokenProgram.ID, metas, new byte[] {INITIALIZE_MULTISIG, (byte) requiredSigners});
    }

    /** Accounts: multisig (writable), then the signers (1 to 11). */
    public static Instruction initializeMultisig2(final Pubkey multisig, final int requiredSigners, final Pubkey... signers) {
        final List<AccountMeta> metas = new ArrayList<>();
        metas.add(AccountMeta.writable(multisig, false));
        addReadOnly(metas, signers, false);
        return new Instruction(TokenProgram.ID, metas, new byte[] {INITIALIZE_MULTISIG_2, (byte) requiredSigners});
    }

    /** Accounts: source, destination (writable), authority (owner or delegate). */
    public static Instruction transfer(
        final Pubkey source, final Pubkey destination, final Pubkey authority, final long amount, final Pubkey... multisigSigners) {
        return withAuthority(amountData(TRANSFER, amount), authority, multisigSigners,
            AccountMeta.writable(source, false), AccountMeta.writable(destination, false));
    }

    /** Accounts: source (writable), mint, destination (writable), authority. */
    public static Instruction transferChecked(
        final Pubkey source, final Pubkey mint, final Pubkey destination, final Pubkey authority,
        final long amount, final int decimals, final Pubkey... multisigSigners) {
        return withAuthority(checkedData(TRANSFER_CHECKED, amount, decimals), authority, multisigSigners,
            AccountMeta.writable(source, false), AccountMeta.readOnly(mint, false), AccountMeta.writable(destination, false));
    }

    /** Accounts: source (writable), delegate, owner. */
    public static Instruction approve(
        final Pubkey source, final Pubkey delegate, final Pubkey owner, final long amount, final Pubkey... multisigSigners) {
        return withAuthority(amountData(APPROVE, amount), owner, multisigSigners,
            AccountMeta.writable(source, false), AccountMeta.readOnly(delegate, false));
    }

    /** Accounts: source (writable), mint, delegate, owner. */
    public static Instruction approveChecked(
        final Pubkey source, final Pubkey mint, final Pubkey delegate, final Pubkey owner,
        final long amount, final int decimals, final Pubkey... multisigSigners) {
        return withAuthority(checkedData(APPROVE_CHECKED, amount, decimals), owner, multisigSigners,
            AccountMeta.writable(source, false), AccountMeta.readOnly(mint, false), AccountMeta.readOnly(delegate, false));
    }

    /** Accounts: source (writable), owner. */
    public static Instruction revoke(final Pubkey source, final Pubkey owner, final Pubkey... multisigSigners) {
        return withAuthority(new byte[] {REVOKE}, owner, multisigSigners, AccountMeta.writable(source, false));
    }

    /** Accounts: the mint or token account (writable), its current authority. A null new authority removes it. */
    public static Instruction setAuthority(
        final Pubkey owned, final Pubkey currentAuthority, final AuthorityType type, final Pubkey newAuthority,
        final Pubkey... multisigSigners) {
        final ByteBuffer data = ByteBuffer.allocate(3 + Pubkey.LENGTH);
        data.put((byte) SET_AUTHORITY).put((byte) type.wireValue());
        putOptionalKey(data, newAuthority);
        return withAuthority(data.array(), currentAuthority, multisigSigners, AccountMeta.writable(owned, false));
    }

    /** Accounts: mint (writable), destination (writable), mint authority. */
    public static Instruction mintTo(
        final Pubkey mint, final Pubkey destination, final Pubkey authority, final long amount, final Pubkey... multisigSigners) {
        return withAuthority(amountData(MINT_TO, amount), authority, multisigSigners,
            AccountMeta.writable(mint, false), AccountMeta.writable(destination, false));
    }

    /** Accounts: mint (writable), destination (writable), mint authority. */
    public static Instruction mintToChecked(
        final Pubkey mint, final Pubkey destination, final Pubkey authority, final long amount, final int decimals,
        final Pubkey... multisigSigners) {
        return withAuthority(checkedData(MINT_TO_CHECKED, amount, decimals), authority, multisigSigners,
            AccountMeta.writable(mint, false), AccountMeta.writable(destination, false));
    }

    /** Accounts: account (writable), mint (writable), authority (owner or delegate). */
    public static Instruction burn(
        final Pubkey account, final Pubkey mint, final Pubkey authority, final long amount, final Pubkey... multisigSigners) {
        return withAuthority(amountData(BURN, amount), authority, multisigSigners,
            AccountMeta.writable(account, false), AccountMeta.writable(mint, false));
    }

    /** Accounts: account (writable), mint (writable), authority (owner or delegate). */
    public static Instruction burnChecked(
        final Pubkey account, final Pubkey mint, final Pubkey authority, final long amount, final int decimals,
        final Pubkey... multisigSigners) {
        return withAuthority(checkedData(BURN_CHECKED, amount, decimals), authority, multisigSigners,
            AccountMeta.writable(account, false), AccountMeta.writable(mint, false));
    }

    /** Accounts: account (writable), destination of its lamports (writable), close authority or owner. */
    public static Instruction closeAccount(
        final Pubkey account, final Pubkey destination, final Pubkey authority, final Pubkey... multisigSigners) {
        return withAuthority(new byte[] {CLOSE_ACCOUNT}, authority, multisigSigners,
            AccountMeta.writable(account, false), AccountMeta.writable(destination, false));
    }

    /** Accounts: account (writable), mint, freeze authority. */
    public static Instruction freezeAccount(
        final Pubkey account, final Pubkey mint, final Pubkey authority, final Pubkey... multisigSigners) {
        return withAuthority(new byte[] {FREEZE_ACCOUNT}, authority, multisigSigners,
            AccountMeta.writable(account, false), AccountMeta.readOnly(mint, false));
    }

    /** Accounts: account (writable), mint, freeze authority. */
    public static Instruction thawAccount(
        final Pubkey account, final Pubkey mint, final Pubkey authority, final Pubkey... multisigSigners) {
        return withAuthority(new byte[] {THAW_ACCOUNT}, authority, multisigSigners,
            AccountMeta.writable(account, false), AccountMeta.readOnly(mint, false));
    }

    /** Accounts: a wrapped SOL account (writable). */
    public static Instruction syncNative(final Pubkey account) {
        return build(new byte[] {SYNC_NATIVE}, AccountMeta.writable(account, false));
    }

    /** Accounts: the mint. */
    public static Instruction getAccountDataSize(final Pubkey mint) {
        return build(new byte[] {GET_ACCOUNT_DATA_SIZE}, AccountMeta.readOnly(mint, false));
    }

    /** Accounts: the uninitialized account (writable). */
    public static Instruction initializeImmutableOwner(final Pubkey account) {
        return build(new byte[] {INITIALIZE_IMMUTABLE_OWNER}, AccountMeta.writable(account, false));
    }

    private static byte[] mintData(final int tag, final int decimals, final Pubkey mintAuthority, final Pubkey freezeAuthority) {
        final ByteBuffer data = ByteBuffer.allocate(2 + Pubkey.LENGTH + 1 + Pubkey.LENGTH);
        data.put((byte) tag).put((byte) decimals).put(mintAuthority.toBytes());
        putOptionalKey(data, freezeAuthority);
        return data.array();
    }

    private static void putOptionalKey(final ByteBuffer data, final Pubkey key) {
        data.put((byte) (key == null ? 0 : 1));
        if (key != null) {
            data.put(key.toBytes());
        }
    }

    private static byte[] tagAndKey(final int tag, final Pubkey key) {
        return ByteBuffer.allocate(1 + Pubkey.LENGTH).put((byte) tag).put(key.toBytes()).array();
    }

    private static byte[] amountData(final int tag, final long amount) {
        return ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN).put((byte) tag).putLong(amount).array();
    }

    private static byte[] checkedData(final int tag, final long amount, final int decimals) {
        return ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).put((byte) tag).putLong(amount).put((byte) decimals).array();
    }

    /** The given accounts, then the authority (a signer unless multisig signers follow), then the signers. */
    private static Instruction withAuthority(
        final byte[] data, final Pubkey authority, final Pubkey[] multisigSigners, final AccountMeta... accounts) {
        final Pubkey[] signers = multisigSigners == null ? NO_SIGNERS : multisigSigners;
        final List<AccountMeta> metas = new ArrayList<>(List.of(accounts));
        metas.add(AccountMeta.readOnly(authority, signers.length == 0));
        addReadOnly(metas, signers, true);
        return new Instruction(TokenProgram.ID, metas, data);
    }

    private static void addReadOnly(final List<AccountMeta> metas, final Pubkey[] keys, final boolean signer) {
        for (final Pubkey key : keys) {
            metas.add(AccountMeta.readOnly(key, signer));
        }
    }

    private static Instruction build(final byte[] data, final AccountMeta... accounts) {
        return new Instruction(TokenProgram.ID, List.of(accounts), data);
    }
}
