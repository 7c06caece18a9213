/**
 * SPL Memo v2 ({@code MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr}) and v1
 * ({@code Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo}): UTF-8 validation, v2's signer check and
 * log lines, and instruction builders.
 *
 * <p>Depends on: the SDK only. Threading: stateless; shared by all workers.
 */
package io.lanes.programs.memo;
