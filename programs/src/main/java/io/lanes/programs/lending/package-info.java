/**
 * A minimal lending market over SPL Token: the program
 * ({@link io.lanes.programs.lending.LendingProgram}, id {@code SHA-256("lanes-lending")}),
 * client-side instruction builders ({@link io.lanes.programs.lending.LendingInstruction}), the
 * layout readers of the market, oracle and obligation accounts
 * ({@link io.lanes.programs.lending.MarketLayout}, {@link io.lanes.programs.lending.OracleLayout},
 * {@link io.lanes.programs.lending.ObligationLayout}), the derived addresses
 * ({@link io.lanes.programs.lending.MarketAddresses}), the risk parameters
 * ({@link io.lanes.programs.lending.MarketParameters}), valuation and health formulas
 * ({@link io.lanes.programs.lending.LendingMath}) and the error codes
 * ({@link io.lanes.programs.lending.LendingError}).
 *
 * <p>One market lends one borrow mint against one collateral mint at the price its owner sets in
 * the oracle account. Users deposit collateral into their obligation, borrow up to the
 * loan-to-value limit, repay, and withdraw while the rest of their collateral still covers the
 * debt at that limit. When the debt exceeds the liquidation threshold, anyone may repay it and
 * receive collateral worth the repayment plus the bonus.
 *
 * <p>Not modelled: interest, lenders' deposit shares (the liquidity vault is funded by plain
 * Token transfers into it), close factors (a liquidator may repay the whole debt), price
 * staleness, several reserves per market.
 *
 * <p>Depends on: the SDK and the System and Token programs' builders and layouts; never on the
 * runtime. Threading: stateless, shared by all workers.
 */
package io.lanes.programs.lending;
