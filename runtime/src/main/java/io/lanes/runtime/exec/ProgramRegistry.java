package io.lanes.runtime.exec;

import io.lanes.programs.amm.AmmProgram;
import io.lanes.programs.ata.AssociatedTokenAccountProgram;
import io.lanes.programs.computebudget.ComputeBudgetProgram;
import io.lanes.programs.lending.LendingProgram;
import io.lanes.programs.tally.TallyProgram;
import io.lanes.programs.memo.MemoProgram;
import io.lanes.programs.system.SystemProgram;
import io.lanes.programs.token.TokenProgram;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.Program;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The programs the runtime can call, by id. Filled before the runtime starts, read-only after:
 * worker threads look programs up without locks.
 */
public final class ProgramRegistry {
    /** Solana's cost of a call to a builtin program. */
    public static final long BUILTIN_COMPUTE_UNITS = 150;

    private final Map<Pubkey, RegisteredProgram> byId = new HashMap<>();
    private final List<RegisteredProgram> inOrder = new ArrayList<>();

    /**
     * A registry with the built-in programs: System and ComputeBudget (as Solana builtins), and
     * SPL Token, Associated Token Account and Memo v2/v1 (as on-chain-style programs that log
     * their compute units), and the Lanes DeFi programs: the constant-product AMM that the
     * benchmark workloads swap on and the lending market.
     */
    public static ProgramRegistry withBuiltins() {
        final ProgramRegistry registry = new ProgramRegistry();
        registry.register(new RegisteredProgram(SystemProgram.ID, "system", new SystemProgram(), BUILTIN_COMPUTE_UNITS, false));
        registry.register(new RegisteredProgram(
            ComputeBudgetProgram.ID, "compute-budget", new ComputeBudgetProgram(), BUILTIN_COMPUTE_UNITS, false));
        registry.register(TokenProgram.ID, "spl-token", new TokenProgram(), TokenProgram.BASE_COMPUTE_UNITS);
        registry.register(AssociatedTokenAccountProgram.ID, "spl-associated-token-account",
            new AssociatedTokenAccountProgram(), AssociatedTokenAccountProgram.BASE_COMPUTE_UNITS);
        registry.register(MemoProgram.ID, "spl-memo", MemoProgram.v2(), MemoProgram.BASE_COMPUTE_UNITS);
        registry.register(MemoProgram.V1_ID, "spl-memo-v1", MemoProgram.v1(), MemoProgram.BASE_COMPUTE_UNITS);
        registry.register(AmmProgram.ID, "lanes-amm", new AmmProgram(), AmmProgram.BASE_COMPUTE_UNITS);
        registry.register(LendingProgram.ID, "lanes-lending", new LendingProgram(), LendingProgram.BASE_COMPUTE_UNITS);
        registry.register(TallyProgram.ID, "lanes-tally", new TallyProgram(), TallyProgram.BASE_COMPUTE_UNITS);
        return registry;
    }

    public ProgramRegistry register(final RegisteredProgram program) {
        if (byId.putIfAbsent(program.id(), program) != null) {
            throw new IllegalArgumentException("a program is already registered at " + program.id());
        }
        inOrder.add(program);
        return this;
    }

    /** Registers an on-chain-style program: logs its compute units like a Solana BPF program. */
    public ProgramRegistry register(final Pubkey id, final String name, final Program program, final long baseComputeUnits) {
        return register(new RegisteredProgram(id, name, program, baseComputeUnits, true));
    }

    /** The program at the id, or null. */
    public RegisteredProgram find(final Pubkey id) {
        return byId.get(id);
    }

    public List<RegisteredProgram> programs() {
        return Collections.unmodifiableList(inOrder);
    }
}
