package io.lanes.runtime.rpc;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Solana-compatible JSON-RPC 2.0 over HTTP/1.1 on 127.0.0.1: POST a request or a batch (JSON
 * array) to "/", bodies up to 50 KiB (larger: HTTP 413, the server goes on), {@code GET /health}
 * answers "ok" and {@code GET /metrics} the Prometheus text of the supplier, if one was given.
 * Method handlers run on Netty event loops and never block them (see the package description).
 *
 * <pre>{@code
 * RpcServer rpc = new RpcServer(backend, 8899, metricsOrNull).start();
 * int port = rpc.port();   // the bound port (useful with port 0)
 * rpc.close();
 * }</pre>
 */
public final class RpcServer implements AutoCloseable {
    /** Solana's {@code MAX_REQUEST_BODY_SIZE}: 50 KiB. */
    public static final int MAX_REQUEST_BODY_BYTES = 50 * 1024;
    private static final String HOST = "127.0.0.1";

    private final RpcBackend backend;
    private final int requestedPort;
    private final Supplier<String> metrics;
    private final Map<String, RpcMethod> methods;
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private Channel serverChannel;

    /** A server for the backend on the port (0: any free port); nothing listens before {@link #start()}. */
    public RpcServer(final RpcBackend backend, final int port) {
        this(backend, port, null);
    }

    /** As {@link #RpcServer(RpcBackend, int)}, with {@code GET /metrics} answered by {@code metrics} (may be null). */
    public RpcServer(final RpcBackend backend, final int port, final Supplier<String> metrics) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.requestedPort = port;
        this.metrics = metrics;
        this.methods = RpcMethods.all(backend);
    }

    /** Binds and returns once the server accepts connections. */
    public synchronized RpcServer start() throws InterruptedException {
        if (serverChannel != null) {
            throw new IllegalStateException("already started");
        }
        bossGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workerGroup = new MultiThreadIoEventLoopGroup(workerThreads(), NioIoHandler.newFactory());
        final JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(methods::get);
        final ServerBootstrap bootstrap = new ServerBootstrap()
            .group(bossGroup, workerGroup)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(final SocketChannel channel) {
                    channel.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(MAX_REQUEST_BODY_BYTES))
                        .addLast(new HttpRpcHandler(dispatcher, metrics));
                }
            });
        try {
            serverChannel = bootstrap.bind(HOST, requestedPort).sync().channel();
        } catch (final RuntimeException | InterruptedException failed) {
            shutdownGroups();
            throw failed;
        }
        return this;
    }

    static int workerThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** The port it listens on (the chosen one when constructed with port 0). */
    public int port() {
        if (serverChannel == null) {
            throw new IllegalStateException("not started");
        }
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The backend it serves. */
    public RpcBackend backend() {
        return backend;
    }

    /** Stops listening, closes connections and stops its threads. Idempotent. */
    @Override
    public synchronized void close() {
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
