package io.lanes.runtime.exec;

import io.lanes.runtime.store.AccountBuffer;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountView;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.ProgramError;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * One program call on the invoke stack: which program, which transaction accounts at which
 * positions with which privileges, and a snapshot of those accounts taken when the call (or the
 * part of it since its last cross-program call) began, so that the runtime can check the
 * account rules against what the program did. The executor keeps one frame per stack height
 * and reuses them.
 */
final class InvocationFrame implements InvokeContext {
    private final TransactionExecutor executor;
    private final int stackHeight;
    private final UnsafeBuffer instructionData = new UnsafeBuffer(new byte[0]);

    private RegisteredProgram program;
    private int positionCount;
    private int[] positionAccount = new int[8];
    private boolean[] positionSigner = new boolean[8];
    private boolean[] positionWritable = new boolean[8];
    private TransactionView[] views = new TransactionView[0];

    private int distinctCount;
    private int[] distinctAccount = new int[8];
    private boolean[] distinctWritable = new boolean[8];
    private AccountBuffer[] snapshots = new AccountBuffer[0];

    InvocationFrame(final TransactionExecutor executor, final int stackHeight) {
        this.executor = executor;
        this.stackHeight = stackHeight;
    }

    /** Points the frame at a new call; positions are then added with {@link #addPosition}. */
    void begin(final RegisteredProgram program, final byte[] data) {
        this.program = program;
        this.instructionData.wrap(data);
        this.positionCount = 0;
        this.distinctCount = 0;
    }

    /** Adds the next instruction account: a transaction account index with this call's privileges. */
    void addPosition(final int accountIndex, final boolean signer, final boolean writable) {
        ensurePositions(positionCount + 1);
        positionAccount[positionCount] = accountIndex;
        positionSigner[positionCount] = signer;
        positionWritable[positionCount] = writable;
        positionCount++;
        addDistinct(accountIndex, writable);
    }

    private void addDistinct(final int accountIndex, final boolean writable) {
        for (int i = 0; i < distinctCount; i++) {
            if (distinctAccount[i] == accountIndex) {
                distinctWritable[i] |= writable;
                return;
            }
        }
        if (distinctCount == distinctAccount.length) {
            distinctAccount = Arrays.copyOf(distinctAccount, distinctCount * 2);
            distinctWritable = Arrays.copyOf(distinctWritable, distinctCount * 2);
        }
        distinctAccount[distinctCount] = accountIndex;
        distinctWritable[distinctCount] = writable;
        distinctCount++;
    }

    private void ensurePositions(final int count) {
        if (count > positionAccount.length) {
            final int capacity = Math.max(count, positionAccount.length * 2);
            positionAccount = Arrays.copyOf(positionAccount, capacity);
            positionSigner = Arrays.copyOf(positionSigner, capacity);
            positionWritable = Arrays.copyOf(positionWritable, capacity);
        }
    }

    /** Copies the frame's accounts as they are now: the baseline the account rules compare against. */
    void snapshot() {
        if (snapshots.length < distinctCount) {
            final int oldLength = snapshots.length;
            snapshots = Arrays.copyOf(snapshots, Math.max(distinctCount, oldLength * 2));
            for (int i = oldLength; i < snapshots.length; i++) {
                snapshots[i] = new AccountBuffer();
            }
        }
        for (int i = 0; i < distinctCount; i++) {
            snapshots[i].copyFrom(executor.account(distinctAccount[i]));
        }
    }

    /**
     * Checks Solana's account rules for what the frame's program did since the last snapshot.
     *
     * @return null, or the rule that was broken
     */
    InstructionError verify() {
        long lamportsBefore = 0;
        long lamportsAfter = 0;
        for (int i = 0; i < distinctCount; i++) {
            final AccountBuffer before = snapshots[i];
            final AccountBuffer after = executor.account(distinctAccount[i]);
            final InstructionError broken = AccountRules.verify(program.id(), before, after, distinctWritable[i]);
            if (broken != null) {
                return broken;
            }
            lamportsBefore += before.lamports();
            lamportsAfter += after.lamports();
            if (lamportsBefore < 0 || lamportsAfter < 0) {
                return InstructionError.of(InstructionError.Kind.ArithmeticOverflow);
            }
        }
        return lamportsBefore == lamportsAfter ? null : InstructionError.of(InstructionError.Kind.UnbalancedInstruction);
    }

    RegisteredProgram program() {
        return program;
    }

    int positionCount() {
        return positionCount;
    }

    int positionAccount(final int position) {
        return positionAccount[position];
    }

    boolean positionSigner(final int position) {
        return positionSigner[position];
    }

    boolean positionWritable(final int position) {
        return positionWritable[position];
    }

    /** True if any position of this frame gives the transaction account the signer privilege. */
    boolean isSigner(final int accountIndex) {
        for (int i = 0; i < positionCount; i++) {
            if (positionAccount[i] == accountIndex && positionSigner[i]) {
                return true;
            }
        }
        return false;
    }

    /** True if any position of this frame gives the transaction account the writable privilege. */
    boolean isWritable(final int accountIndex) {
        for (int i = 0; i < distinctCount; i++) {
            if (distinctAccount[i] == accountIndex) {
                return distinctWritable[i];
            }
        }
        return false;
    }

    /** True if the transaction account is one of this frame's accounts. */
    boolean contains(final int accountIndex) {
        for (int i = 0; i < distinctCount; i++) {
            if (distinctAccount[i] == accountIndex) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Pubkey programId() {
        return program.id();
    }

    @Override
    public int accountCount() {
        return positionCount;
    }

    @Override
    public AccountView account(final int index) {
        if (index < 0 || index >= positionCount) {
            throw ProgramError.of(InstructionError.Kind.NotEnoughAccountKeys);
        }
        if (views.length < positionCount) {
            final int oldLength = views.length;
            views = Arrays.copyOf(views, Math.max(positionCount, oldLength * 2));
            for (int i = oldLength; i < views.length; i++) {
                views[i] = new TransactionView();
            }
        }
        final int accountIndex = positionAccount[index];
        return views[index].point(
            executor.account(accountIndex), executor.key(accountIndex), positionSigner[index], positionWritable[index]);
    }

    @Override
    public DirectBuffer instructionData() {
        return instructionData;
    }

    @Override
    public void invoke(final Instruction instruction) {
        executor.invoke(this, instruction, null);
    }

    @Override
    public void invokeSigned(final Instruction instruction, final byte[][]... signerSeeds) {
        executor.invoke(this, instruction, signerSeeds);
    }

    @Override
    public void log(final String message) {
        executor.logs().message(message);
    }

    @Override
    public void consumeComputeUnits(final long units) {
        executor.consumeComputeUnits(units);
    }

    @Override
    public long remainingComputeUnits() {
        return executor.remainingComputeUnits();
    }

    @Override
    public long slot() {
        return executor.slot();
    }

    @Override
    public int stackHeight() {
        return stackHeight;
    }

    @Override
    public void addCommutative(final int index, final long delta) {
        if (index < 0 || index >= positionCount) {
            throw ProgramError.of(InstructionError.Kind.NotEnoughAccountKeys);
        }
        executor.addCommutative(positionAccount[index], program.id(), delta);
    }
}
