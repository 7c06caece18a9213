package io.lanes.programs.token;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.ProgramError;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * A minimal in-memory {@link InvokeContext} for calling a program directly, without the runtime's
 * account rules: for layout-level and allocation tests. Cross-program calls are not supported.
 */
final class FakeInvokeContext implements InvokeContext {
    private final Pubkey programId;
    private final List<FakeAccount> accounts = new ArrayList<>();
    private final UnsafeBuffer data = new UnsafeBuffer(new byte[0]);
    private int logCount;

    FakeInvokeContext(final Pubkey programId) {
        this.programId = programId;
    }

    FakeAccount add(final Pubkey key, final boolean signer, final boolean writable, final Pubkey owner, final byte[] bytes) {
        final FakeAccount account = new FakeAccount(key, signer, writable, owner, bytes);
        accounts.add(account);
        return account;
    }

    void instruction(final byte[] bytes) {
        data.wrap(bytes);
    }

    int logCount() {
        return logCount;
    }

    @Override
    public Pubkey programId() {
        return programId;
    }

    @Override
    public int accountCount() {
        return accounts.size();
    }

    @Override
    public AccountView account(final int index) {
        if (index < 0 || index >= accounts.size()) {
            throw ProgramError.of(InstructionError.Kind.NotEnoughAccountKeys);
        }
        return accounts.get(index);
    }

    @Override
    public DirectBuffer instructionData() {
        return data;
    }

    @Override
    public void invoke(final Instruction instruction) {
        throw new UnsupportedOperationException("no cross-program calls here");
    }

    @Override
    public void invokeSigned(final Instruction instruction, final byte[][]... signerSeeds) {
        throw new UnsupportedOperationException("no cross-program calls here");
    }

    @Override
    public void log(final String message) {
        logCount++;
    }

    @Override
    public void consumeComputeUnits(final long units) {
    }

    @Override
    public long remainingComputeUnits() {
        return Long.MAX_VALUE;
    }

    @Override
    public long slot() {
        return 0;
    }

    @Override
    public int stackHeight() {
        return 1;
    }

    @Override
    public void addCommutative(final int index, final long delta) {
        throw new UnsupportedOperationException("the token tests' context has no commutative additions");
    }

    /** One account: key, privileges, lamports, owner and data. */
    static final class FakeAccount implements AccountView {
        private final Pubkey key;
        private final boolean signer;
        private final boolean writable;
        private Pubkey owner;
        private long lamports = 1_000_000_000L;
        private UnsafeBuffer data;

        FakeAccount(final Pubkey key, final boolean signer, final boolean writable, final Pubkey owner, final byte[] bytes) {
            this.key = key;
            this.signer = signer;
            this.writable = writable;
            this.owner = owner;
            this.data = new UnsafeBuffer(bytes);
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
            return false;
        }

        @Override
        public long lamports() {
            return lamports;
        }

        @Override
        public void setLamports(final long lamports) {
            this.lamports = lamports;
        }

        @Override
        public Pubkey owner() {
            return owner;
        }

        @Override
        public boolean isOwnedBy(final Pubkey program) {
            return owner.equals(program);
        }

        @Override
        public void setOwner(final Pubkey owner) {
            this.owner = owner;
        }

        @Override
        public long rentEpoch() {
            return 0;
        }

        @Override
        public int dataLength() {
            return data.capacity();
        }

        @Override
        public MutableDirectBuffer data() {
            return data;
        }

        @Override
        public void resize(final int newLength) {
            final byte[] bytes = new byte[newLength];
            data.getBytes(0, bytes, 0, Math.min(newLength, data.capacity()));
            data = new UnsafeBuffer(bytes);
        }
    }
}
