package io.lanes.runtime.exec;

import io.lanes.programs.system.SystemProgram;
import io.lanes.runtime.store.AccountBuffer;
import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.AccountMeta;
import io.lanes.sdk.program.Instruction;
import io.lanes.sdk.program.InstructionError;
import io.lanes.sdk.program.InvokeContext;
import io.lanes.sdk.program.ProgramDerivedAddress;
import io.lanes.sdk.program.ProgramError;
import io.lanes.sdk.program.TransactionError;
import io.lanes.sdk.wire.CompiledInstruction;
import io.lanes.sdk.wire.Message;

import java.util.Arrays;
import java.util.List;

/**
 * Executes one resolved transaction against the account store with Solana's rules. The one code
 * path behind the sequential baseline, the parallel workers, simulation, replay and the test
 * harness.
 *
 * <p>Order of work, as in Solana: load the accounts into private working copies; validate and
 * charge the fee payer (a payer that cannot pay rejects the transaction: no fee, no trace); check
 * that each instruction's program exists; run the instructions, checking the account rules after
 * each call; check rent at the end; then either commit every writable account, or, if anything
 * failed, only the fee debit.
 *
 * <p>Not thread-safe: each worker owns one executor. The caller guarantees (through the lock
 * table) that no other thread touches this transaction's accounts meanwhile.
 */
public final class TransactionExecutor {
    /** Compute units a cross-program call costs, as Solana's invoke_units. */
    public static final long INVOKE_COMPUTE_UNITS = 1_000;

    private final AccountStore store;
    private final ProgramRegistry programs;
    private static final int MAX_CACHED_DERIVATIONS = 4096;
    private final java.util.Map<DerivationKey, Pubkey> derivedAddresses = new java.util.HashMap<>();
    private final InvocationFrame[] frames = new InvocationFrame[InvokeContext.MAX_INVOKE_STACK_HEIGHT];
    private AccountBuffer[] accounts = new AccountBuffer[0];
    private long[] lamportsBefore = new long[16];
    private long[] lamportsAfter = new long[16];
    private int[] dataLengthBefore = new int[16];
    private boolean commit;

    private ResolvedTransaction transaction;
    private ExecutionResult result;
    private long slot;
    private long computeUnitsRemaining;
    private InstructionError pendingFailure;
    private final CommutativeAdds commutativeAdds = new CommutativeAdds();

    public TransactionExecutor(final AccountStore store, final ProgramRegistry programs) {
        this.store = store;
        this.programs = programs;
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new InvocationFrame(this, i + 1);
        }
    }

    /**
     * Executes the transaction and commits its outcome to the store.
     *
     * @param slot   the slot it executes in
     * @param result overwritten with the outcome
     */
    public void execute(final ResolvedTransaction transaction, final long slot, final ExecutionResult result) {
        run(transaction, slot, result, true);
    }

    /**
     * Executes the transaction without committing anything (RPC simulateTransaction): the
     * outcome goes into {@code result}, and {@link #accountAfter} shows each account as the
     * transaction left it, until the next call.
     */
    public void simulate(final ResolvedTransaction transaction, final long slot, final ExecutionResult result) {
        run(transaction, slot, result, false);
    }

    /** After {@link #simulate}: the working copy of the message's account at this index. */
    public AccountBuffer accountAfter(final int accountIndex) {
        return accounts[accountIndex];
    }

    private void run(final ResolvedTransaction transaction, final long slot, final ExecutionResult result, final boolean commit) {
        this.commit = commit;
        this.transaction = transaction;
        this.result = result;
        this.slot = slot;
        this.pendingFailure = null;
        commutativeAdds.beginTransaction();
        result.reset();
        try {
            executeLoaded();
        } finally {
            this.transaction = null;
            this.result = null;
            this.commit = false;
        }
    }

    private void executeLoaded() {
        if (transaction.budgetError() != null) {
            result.reject(transaction.budgetError());
            return;
        }
        loadAccounts();
        final long fee = transaction.budget().fee();
        final TransactionError payerError = chargeFee(fee);
        if (payerError != null) {
            result.reject(payerError);
            return;
        }
        computeUnitsRemaining = transaction.budget().unitLimit();
        final TransactionError error = executeInstructions();
        final long unitsConsumed = transaction.budget().unitLimit() - computeUnitsRemaining;
        if (error == null) {
            commitAll();
            if (commit) {
                commutativeAdds.commitTransaction();
            }
            result.succeed(fee, unitsConsumed);
        } else {
            if (commit) {
                store.saveLamports(transaction.slot(0), lamportsBefore[0] - fee);
            }
            result.fail(error, fee, unitsConsumed);
        }
        recordBalances(error == null, fee, result);
    }

    private void recordBalances(final boolean succeeded, final long fee, final ExecutionResult result) {
        final int count = transaction.accountCount();
        for (int i = 0; i < count; i++) {
            lamportsAfter[i] = succeeded ? accounts[i].lamports() : lamportsBefore[i];
        }
        if (!succeeded) {
            lamportsAfter[0] = lamportsBefore[0] - fee;
        }
        result.balances(count, lamportsBefore, lamportsAfter);
    }

    private void loadAccounts() {
        final int count = transaction.accountCount();
        ensureAccounts(count);
        for (int i = 0; i < count; i++) {
            store.load(transaction.slot(i), accounts[i]);
            lamportsBefore[i] = accounts[i].lamports();
            dataLengthBefore[i] = accounts[i].dataLength();
        }
    }

    private void ensureAccounts(final int count) {
        if (accounts.length < count) {
            final int oldLength = accounts.length;
            accounts = Arrays.copyOf(accounts, Math.max(count, oldLength * 2));
            for (int i = oldLength; i < accounts.length; i++) {
                accounts[i] = new AccountBuffer();
            }
            lamportsBefore = Arrays.copyOf(lamportsBefore, accounts.length);
            lamportsAfter = Arrays.copyOf(lamportsAfter, accounts.length);
            dataLengthBefore = Arrays.copyOf(dataLengthBefore, accounts.length);
        }
    }

    /** Solana's fee payer validation; on success the fee is debited from the working copy. */
    private TransactionError chargeFee(final long fee) {
        final AccountBuffer payer = accounts[0];
        if (payer.lamports() == 0) {
            return TransactionError.of(TransactionError.Kind.AccountNotFound);
        }
        if (!payer.owner().equals(SystemProgram.ID) || payer.dataLength() != 0 || !transaction.message().isWritable(0)) {
            return TransactionError.of(TransactionError.Kind.InvalidAccountForFee);
        }
        if (payer.lamports() < fee) {
            return TransactionError.of(TransactionError.Kind.InsufficientFundsForFee);
        }
        final long remaining = payer.lamports() - fee;
        if (!AccountRules.rentStateAllowed(payer.lamports(), 0, remaining, 0)) {
            return TransactionError.insufficientFundsForRent(0);
        }
        payer.lamports(remaining);
        lamportsBefore[0] = remaining + fee;
        return null;
    }

    private TransactionError executeInstructions() {
        final Message message = transaction.message();
        final TransactionError programError = checkPrograms(message);
        if (programError != null) {
            return programError;
        }
        for (int i = 0; i < message.instructionCount(); i++) {
            final InstructionError error = executeTopLevel(message, message.instruction(i));
            if (error != null) {
                return TransactionError.instruction(i, error);
            }
        }
        return checkRent(message);
    }

    /** Every called program must exist as an executable account and as registered code. */
    private TransactionError checkPrograms(final Message message) {
        for (int i = 0; i < message.instructionCount(); i++) {
            final int programIndex = message.instruction(i).programIdIndex();
            final AccountBuffer programAccount = accounts[programIndex];
            if (programAccount.lamports() == 0) {
                return TransactionError.of(TransactionError.Kind.ProgramAccountNotFound);
            }
            if (!programAccount.executable()) {
                return TransactionError.of(TransactionError.Kind.InvalidProgramForExecution);
            }
        }
        return null;
    }

    private InstructionError executeTopLevel(final Message message, final CompiledInstruction instruction) {
        final Pubkey programId = message.accountKey(instruction.programIdIndex());
        final RegisteredProgram program = programs.find(programId);
        if (program == null) {
            return InstructionError.of(InstructionError.Kind.UnsupportedProgramId);
        }
        final InvocationFrame frame = frames[0];
        frame.begin(program, instruction.data());
        for (int position = 0; position < instruction.accountCount(); position++) {
            final int accountIndex = instruction.accountIndex(position);
            frame.addPosition(accountIndex, message.isSigner(accountIndex), message.isWritable(accountIndex));
        }
        return call(frame);
    }

    /** Runs a prepared frame: snapshot, log, charge, run the program, check the rules. */
    private InstructionError call(final InvocationFrame frame) {
        final RegisteredProgram program = frame.program();
        final LogRecorder logs = result.logs();
        logs.invoke(program.id(), frame.stackHeight());
        frame.snapshot();
        final long unitsAtStart = computeUnitsRemaining;
        InstructionError error = runProgram(frame, program);
        if (error == null) {
            error = frame.verify();
        }
        if (program.logsComputeUnits()) {
            logs.consumed(program.id(), unitsAtStart - computeUnitsRemaining, unitsAtStart);
        }
        if (error == null) {
            logs.success(program.id());
        } else {
            logs.failed(program.id(), error);
        }
        return error;
    }

    private InstructionError runProgram(final InvocationFrame frame, final RegisteredProgram program) {
        try {
            consumeComputeUnits(program.baseComputeUnits());
            program.program().process(frame);
        } catch (final ProgramError failure) {
            return pendingFailureOr(failure.error());
        } catch (final RuntimeException | StackOverflowError crash) {
            result.logs().message("program crashed: " + crash);
            return pendingFailureOr(InstructionError.of(InstructionError.Kind.ProgramFailedToComplete));
        }
        // A program may catch a failed cross-program call's ProgramError; the call still failed.
        return pendingFailureOr(null);
    }

    private InstructionError pendingFailureOr(final InstructionError error) {
        return pendingFailure != null ? pendingFailure : error;
    }

    /**
     * A cross-program invocation from {@code caller}. Checks depth, reentrancy and privileges
     * (no signer or writable escalation; program-derived signers from the seeds), checks the
     * caller's changes so far, runs the callee with its own rule checks, then re-baselines the
     * caller so that the callee's changes are not charged to it.
     */
    void invoke(final InvocationFrame caller, final Instruction instruction, final byte[][][] signerSeeds) {
        if (pendingFailure != null) {
            throw new ProgramError(pendingFailure);
        }
        final InstructionError error = invokeChecked(caller, instruction, signerSeeds);
        if (error != null) {
            pendingFailure = error;
            throw new ProgramError(error);
        }
    }

    private InstructionError invokeChecked(
        final InvocationFrame caller, final Instruction instruction, final byte[][][] signerSeeds) {
        final InstructionError budgetError = consumeComputeUnitsOrError(INVOKE_COMPUTE_UNITS);
        if (budgetError != null) {
            return budgetError;
        }
        if (caller.stackHeight() >= frames.length) {
            return InstructionError.of(InstructionError.Kind.CallDepth);
        }
        final RegisteredProgram callee = programs.find(instruction.programId());
        if (callee == null || indexOfKey(instruction.programId()) < 0) {
            return InstructionError.of(callee == null ? InstructionError.Kind.UnsupportedProgramId : InstructionError.Kind.MissingAccount);
        }
        if (isReentrant(caller, callee)) {
            return InstructionError.of(InstructionError.Kind.ReentrancyNotAllowed);
        }
        final InvocationFrame frame = frames[caller.stackHeight()];
        final InstructionError setupError = setUpCallee(caller, frame, callee, instruction, signerSeeds);
        if (setupError != null) {
            return setupError;
        }
        final InstructionError callerError = caller.verify();
        if (callerError != null) {
            return callerError;
        }
        final InstructionError calleeError = call(frame);
        caller.snapshot();
        return calleeError;
    }

    private InstructionError setUpCallee(
        final InvocationFrame caller, final InvocationFrame frame, final RegisteredProgram callee,
        final Instruction instruction, final byte[][][] signerSeeds) {
        final Pubkey[] derivedSigners;
        try {
            derivedSigners = deriveSigners(caller.programId(), signerSeeds);
        } catch (final ProgramError failure) {
            return failure.error();
        }
        frame.begin(callee, instruction.dataUnsafe());
        final List<AccountMeta> metas = instruction.accounts();
        for (int position = 0; position < metas.size(); position++) {
            final AccountMeta meta = metas.get(position);
            final int accountIndex = indexOfKey(meta.key());
            if (accountIndex < 0 || !caller.contains(accountIndex)) {
                result.logs().message("Instruction references an unknown account " + meta.key());
                return InstructionError.of(InstructionError.Kind.MissingAccount);
            }
            final boolean signerAllowed = caller.isSigner(accountIndex) || contains(derivedSigners, meta.key());
            if ((meta.isSigner() && !signerAllowed) || (meta.isWritable() && !caller.isWritable(accountIndex))) {
                result.logs().message(meta.key() + "'s " + (meta.isWritable() ? "writable" : "signer") + " privilege escalated");
                return InstructionError.of(InstructionError.Kind.PrivilegeEscalation);
            }
            frame.addPosition(accountIndex, meta.isSigner(), meta.isWritable());
        }
        return null;
    }

    private Pubkey[] deriveSigners(final Pubkey program, final byte[][][] signerSeeds) {
        if (signerSeeds == null || signerSeeds.length == 0) {
            return null;
        }
        final Pubkey[] signers = new Pubkey[signerSeeds.length];
        for (int i = 0; i < signerSeeds.length; i++) {
            signers[i] = derivedAddress(program, signerSeeds[i]);
        }
        return signers;
    }

    /**
     * A program-derived address, remembered per worker: the on-curve check costs ~20-30 us, and
     * hot programs (an AMM pool's authority) sign with the same seeds again and again. Invalid
     * seeds are never cached, so they fail the same way every time.
     */
    private Pubkey derivedAddress(final Pubkey program, final byte[][] seeds) {
        final DerivationKey key = DerivationKey.of(program, seeds);
        Pubkey address = derivedAddresses.get(key);
        if (address == null) {
            address = ProgramDerivedAddress.create(seeds, program);
            if (derivedAddresses.size() >= MAX_CACHED_DERIVATIONS) {
                derivedAddresses.clear();
            }
            derivedAddresses.put(key, address);
        }
        return address;
    }

    /** Program id and seeds, length-prefixed, as one comparable value. */
    private record DerivationKey(byte[] bytes) {
        static DerivationKey of(final Pubkey program, final byte[][] seeds) {
            int length = Pubkey.LENGTH;
            for (final byte[] seed : seeds) {
                length += 1 + seed.length;
            }
            final byte[] bytes = new byte[length];
            program.copyTo(bytes, 0);
            int offset = Pubkey.LENGTH;
            for (final byte[] seed : seeds) {
                bytes[offset++] = (byte) seed.length;
                System.arraycopy(seed, 0, bytes, offset, seed.length);
                offset += seed.length;
            }
            return new DerivationKey(bytes);
        }

        @Override
        public boolean equals(final Object other) {
            return other instanceof DerivationKey && Arrays.equals(bytes, ((DerivationKey) other).bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    private static boolean contains(final Pubkey[] keys, final Pubkey key) {
        if (keys != null) {
            for (final Pubkey candidate : keys) {
                if (candidate.equals(key)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A program may call itself directly, but may not be re-entered through another program. */
    private boolean isReentrant(final InvocationFrame caller, final RegisteredProgram callee) {
        if (caller.program() == callee) {
            return false;
        }
        for (int height = 0; height < caller.stackHeight() - 1; height++) {
            if (frames[height].program() == callee) {
                return true;
            }
        }
        return false;
    }

    private int indexOfKey(final Pubkey key) {
        final Message message = transaction.message();
        for (int i = 0; i < transaction.accountCount(); i++) {
            if (message.accountKey(i).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private TransactionError checkRent(final Message message) {
        for (int i = 0; i < transaction.accountCount(); i++) {
            if (message.isWritable(i)) {
                final AccountBuffer account = accounts[i];
                final long before = i == 0 ? lamportsBefore[0] - transaction.budget().fee() : lamportsBefore[i];
                if (!AccountRules.rentStateAllowed(before, dataLengthBefore[i], account.lamports(), account.dataLength())) {
                    return TransactionError.insufficientFundsForRent(i);
                }
            }
        }
        return null;
    }

    private void commitAll() {
        if (!commit) {
            return;
        }
        final Message message = transaction.message();
        for (int i = 0; i < transaction.accountCount(); i++) {
            if (message.isWritable(i)) {
                store.save(transaction.slot(i), accounts[i]);
            }
        }
    }

    AccountBuffer account(final int accountIndex) {
        return accounts[accountIndex];
    }

    /** {@link io.lanes.sdk.program.InvokeContext#addCommutative}, for the transaction account at this index. */
    void addCommutative(final int accountIndex, final Pubkey program, final long delta) {
        if (transaction.message().isWritable(accountIndex) || delta < 0 || delta > InvokeContext.MAX_COMMUTATIVE_DELTA) {
            throw ProgramError.of(InstructionError.Kind.InvalidArgument);
        }
        final AccountBuffer account = accounts[accountIndex];
        if (!account.owner().equals(program)) {
            throw ProgramError.of(InstructionError.Kind.IncorrectProgramId);
        }
        if (account.dataLength() < Long.BYTES) {
            throw ProgramError.of(InstructionError.Kind.AccountDataTooSmall);
        }
        if (Long.compareUnsigned(CommutativeAdds.counter(account), InvokeContext.MAX_COMMUTATIVE_COUNTER) > 0) {
            throw ProgramError.of(InstructionError.Kind.ArithmeticOverflow);
        }
        commutativeAdds.add(transaction.slot(accountIndex), delta);
    }

    /** True when committed transactions left commutative additions for the block's end. */
    public boolean hasCommutativeAdds() {
        return commutativeAdds.hasBlockAdds();
    }

    /**
     * Applies the commutative additions of the transactions committed since the last call to the
     * store (the block ends). Call with nothing executing on any executor of the store.
     */
    public void applyCommutativeAdds() {
        commutativeAdds.applyTo(store);
    }

    Pubkey key(final int accountIndex) {
        return transaction.message().accountKey(accountIndex);
    }

    LogRecorder logs() {
        return result.logs();
    }

    long slot() {
        return slot;
    }

    void consumeComputeUnits(final long units) {
        final InstructionError error = consumeComputeUnitsOrError(units);
        if (error != null) {
            throw new ProgramError(error);
        }
    }

    private InstructionError consumeComputeUnitsOrError(final long units) {
        if (units < 0 || units > computeUnitsRemaining) {
            computeUnitsRemaining = 0;
            return InstructionError.of(InstructionError.Kind.ComputationalBudgetExceeded);
        }
        computeUnitsRemaining -= units;
        return null;
    }

    long remainingComputeUnits() {
        return computeUnitsRemaining;
    }
}
