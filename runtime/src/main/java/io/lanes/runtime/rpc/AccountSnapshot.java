package io.lanes.runtime.rpc;

import io.lanes.sdk.Pubkey;

/**
 * An account as RPC reports it, copied out of the store at one consistent point.
 *
 * @param key        the address
 * @param lamports   balance; an account that does not exist is reported as null, never as 0 here
 * @param owner      owning program
 * @param executable whether it is a program
 * @param rentEpoch  Solana's rent epoch field (Lanes keeps it as stored; new accounts use u64::MAX like Solana)
 * @param data       the data bytes (a copy)
 */
public record AccountSnapshot(Pubkey key, long lamports, Pubkey owner, boolean executable, long rentEpoch, byte[] data) {
}
