package io.lanes.bench.workload;

import io.lanes.sdk.Pubkey;

/**
 * An account with an owner and data in a workload's genesis (a token account, a pool).
 *
 * @param key        its address
 * @param lamports   its balance (more than 0)
 * @param owner      the owning program
 * @param executable whether it is a program account
 * @param data       its data, copied into the store
 */
public record GenesisAccount(Pubkey key, long lamports, Pubkey owner, boolean executable, byte[] data) {
}
