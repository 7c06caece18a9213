package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.sdk.Pubkey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** getTokenAccountBalance, getTokenSupply, getTokenAccountsByOwner and jsonParsed token accounts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RpcTokenTest {
    private FakeRpcBackend backend;
    private RpcServer server;
    private RpcTestClient client;
    private final Pubkey mint = RpcTestClient.pubkey("mint");
    private final Pubkey otherMint = RpcTestClient.pubkey("other-mint");
    private final Pubkey owner = RpcTestClient.pubkey("owner");
    private final Pubkey tokenAccount = RpcTestClient.pubkey("token-account");
    private final Pubkey otherAccount = RpcTestClient.pubkey("token-account-2");

    @BeforeAll
    void start() throws Exception {
        backend = new FakeRpcBackend();
        backend.put(new AccountSnapshot(mint, 1_461_600, TokenLayout.TOKEN_PROGRAM, false, -1, mint(1_500_000_000L, 6)));
        backend.put(new AccountSnapshot(otherMint, 1_461_600, TokenLayout.TOKEN_PROGRAM, false, -1, mint(7, 0)));
        backend.put(new AccountSnapshot(tokenAccount, 2_039_280, TokenLayout.TOKEN_PROGRAM, false, -1,
            tokenAccount(mint, owner, 1_500_000)));
        backend.put(new AccountSnapshot(otherAccount, 2_039_280, TokenLayout.TOKEN_PROGRAM, false, -1,
            tokenAccount(otherMint, owner, 7)));
        backend.put(new AccountSnapshot(RpcTestClient.pubkey("stranger"), 2_039_280, TokenLayout.TOKEN_PROGRAM, false, -1,
            tokenAccount(mint, RpcTestClient.pubkey("someone-else"), 1)));
        backend.put(new AccountSnapshot(owner, 10, Pubkey.SYSTEM_PROGRAM, false, -1, new byte[] {1, 2, 3}));
        server = new RpcServer(backend, 0).start();
        client = new RpcTestClient(server.port());
    }

    @AfterAll
    void stop() {
        server.close();
        backend.close();
    }

    static byte[] mint(final long supply, final int decimals) {
        final byte[] data = new byte[TokenLayout.MINT_LENGTH];
        putU64(data, 36, supply);
        data[44] = (byte) decimals;
        data[45] = 1;
        return data;
    }

    static byte[] tokenAccount(final Pubkey mint, final Pubkey owner, final long amount) {
        final byte[] data = new byte[TokenLayout.ACCOUNT_LENGTH];
        mint.copyTo(data, 0);
        owner.copyTo(data, 32);
        putU64(data, 64, amount);
        data[108] = 1;
        return data;
    }

    private static void putU64(final byte[] data, final int offset, final long value) {
        for (int i = 0; i < 8; i++) {
            data[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    private static String json(final String text) {
        return text.replace('\'', '"');
    }

    @Test
    void getTokenAccountBalanceAnswersExactly() {
        assertEquals(json("{'context':{'slot':100,'apiVersion':'2.1.0'},'value':{'amount':'1500000','decimals':6,"
            + "'uiAmount':1.5,'uiAmountString':'1.5'}}"), client.result("getTokenAccountBalance", tokenAccount.toBase58()).toString());
        assertEquals("Invalid param: could not find account",
            client.error("getTokenAccountBalance", RpcTestClient.pubkey("nobody").toBase58()).get("message").textValue());
        assertEquals("Invalid param: not a Token account",
            client.error("getTokenAccountBalance", mint.toBase58()).get("message").textValue());
    }

    @Test
    void getTokenSupply() {
        assertEquals(json("{'amount':'1500000000','decimals':6,'uiAmount':1500.0,'uiAmountString':'1500'}"),
            client.result("getTokenSupply", mint.toBase58()).get("value").toString());
        assertEquals(json("{'amount':'7','decimals':0,'uiAmount':7.0,'uiAmountString':'7'}"),
            client.result("getTokenSupply", otherMint.toBase58()).get("value").toString());
        assertEquals("Invalid param: not a Token mint",
            client.error("getTokenSupply", tokenAccount.toBase58()).get("message").textValue());
    }

    @Test
    void getTokenAccountsByOwnerByMintAndByProgram() {
        final JsonNode byMint = client.result("getTokenAccountsByOwner", owner.toBase58(), Map.of("mint", mint.toBase58()),
            Map.of("encoding", "base64")).get("value");
        assertEquals(1, byMint.size());
        assertEquals(tokenAccount.toBase58(), byMint.get(0).get("pubkey").textValue());
        assertEquals(165, byMint.get(0).get("account").get("space").intValue());
        final JsonNode byProgram = client.result("getTokenAccountsByOwner", owner.toBase58(),
            Map.of("programId", TokenLayout.TOKEN_PROGRAM.toBase58()), Map.of("encoding", "base64")).get("value");
        assertEquals(2, byProgram.size());
        assertEquals("Invalid param: unrecognized Token program id", client.error("getTokenAccountsByOwner", owner.toBase58(),
            Map.of("programId", owner.toBase58())).get("message").textValue());
        assertEquals("Invalid param: could not find mint", client.error("getTokenAccountsByOwner", owner.toBase58(),
            Map.of("mint", RpcTestClient.pubkey("nobody").toBase58())).get("message").textValue());
        assertEquals(-32602, client.error("getTokenAccountsByOwner", owner.toBase58()).get("code").intValue());
    }

    @Test
    void jsonParsedTokenAccountsAndMints() {
        final JsonNode parsed = client.result("getTokenAccountsByOwner", owner.toBase58(), Map.of("mint", mint.toBase58()),
            Map.of("encoding", "jsonParsed")).get("value").get(0).get("account").get("data");
        assertEquals(json("{'parsed':{'info':{'isNative':false,'mint':'" + mint + "','owner':'" + owner + "',"
            + "'state':'initialized','tokenAmount':{'amount':'1500000','decimals':6,'uiAmount':1.5,'uiAmountString':'1.5'}},"
            + "'type':'account'},'program':'spl-token','space':165}"), parsed.toString());
        final JsonNode parsedMint = client.result("getAccountInfo", mint.toBase58(), Map.of("encoding", "jsonParsed"))
            .get("value").get("data");
        assertEquals(json("{'parsed':{'info':{'decimals':6,'freezeAuthority':null,'isInitialized':true,'mintAuthority':null,"
            + "'supply':'1500000000'},'type':'mint'},'program':'spl-token','space':82}"), parsedMint.toString());
        final JsonNode notToken = client.result("getAccountInfo", owner.toBase58(), Map.of("encoding", "jsonParsed"));
        assertEquals(json("['AQID','base64']"), notToken.get("value").get("data").toString());
    }
}
