package io.lanes.runtime.rpc;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNull;

/** A websocket test client over java.net.http: collects text messages; optionally never reads (slow consumer). */
final class WsTestClient implements WebSocket.Listener, AutoCloseable {
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final boolean reads;
    private final WebSocket socket;

    WsTestClient(final int port, final boolean reads) {
        this.reads = reads;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), this).join();
    }

    WsTestClient(final int port) {
        this(port, true);
    }

    @Override
    public void onOpen(final WebSocket webSocket) {
        if (reads) {
            webSocket.request(1);
        }
    }

    @Override
    public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(final WebSocket webSocket, final Throwable error) {
        closed.complete(-1);
    }

    void send(final String text) {
        socket.sendText(text, true).join();
    }

    /** The next message, failing after 5 s. */
    JsonNode next() {
        try {
            final String text = messages.poll(5, TimeUnit.SECONDS);
            if (text == null) {
                throw new AssertionError("no message within 5 s");
            }
            return RpcTestClient.MAPPER.readTree(text);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (final IOException e) {
            throw new AssertionError("not JSON", e);
        }
    }

    JsonNode call(final String request) {
        send(request);
        return next();
    }

    void assertNothingWithin(final long millis) throws InterruptedException {
        assertNull(messages.poll(millis, TimeUnit.MILLISECONDS), "unexpected message");
    }

    @Override
    public void close() {
        socket.abort();
    }
}
