package io.lanes.runtime.rpc;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One HTTP connection: routes {@code GET /health}, {@code GET /metrics} and JSON-RPC POSTs.
 * Requests of a connection are answered in order, one at a time (HTTP/1.1 pipelining safe):
 * while a JSON-RPC call waits for the backend, the connection stops reading and later requests
 * wait in a queue. Everything here runs on the connection's event loop.
 */
final class HttpRpcHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = Logger.getLogger(HttpRpcHandler.class.getName());

    private final JsonRpcDispatcher dispatcher;
    private final Supplier<String> metrics;
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private boolean busy;

    HttpRpcHandler(final JsonRpcDispatcher dispatcher, final Supplier<String> metrics) {
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request) {
        if (busy) {
            waiting.add(request.retain());
            return;
        }
        serve(ctx, request);
    }

    private void serve(final ChannelHandlerContext ctx, final FullHttpRequest request) {
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (request.decoderResult().isFailure()) {
            respond(ctx, HttpResponseStatus.BAD_REQUEST, "text/plain", "Bad request", false);
            return;
        }
        final String path = pathOf(request.uri());
        if (HttpMethod.GET.equals(request.method()) && "/health".equals(path)) {
            respond(ctx, HttpResponseStatus.OK, "text/plain; charset=utf-8", "ok", keepAlive);
        } else if (HttpMethod.GET.equals(request.method()) && "/metrics".equals(path)) {
            serveMetrics(ctx, keepAlive);
        } else if (HttpMethod.POST.equals(request.method())) {
            call(ctx, ByteBufUtil.getBytes(request.content()), keepAlive);
        } else {
            respond(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain; charset=utf-8",
                "Used HTTP Method is not allowed. POST or OPTIONS is required", keepAlive);
        }
    }

    private void serveMetrics(final ChannelHandlerContext ctx, final boolean keepAlive) {
        if (metrics == null) {
            respond(ctx, HttpResponseStatus.NOT_FOUND, "text/plain; charset=utf-8", "no metrics", keepAlive);
            return;
        }
        final String text;
        try {
            text = metrics.get();
        } catch (final RuntimeException failed) {
            LOG.log(Level.WARNING, "metrics supplier failed", failed);
            respond(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "text/plain; charset=utf-8", "metrics failed", keepAlive);
            return;
        }
        respond(ctx, HttpResponseStatus.OK, "text/plain; version=0.0.4; charset=utf-8", text, keepAlive);
    }

    private static String pathOf(final String uri) {
        final int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    private void call(final ChannelHandlerContext ctx, final byte[] body, final boolean keepAlive) {
        busy = true;
        ctx.channel().config().setAutoRead(false);
        final LoopExecutor loop = new LoopExecutor(ctx.executor());
        dispatcher.handle(body, loop).whenCompleteAsync((answer, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "JSON-RPC dispatch failed", failure);
            }
            final String text = failure != null ? "" : answer == null ? "" : answer;
            respond(ctx, HttpResponseStatus.OK, "application/json; charset=utf-8", text, keepAlive);
            busy = false;
            ctx.channel().config().setAutoRead(true);
            serveWaiting(ctx);
        }, loop);
    }

    private void serveWaiting(final ChannelHandlerContext ctx) {
        while (!busy && !waiting.isEmpty()) {
            final FullHttpRequest next = waiting.poll();
            try {
                serve(ctx, next);
            } finally {
                next.release();
            }
        }
    }

    private static void respond(final ChannelHandlerContext ctx, final HttpResponseStatus status, final String type,
                                final String body, final boolean keepAlive) {
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
            Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8)));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        HttpUtil.setContentLength(response, response.content().readableBytes());
        HttpUtil.setKeepAlive(response, keepAlive);
        if (!ctx.channel().isActive()) {
            response.release();
            return;
        }
        if (keepAlive) {
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception {
        waiting.forEach(FullHttpRequest::release);
        waiting.clear();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
        LOG.log(Level.FINE, "closing RPC connection after an error", cause);
        ctx.close();
    }
}
