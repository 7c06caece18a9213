package io.lanes.bench.workload;

import io.lanes.programs.amm.AmmProgram;
import io.lanes.programs.amm.ConstantProduct;
import io.lanes.programs.amm.PoolAddresses;
import io.lanes.programs.amm.PoolLayout;
import io.lanes.programs.token.MintLayout;
import io.lanes.programs.token.TokenAccountLayout;
import io.lanes.programs.token.TokenProgram;
import io.lanes.runtime.store.AccountBuffer;
import io.lanes.runtime.store.AccountStore;
import io.lanes.sdk.Pubkey;
import io.lanes.sdk.program.Rent;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Two SPL Token mints A and B, constant-product pools that all trade A against B, and for each
 * numbered user a token account of each mint: the token side of the genesis of W3 and W5, written
 * straight into the store (byte layouts of {@link MintLayout}, {@link TokenAccountLayout} and
 * {@link PoolLayout}, vaults owned by each pool's authority PDA, an LP mint whose supply one
 * provider account holds) instead of running initialization transactions.
 *
 * <p>Every pool starts with {@link #RESERVE_UNITS} of each token and every user with
 * {@link #USER_UNITS} of each: far more than any run of small swaps and transfers can move, so no
 * transaction fails for lack of tokens. {@link #check} verifies, after a run, for every pool:
 * k = reserve A x reserve B never below genesis, vault balances equal the recorded reserves; for
 * each mint: supply unchanged and equal to the sum of its token accounts' balances.
 */
public final class TokenMarket {
    /** Each pool's reserve of each token at genesis, in base units. */
    public static final long RESERVE_UNITS = 1_000_000_000_000L;
    /** Each user's balance of each token at genesis, in base units. */
    public static final long USER_UNITS = 1_000_000_000_000L;
    /** The pools' swap fee. */
    public static final int FEE_BASIS_POINTS = 30;
    static final int DECIMALS = 6;

    private static final int MINT_STREAM = 101;
    private static final int POOL_STREAM = 102;
    private static final int TOKEN_A_STREAM = 103;
    private static final int TOKEN_B_STREAM = 104;
    private static final int LP_HOLDER_STREAM = 105;

    private final Pubkey mintA;
    private final Pubkey mintB;
    private final Pubkey authority;
    private final PoolAddresses[] pools;
    private final Pubkey[] userTokenA;
    private final Pubkey[] userTokenB;

    private TokenMarket(final DeterministicKeys keys, final int poolCount, final int userCount) {
        this.mintA = keys.address(MINT_STREAM, 0);
        this.mintB = keys.address(MINT_STREAM, 1);
        this.authority = keys.address(MINT_STREAM, 2);
        this.pools = new PoolAddresses[poolCount];
        IntStream.range(0, poolCount).parallel().forEach(p -> pools[p] = PoolAddresses.derive(keys.address(POOL_STREAM, p)));
        this.userTokenA = addresses(keys, TOKEN_A_STREAM, userCount);
        this.userTokenB = addresses(keys, TOKEN_B_STREAM, userCount);
    }

    /** A market of {@code poolCount} A/B pools and {@code userCount} users, addresses derived from the keys. */
    public static TokenMarket create(final DeterministicKeys keys, final int poolCount, final int userCount) {
        return new TokenMarket(keys, poolCount, userCount);
    }

    private static Pubkey[] addresses(final DeterministicKeys keys, final int stream, final int count) {
        final Pubkey[] addresses = new Pubkey[count];
        IntStream.range(0, count).parallel().forEach(i -> addresses[i] = keys.address(stream, i));
        return addresses;
    }

    public int poolCount() {
        return pools.length;
    }

    public PoolAddresses pool(final int pool) {
        return pools[pool];
    }

    public Pubkey userTokenA(final int user) {
        return userTokenA[user];
    }

    public Pubkey userTokenB(final int user) {
        return userTokenB[user];
    }

    /** Supply of mint A (equal to mint B's) at genesis. */
    public long supplyUnits() {
        return Math.addExact(Math.multiplyExact(USER_UNITS, (long) userTokenA.length), Math.multiplyExact(RESERVE_UNITS, (long) pools.length));
    }

    /**
     * The genesis accounts: both mints, each user's two token accounts (owned by the user's wallet
     * {@code users[u]}), and per pool its pool account, vaults, LP mint and LP holder.
     */
    public List<GenesisAccount> genesisAccounts(final Pubkey[] users, final DeterministicKeys keys) {
        final List<GenesisAccount> accounts = new ArrayList<>(2 + 2 * users.length + 5 * pools.length);
        accounts.add(mint(mintA, authority, supplyUnits()));
        accounts.add(mint(mintB, authority, supplyUnits()));
        for (int user = 0; user < users.length; user++) {
            accounts.add(tokenAccount(userTokenA[user], mintA, users[user], USER_UNITS));
            accounts.add(tokenAccount(userTokenB[user], mintB, users[user], USER_UNITS));
        }
        for (int pool = 0; pool < pools.length; pool++) {
            addPool(accounts, pools[pool], keys.address(LP_HOLDER_STREAM, pool));
        }
        return accounts;
    }

    private void addPool(final List<GenesisAccount> accounts, final PoolAddresses pool, final Pubkey lpHolder) {
        final long lpSupply = ConstantProduct.initialLiquidity(RESERVE_UNITS, RESERVE_UNITS);
        accounts.add(new GenesisAccount(pool.pool(), Rent.minimumBalance(PoolLayout.LENGTH), AmmProgram.ID, false, poolBytes(pool)));
        accounts.add(tokenAccount(pool.vaultA(), mintA, pool.authority(), RESERVE_UNITS));
        accounts.add(tokenAccount(pool.vaultB(), mintB, pool.authority(), RESERVE_UNITS));
        accounts.add(mint(pool.lpMint(), pool.authority(), lpSupply));
        accounts.add(tokenAccount(lpHolder, pool.lpMint(), lpHolder, lpSupply));
    }

    private static GenesisAccount mint(final Pubkey key, final Pubkey mintAuthority, final long supply) {
        return new GenesisAccount(key, Rent.minimumBalance(MintLayout.LENGTH), TokenProgram.ID, false,
            MintLayout.encode(mintAuthority, supply, DECIMALS, true, null));
    }

    private static GenesisAccount tokenAccount(final Pubkey key, final Pubkey mint, final Pubkey owner, final long amount) {
        return new GenesisAccount(key, Rent.minimumBalance(TokenAccountLayout.LENGTH), TokenProgram.ID, false,
            TokenAccountLayout.encode(mint, owner, amount, TokenAccountLayout.STATE_INITIALIZED));
    }

    /** The 216 bytes of an initialized pool holding the genesis reserves (as PoolLayout.initialize writes them). */
    private byte[] poolBytes(final PoolAddresses pool) {
        final byte[] bytes = new byte[PoolLayout.LENGTH];
        final UnsafeBuffer data = new UnsafeBuffer(bytes);
        data.putByte(PoolLayout.STATE_OFFSET, (byte) PoolLayout.STATE_INITIALIZED);
        data.putByte(PoolLayout.AUTHORITY_BUMP_OFFSET, (byte) pool.authorityBump());
        data.putByte(PoolLayout.VAULT_A_BUMP_OFFSET, (byte) pool.vaultABump());
        data.putByte(PoolLayout.VAULT_B_BUMP_OFFSET, (byte) pool.vaultBBump());
        data.putByte(PoolLayout.LP_MINT_BUMP_OFFSET, (byte) pool.lpMintBump());
        data.putShort(PoolLayout.FEE_BASIS_POINTS_OFFSET, (short) FEE_BASIS_POINTS, ByteOrder.LITTLE_ENDIAN);
        pool.authority().copyTo(data, PoolLayout.AUTHORITY_OFFSET);
        mintA.copyTo(data, PoolLayout.MINT_A_OFFSET);
        mintB.copyTo(data, PoolLayout.MINT_B_OFFSET);
        pool.vaultA().copyTo(data, PoolLayout.VAULT_A_OFFSET);
        pool.vaultB().copyTo(data, PoolLayout.VAULT_B_OFFSET);
        pool.lpMint().copyTo(data, PoolLayout.LP_MINT_OFFSET);
        data.putLong(PoolLayout.RESERVE_A_OFFSET, RESERVE_UNITS, ByteOrder.LITTLE_ENDIAN);
        data.putLong(PoolLayout.RESERVE_B_OFFSET, RESERVE_UNITS, ByteOrder.LITTLE_ENDIAN);
        return bytes;
    }

    /**
     * Pools (k never below genesis, vaults = reserves) and both mints (supply unchanged, = sum of
     * balances) after a run. Reads what it compares from the genesis (mints first, pools owned by
     * the AMM), so it also works on a workload loaded from the cache.
     */
    public static InvariantResult check(final GenesisState genesis, final AccountStore store) {
        InvariantResult result = checkPools(genesis, store);
        for (final GenesisAccount mint : genesis.dataAccounts().subList(0, 2)) {
            result = result.and(checkSupply(store, mint));
        }
        return result;
    }

    private static InvariantResult checkPools(final GenesisState genesis, final AccountStore store) {
        final AccountBuffer buffer = new AccountBuffer();
        int pools = 0;
        int kDecreased = 0;
        int vaultMismatches = 0;
        for (final GenesisAccount pool : genesis.dataAccounts()) {
            if (!pool.owner().equals(AmmProgram.ID)) {
                continue;
            }
            pools++;
            final UnsafeBuffer start = new UnsafeBuffer(pool.data());
            final DirectBuffer now = load(store, pool.key(), buffer);
            final long reserveA = PoolLayout.reserveA(now);
            final long reserveB = PoolLayout.reserveB(now);
            if (product(reserveA, reserveB).compareTo(product(PoolLayout.reserveA(start), PoolLayout.reserveB(start))) < 0) {
                kDecreased++;
            }
            final Pubkey vaultA = PoolLayout.vaultA(now);
            final Pubkey vaultB = PoolLayout.vaultB(now);
            if (tokenAmount(store, vaultA, buffer) != reserveA || tokenAmount(store, vaultB, buffer) != reserveB) {
                vaultMismatches++;
            }
        }
        return InvariantResult.of(kDecreased == 0 && vaultMismatches == 0,
            pools + " pools: k decreased in " + kDecreased + ", vaults != reserves in " + vaultMismatches);
    }

    private static InvariantResult checkSupply(final AccountStore store, final GenesisAccount mint) {
        final long genesisSupply = MintLayout.supply(new UnsafeBuffer(mint.data()));
        final AccountBuffer buffer = new AccountBuffer();
        final long supply = MintLayout.supply(load(store, mint.key(), buffer));
        final long[] balances = {0};
        store.forEachAccountOwnedBy(TokenProgram.ID, slot -> {
            store.load(slot, buffer);
            if (buffer.dataLength() == TokenAccountLayout.LENGTH && TokenAccountLayout.hasMint(buffer.data(), mint.key())) {
                balances[0] = Math.addExact(balances[0], TokenAccountLayout.amount(buffer.data()));
            }
        });
        final boolean ok = supply == genesisSupply && balances[0] == supply;
        return InvariantResult.of(ok, "mint supply " + supply + (supply == genesisSupply ? " unchanged" : " != genesis " + genesisSupply)
            + ", token balances sum " + balances[0]);
    }

    private static BigInteger product(final long reserveA, final long reserveB) {
        return unsigned(reserveA).multiply(unsigned(reserveB));
    }

    private static long tokenAmount(final AccountStore store, final Pubkey account, final AccountBuffer buffer) {
        return TokenAccountLayout.amount(load(store, account, buffer));
    }

    private static DirectBuffer load(final AccountStore store, final Pubkey key, final AccountBuffer buffer) {
        final int slot = store.find(key);
        if (slot < 0) {
            throw new IllegalStateException("account missing from the store: " + key);
        }
        store.load(slot, buffer);
        return buffer.data();
    }

    private static BigInteger unsigned(final long value) {
        return new BigInteger(Long.toUnsignedString(value));
    }
}
