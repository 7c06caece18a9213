/**
 * A constant-product AMM ({@code x * y = k}) over SPL Token: the program
 * ({@link io.lanes.programs.amm.AmmProgram}, id {@code SHA-256("lanes-amm")}), client-side
 * instruction builders ({@link io.lanes.programs.amm.AmmInstruction}), the pool account's layout
 * reader ({@link io.lanes.programs.amm.PoolLayout}), the pool's derived addresses
 * ({@link io.lanes.programs.amm.PoolAddresses}), the pricing formulas
 * ({@link io.lanes.programs.amm.ConstantProduct}) on allocation-free u128-style arithmetic
 * ({@link io.lanes.programs.amm.WideArithmetic}) and the error codes
 * ({@link io.lanes.programs.amm.AmmError}).
 *
 * <p>A pool is created by the client (System createAccount, {@code AmmInstruction.createPoolAccount})
 * and initialized by the program, which creates its two vaults and its LP mint at program-derived
 * addresses of the pool through System and Token calls. Deposits, withdrawals and swaps move
 * tokens only through cross-program calls into Token; the pool records its reserves, which equal
 * the vault balances as long as nobody donates to a vault.
 *
 * <p>LP tokens burned directly through Token leave their share in the pool for the remaining
 * holders; if every LP token is burned that way, the next deposit counts as a first deposit and
 * its depositor owns the reserves left behind.
 *
 * <p>Not modelled: Uniswap's locked minimum liquidity (the first depositor holds every LP token),
 * protocol fees, and recovery of the vault or LP mint addresses if someone funds them before the
 * pool is initialized (initialization then fails).
 *
 * <p>Depends on: the SDK and the System and Token programs' builders and layouts; never on the
 * runtime. Threading: stateless, shared by all workers.
 */
package io.lanes.programs.amm;
