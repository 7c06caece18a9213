package io.lanes.runtime.exec;

import io.lanes.runtime.store.AccountBuffer;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.ProgramError;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A program's view of one instruction account: a flyweight over the transaction's working copy
 * of that account, with the privileges of this position in this call. Pooled per frame.
 */
final class TransactionView implements AccountView {
    private final UnsafeBuffer dataView = new UnsafeBuffer(0, 0);
    private AccountBuffer account;
    private Pubkey key;
    private boolean signer;
    private boolean writable;

    TransactionView point(final AccountBuffer account, final Pubkey key, final boolean signer, final boolean writable) {
        this.account = account;
        this.key = key;
        this.signer = signer;
        this.writable = writable;
        return this;
    }

    @Override
    public Pubkey key() {
        return key;
    }

    @Override
    public boolean isSigner() {
        return signer;
    }

    @Override
    public boolean isWritable() {
        return writable;
    }

    @Override
    public boolean isExecutable() {
        return account.executable();
    }

    @Override
    public long lamports() {
        return account.lamports();
    }

    @Override
    public void setLamports(final long lamports) {
        if (lamports < 0) {
            throw ProgramError.of(InstructionError.Kind.ArithmeticOverflow);
        }
        account.lamports(lamports);
    }

    @Override
    public Pubkey owner() {
        return account.owner();
    }

    @Override
    public boolean isOwnedBy(final Pubkey program) {
        return account.owner().equals(program);
    }

    @Override
    public void setOwner(final Pubkey owner) {
        account.owner(owner);
    }

    @Override
    public long rentEpoch() {
        return account.rentEpoch();
    }

    @Override
    public int dataLength() {
        return account.dataLength();
    }

    @Override
    public MutableDirectBuffer data() {
        dataView.wrap(account.data().addressOffset(), account.dataLength());
        return dataView;
    }

    @Override
    public void resize(final int newLength) {
        if (newLength < 0 || newLength > MAX_DATA_LENGTH) {
            throw ProgramError.of(InstructionError.Kind.InvalidRealloc);
        }
        account.dataLength(newLength);
    }

    @Override
    public String toString() {
        return key + (signer ? " signer" : "") + (writable ? " writable" : " readonly");
    }
}
