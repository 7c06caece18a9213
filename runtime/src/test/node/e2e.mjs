// End-to-end check of a running Lanes node with the unmodified official Solana JS SDK.
// Usage: node e2e.mjs <rpc-url> <faucet-keypair.json>   (websocket = rpc port + 1, as Solana)
// Prints "ok <step>" per step and "e2e ok" at the end; exits non-zero on the first failure.
import {
  Connection, Keypair, LAMPORTS_PER_SOL, PublicKey, SystemProgram, Transaction,
  sendAndConfirmTransaction, SendTransactionError,
} from '@solana/web3.js';
import {
  createMint, getOrCreateAssociatedTokenAccount, mintTo, transferChecked, getAccount, getMint,
} from '@solana/spl-token';
import { readFileSync } from 'node:fs';

const [rpcUrl, faucetFile] = process.argv.slice(2);
const connection = new Connection(rpcUrl, 'confirmed');
const FEE = 5000;

function check(condition, message) {
  if (!condition) {
    throw new Error('check failed: ' + message);
  }
}

function step(name) {
  console.log('ok ' + name);
}

async function airdrop(to, lamports) {
  const signature = await connection.requestAirdrop(to, lamports);
  const latest = await connection.getLatestBlockhash();
  const status = await connection.confirmTransaction({ signature, ...latest }, 'confirmed');
  check(status.value.err === null, 'airdrop failed: ' + JSON.stringify(status.value.err));
}

async function confirmedTransaction(signature) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const found = await connection.getTransaction(signature, { commitment: 'confirmed', maxSupportedTransactionVersion: 0 });
    if (found !== null) {
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('transaction ' + signature + ' never reached confirmed');
}

async function main() {
  const version = await connection.getVersion();
  check(typeof version['solana-core'] === 'string', 'getVersion');
  step('getVersion ' + version['solana-core']);

  const faucet = Keypair.fromSecretKey(Uint8Array.from(JSON.parse(readFileSync(faucetFile, 'utf8'))));
  check((await connection.getBalance(faucet.publicKey)) > 0, 'faucet is funded');

  const alice = Keypair.generate();
  const bob = Keypair.generate();
  await airdrop(alice.publicKey, 2 * LAMPORTS_PER_SOL);
  check((await connection.getBalance(alice.publicKey)) === 2 * LAMPORTS_PER_SOL, 'airdrop balance');
  step('airdrop');

  const transfer = new Transaction().add(SystemProgram.transfer({
    fromPubkey: alice.publicKey, toPubkey: bob.publicKey, lamports: LAMPORTS_PER_SOL / 2,
  }));
  const transferSignature = await sendAndConfirmTransaction(connection, transfer, [alice]);
  check((await connection.getBalance(alice.publicKey)) === 2 * LAMPORTS_PER_SOL - LAMPORTS_PER_SOL / 2 - FEE, 'alice after transfer and fee');
  check((await connection.getBalance(bob.publicKey)) === LAMPORTS_PER_SOL / 2, 'bob after transfer');
  step('sendAndConfirmTransaction ' + transferSignature);

  const statuses = await connection.getSignatureStatuses([transferSignature], { searchTransactionHistory: true });
  check(statuses.value[0] !== null && statuses.value[0].err === null, 'signature status');
  const confirmed = await confirmedTransaction(transferSignature);
  check(confirmed.meta.fee === FEE, 'getTransaction fee');
  step('getSignatureStatuses and getTransaction');

  const mint = await createMint(connection, alice, alice.publicKey, null, 6);
  const aliceTokens = await getOrCreateAssociatedTokenAccount(connection, alice, mint, alice.publicKey);
  const bobTokens = await getOrCreateAssociatedTokenAccount(connection, alice, mint, bob.publicKey);
  await mintTo(connection, alice, mint, aliceTokens.address, alice, 1_000_000);
  await transferChecked(connection, alice, aliceTokens.address, mint, bobTokens.address, alice, 250_000, 6);
  const bobBalance = await connection.getTokenAccountBalance(bobTokens.address);
  check(bobBalance.value.amount === '250000' && bobBalance.value.decimals === 6, 'bob token balance ' + JSON.stringify(bobBalance.value));
  check((await getAccount(connection, aliceTokens.address)).amount === 750_000n, 'alice token amount');
  check((await getMint(connection, mint)).supply === 1_000_000n, 'supply');
  step('spl-token mint, ATA, mintTo, transferChecked, getTokenAccountBalance');

  const tooMuch = new Transaction().add(SystemProgram.transfer({
    fromPubkey: bob.publicKey, toPubkey: alice.publicKey, lamports: 10 * LAMPORTS_PER_SOL,
  }));
  try {
    await sendAndConfirmTransaction(connection, tooMuch, [bob]);
    check(false, 'an overdraft must fail preflight');
  } catch (error) {
    check(error instanceof SendTransactionError, 'preflight failure is a SendTransactionError: ' + error);
    const logs = error.logs ?? (await error.getLogs(connection));
    check(Array.isArray(logs) && logs.some((line) => line.includes('failed')), 'preflight logs: ' + JSON.stringify(logs));
  }
  step('preflight failure with logs');

  const bobBefore = await connection.getBalance(bob.publicKey);
  const latest = await connection.getLatestBlockhash();
  tooMuch.recentBlockhash = latest.blockhash;
  tooMuch.feePayer = bob.publicKey;
  tooMuch.sign(bob);
  const failedSignature = await connection.sendRawTransaction(tooMuch.serialize(), { skipPreflight: true });
  // web3.js either resolves with value.err or rejects with the err object itself (when its status
  // lookup after subscribing sees the failure first), as it does against Solana.
  let failedErr;
  try {
    failedErr = (await connection.confirmTransaction({ signature: failedSignature, ...latest }, 'confirmed')).value.err;
  } catch (error) {
    failedErr = error;
  }
  check(JSON.stringify(failedErr) === JSON.stringify({ InstructionError: [0, { Custom: 1 }] }), 'confirmed error ' + JSON.stringify(failedErr));
  const failed = await confirmedTransaction(failedSignature);
  check(JSON.stringify(failed.meta.err) === JSON.stringify({ InstructionError: [0, { Custom: 1 }] }), 'error ' + JSON.stringify(failed.meta.err));
  check(failed.meta.logMessages.some((line) => line.includes('failed')), 'failed logs');
  check((await connection.getBalance(bob.publicKey)) === bobBefore - FEE, 'a failed transaction pays only the fee');
  step('failed transaction error and logs');

  try {
    await connection.sendRawTransaction(tooMuch.serialize(), { skipPreflight: true });
    check(false, 'a duplicate must be rejected');
  } catch (error) {
    check(String(error).toLowerCase().includes('already'), 'duplicate rejected: ' + error);
  }
  step('duplicate rejected');
  console.log('e2e ok');
}

main().then(() => process.exit(0)).catch((error) => {
  console.error('e2e failed: ' + (error && error.stack ? error.stack : JSON.stringify(error)));
  process.exit(1);
});
