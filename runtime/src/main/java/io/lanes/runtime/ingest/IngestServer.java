package io.lanes.runtime.ingest;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The binary ingest port ({@code --ingest-port}): TCP on 127.0.0.1, each frame a 4-byte
 * little-endian length then that many bytes (1..1232) of one wire transaction. Frames are decoded
 * and sanitized on Netty's event loops and offered to the {@link SigVerifyStage}; a full stage
 * pauses reading on that connection (backpressure). A bad frame closes its connection only.
 * There are no replies: results show in the counters and, for accepted transactions, in the
 * node's status reporting.
 */
public final class IngestServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(IngestServer.class.getName());
    private static final long SHUTDOWN_QUIET_MILLIS = 0;
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;

    private final IngestConfig config;
    private final SigVerifyStage stage;
    private EventLoopGroup group;
    private Channel serverChannel;

    /** A server that will feed {@code stage}; nothing is bound until {@link #start()}. */
    public IngestServer(final IngestConfig config, final SigVerifyStage stage) {
        this.config = config;
        this.stage = stage;
    }

    /**
     * Binds the port and starts accepting.
     *
     * @throws InterruptedException if interrupted while binding
     * @throws io.netty.channel.ChannelException (or another exception) if the port cannot be bound
     */
    public synchronized IngestServer start() throws InterruptedException {
        if (group != null) {
            throw new IllegalStateException("ingest server already started");
        }
        group = new MultiThreadIoEventLoopGroup(config.eventLoopThreads(), new DefaultThreadFactory("lanes-ingest", true),
            NioIoHandler.newFactory());
        try {
            serverChannel = bootstrap().bind(config.host(), config.port()).sync().channel();
        } catch (final InterruptedException | RuntimeException bindFailure) {
            group.shutdownGracefully(SHUTDOWN_QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            group = null;
            throw bindFailure;
        }
        LOG.log(System.Logger.Level.INFO, "ingest port listening on " + address() + ", verifier " + stage.verifierName());
        return this;
    }

    private ServerBootstrap bootstrap() {
        final long retryDelayMicros = config.retryDelayMicros();
        return new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(final SocketChannel channel) {
                    channel.pipeline().addLast(new IngestConnectionHandler(stage, retryDelayMicros));
                }
            });
    }

    /** The bound port (useful when configured with port 0). */
    public int port() {
        return address().getPort();
    }

    public InetSocketAddress address() {
        if (serverChannel == null) {
            throw new IllegalStateException("ingest server not started");
        }
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Counters of this port and its stage. */
    public IngestCounters counters() {
        return stage.counters();
    }

    public SigVerifyStage stage() {
        return stage;
    }

    /** Stops accepting, closes every connection and stops the event loops (the stage stays open). */
    @Override
    public synchronized void close() {
        if (group == null) {
            return;
        }
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        group.shutdownGracefully(SHUTDOWN_QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).syncUninterruptibly();
        group = null;
        serverChannel = null;
    }
}
