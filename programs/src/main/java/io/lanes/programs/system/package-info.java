/**
 * The System program: creates accounts, transfers lamports, allocates data and assigns owners,
 * with Solana's bincode instruction encoding ({@link io.lanes.programs.system.SystemInstruction})
 * and error codes ({@link io.lanes.programs.system.SystemError}). Nonce accounts are not
 * supported. Depends on the SDK only.
 */
package io.lanes.programs.system;
