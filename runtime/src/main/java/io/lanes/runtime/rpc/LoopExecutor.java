package io.lanes.runtime.rpc;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * An event loop seen as the executor of future continuations. Once the loop is shut down (the
 * server is closing) work is dropped instead of throwing: the thread that completes a backend
 * future is a node thread, and must never get the server's exceptions.
 */
final class LoopExecutor implements Executor {
    private final Executor loop;

    LoopExecutor(final Executor loop) {
        this.loop = loop;
    }

    @Override
    public void execute(final Runnable task) {
        try {
            loop.execute(task);
        } catch (final RejectedExecutionException closing) {
            // The server is closing: nobody is left to answer.
        }
    }
}
