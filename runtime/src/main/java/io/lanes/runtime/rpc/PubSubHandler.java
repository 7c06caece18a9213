package io.lanes.runtime.rpc;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One websocket client's frames: each text frame is a JSON-RPC request (or batch) for the
 * PubSub methods; errors are answered on the socket, which stays open. Runs on the connection's
 * event loop.
 */
final class PubSubHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger LOG = Logger.getLogger(PubSubHandler.class.getName());

    private final Subscriptions subscriptions;
    private final int maxQueuedMessages;
    private final long maxQueuedBytes;
    private PubSubConnection connection;
    private JsonRpcDispatcher dispatcher;

    PubSubHandler(final Subscriptions subscriptions, final int maxQueuedMessages, final long maxQueuedBytes) {
        this.subscriptions = subscriptions;
        this.maxQueuedMessages = maxQueuedMessages;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx) {
        connection = new PubSubConnection(ctx.channel(), maxQueuedMessages, maxQueuedBytes);
        dispatcher = new JsonRpcDispatcher(new PubSubMethods(subscriptions, connection).table()::get);
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame) {
        final byte[] body = frame instanceof TextWebSocketFrame
            ? ((TextWebSocketFrame) frame).text().getBytes(StandardCharsets.UTF_8)
            : new byte[0];
        final LoopExecutor loop = new LoopExecutor(ctx.executor());
        dispatcher.handle(body, loop).whenCompleteAsync((answer, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "PubSub dispatch failed", failure);
            } else if (answer != null) {
                connection.send(answer);
            }
            connection.takeAwaitingAnswer().forEach(Subscription::answerSent);
        }, loop);
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception {
        subscriptions.removeAll(connection);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
        LOG.log(Level.FINE, "closing PubSub connection after an error", cause);
        ctx.close();
    }
}
