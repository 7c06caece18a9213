/**
 * An in-process bank for contract authors' tests ({@link io.lanes.runtime.harness.TestBank}):
 * genesis, airdrops, signed transactions, account and log reads, slot warps, with the same
 * executor as the runtime and no threads or network. Depends on exec and store.
 */
package io.lanes.runtime.harness;
