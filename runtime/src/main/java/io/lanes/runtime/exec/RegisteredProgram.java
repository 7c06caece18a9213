package io.lanes.runtime.exec;

import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.Program;

/**
 * A program the runtime can execute, with what the executor needs to account for a call.
 *
 * @param id                  the program id (its executable account's key)
 * @param name                for logs and errors
 * @param program             the code
 * @param baseComputeUnits    units charged for every call before the program runs
 * @param logsComputeUnits    whether the logs carry a "consumed X of Y compute units" line, as
 *                            Solana prints for on-chain programs (not for its builtins)
 */
public record RegisteredProgram(Pubkey id, String name, Program program, long baseComputeUnits, boolean logsComputeUnits) {
}
