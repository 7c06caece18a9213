/**
 * The ComputeBudget program's id and instruction encoding. Its instructions are applied at
 * admission, when the runtime sizes a transaction's compute budget and priority fee; executing
 * them does nothing. Depends on the SDK only.
 */
package io.lanes.programs.computebudget;
