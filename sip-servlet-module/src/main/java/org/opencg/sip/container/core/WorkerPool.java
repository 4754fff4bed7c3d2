package org.opencg.sip.container.core;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The servlets' worker threads, with each waiting task stamped when it was queued, so that {@link Overload} can see
 * how long the oldest has waited: a queue of a few hundred slow tasks hurts set-up latency as much as thousands of
 * quick ones, and the count alone does not tell them apart.
 */
public final class WorkerPool extends ThreadPoolExecutor {

    public WorkerPool(int workers, ThreadFactory threads) {
        super(workers, workers, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
    }

    @Override
    public void execute(Runnable task) {
        super.execute(new Stamped(task, System.nanoTime()));
    }

    /** How long the task at the head of the queue has waited for a worker, in milliseconds; 0 when none waits. */
    public long oldestWaitMillis() {
        return getQueue().peek() instanceof Stamped oldest
                ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - oldest.queued) : 0;
    }

    private record Stamped(Runnable task, long queued) implements Runnable {
        @Override
        public void run() {
            task.run();
        }
    }
}
