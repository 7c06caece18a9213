/**
 * One running Lanes process ({@link io.lanes.runtime.node.LanesNode}): the persisted accounts in
 * the data dir, genesis on first start, the bank, the parallel runtime and the slot clock, and an
 * orderly stop that finishes in-flight work and persists the accounts.
 */
package io.lanes.runtime.node;
