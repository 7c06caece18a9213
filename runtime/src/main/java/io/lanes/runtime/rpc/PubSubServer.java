package io.lanes.runtime.rpc;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Solana-compatible PubSub over a websocket at {@code ws://127.0.0.1:port/}: signatureSubscribe,
 * accountSubscribe, slotSubscribe, logsSubscribe and their Unsubscribe methods. Subscribes to
 * the backend's {@link NodeEvents} on {@link #start()}. Each client has a bounded outbound queue:
 * one that does not read its notifications is disconnected.
 *
 * <pre>{@code
 * PubSubServer pubsub = new PubSubServer(backend, 8900).start();
 * pubsub.close();
 * }</pre>
 */
public final class PubSubServer implements AutoCloseable {
    /** Default bound of a client's unsent messages. */
    public static final int DEFAULT_MAX_QUEUED_MESSAGES = 10_000;
    /** Default bound of a client's unsent bytes. */
    public static final long DEFAULT_MAX_QUEUED_BYTES = 64L * 1024 * 1024;
    /** Largest request frame a client may send. */
    public static final int MAX_FRAME_BYTES = 64 * 1024;
    private static final String HOST = "127.0.0.1";

    private final RpcBackend backend;
    private final int requestedPort;
    private final int maxQueuedMessages;
    private final long maxQueuedBytes;
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private Channel serverChannel;
    private Subscriptions subscriptions;

    /** A server on the port (0: any free port) with the default queue bounds. */
    public PubSubServer(final RpcBackend backend, final int port) {
        this(backend, port, DEFAULT_MAX_QUEUED_MESSAGES, DEFAULT_MAX_QUEUED_BYTES);
    }

    /** A server whose clients may have at most this many unsent messages and bytes before they are dropped. */
    public PubSubServer(final RpcBackend backend, final int port, final int maxQueuedMessages, final long maxQueuedBytes) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.requestedPort = port;
        this.maxQueuedMessages = maxQueuedMessages;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    /** Binds, subscribes to the backend's events, and returns once it accepts connections. */
    public synchronized PubSubServer start() throws InterruptedException {
        if (serverChannel != null) {
            throw new IllegalStateException("already started");
        }
        bossGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workerGroup = new MultiThreadIoEventLoopGroup(RpcServer.workerThreads(), NioIoHandler.newFactory());
        subscriptions = new Subscriptions(backend, new LoopExecutor(workerGroup.next()));
        final WebSocketServerProtocolConfig websocket = WebSocketServerProtocolConfig.newBuilder()
            .websocketPath("/").checkStartsWith(true).maxFramePayloadLength(MAX_FRAME_BYTES).build();
        final ServerBootstrap bootstrap = new ServerBootstrap()
            .group(bossGroup, workerGroup)
            .channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(final SocketChannel channel) {
                    channel.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(MAX_FRAME_BYTES))
                        .addLast(new WebSocketServerProtocolHandler(websocket))
                        .addLast(new WebSocketFrameAggregator(MAX_FRAME_BYTES))
                        .addLast(new PubSubHandler(subscriptions, maxQueuedMessages, maxQueuedBytes));
                }
            });
        try {
            serverChannel = bootstrap.bind(HOST, requestedPort).sync().channel();
        } catch (final RuntimeException | InterruptedException failed) {
            shutdownGroups();
            throw failed;
        }
        backend.subscribe(subscriptions);
        return this;
    }

    /** The port it listens on. */
    public int port() {
        if (serverChannel == null) {
            throw new IllegalStateException("not started");
        }
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Live subscriptions over all clients. */
    public int subscriptionCount() {
        return subscriptions == null ? 0 : subscriptions.size();
    }

    /** Unsubscribes from the backend, closes every client and stops its threads. Idempotent. */
    @Override
    public synchronized void close() {
        if (subscriptions != null) {
            backend.unsubscribe(subscriptions);
        }
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
            serverChannel = null;
        }
        shutdownGroups();
    }

    private void shutdownGroups() {
        if (bossGroup != null) {
            bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            bossGroup = null;
        }
        if (workerGroup != null) {
            workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            workerGroup = null;
        }
    }
}
