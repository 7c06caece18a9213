package io.lanes.runtime.rpc;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * One websocket client: its subscriptions and its bounded outbound queue. {@link #send} may be
 * called from any thread; a client that lets more than {@code maxQueuedMessages} messages (or
 * {@code maxQueuedBytes} bytes) pile up unsent is disconnected rather than buffered without
 * bound.
 */
final class PubSubConnection {
    private static final Logger LOG = Logger.getLogger(PubSubConnection.class.getName());

    private final Channel channel;
    private final int maxQueuedMessages;
    private final long maxQueuedBytes;
    private final AtomicInteger queuedMessages = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean dropped = new AtomicBoolean();
    /** Its live subscriptions by id. */
    private final Map<Long, Subscription> subscriptions = new ConcurrentHashMap<>();
    /** Subscriptions created by the frame being handled, whose answer is not written yet. */
    private final List<Subscription> awaitingAnswer = new ArrayList<>();

    PubSubConnection(final Channel channel, final int maxQueuedMessages, final long maxQueuedBytes) {
        this.channel = channel;
        this.maxQueuedMessages = maxQueuedMessages;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    /** Queues a text frame; disconnects the client instead if its queue is full. */
    void send(final String text) {
        final long bytes = text.length();
        final int messages = queuedMessages.incrementAndGet();
        final long total = queuedBytes.addAndGet(bytes);
        if (messages > maxQueuedMessages || total > maxQueuedBytes) {
            queuedMessages.decrementAndGet();
            queuedBytes.addAndGet(-bytes);
            dropSlowConsumer(messages, total);
            return;
        }
        channel.writeAndFlush(new TextWebSocketFrame(text)).addListener(done -> {
            queuedMessages.decrementAndGet();
            queuedBytes.addAndGet(-bytes);
        });
    }

    private void dropSlowConsumer(final int messages, final long bytes) {
        if (dropped.compareAndSet(false, true)) {
            LOG.warning("disconnecting slow PubSub client " + channel.remoteAddress() + ": " + messages
                + " messages (" + bytes + " bytes) waiting to be sent");
            channel.close();
        }
    }

    boolean isOpen() {
        return channel.isActive() && !dropped.get();
    }

    /** Messages queued but not yet written to the socket. */
    int queuedMessages() {
        return queuedMessages.get();
    }

    Map<Long, Subscription> subscriptions() {
        return subscriptions;
    }

    /** Called on the connection's event loop while handling a frame. */
    void awaitAnswer(final Subscription subscription) {
        awaitingAnswer.add(subscription);
    }

    /** The subscriptions created since the last call; called on the event loop once their answer is written. */
    List<Subscription> takeAwaitingAnswer() {
        final List<Subscription> answered = new ArrayList<>(awaitingAnswer);
        awaitingAnswer.clear();
        return answered;
    }

    static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
