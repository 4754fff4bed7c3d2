package org.opencg.core.background;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Threads of a singleton's own for its periodic work, made by the server's {@code ManagedThreadFactory} so that they
 * run with the application's context. Not WildFly's managed executors: WildFly refuses their tasks from the moment
 * the server starts to suspend (WFLYEE0111, an error with a stack trace every round), and a graceful stop keeps it
 * suspended while calls drain ({@code opencg.sip.drain-seconds}); the records of the calls that end then must still
 * be written, and the log must not fill with errors. {@link #close()} lets the running task finish.
 */
public final class Background implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Background.class.getName());
    private static final Duration FINISH = Duration.ofSeconds(10);

    private final String name;
    private final ScheduledExecutorService schedule;

    public Background(String name, ThreadFactory threads, int size) {
        this.name = name;
        this.schedule = Executors.newScheduledThreadPool(size, threads);
    }

    /**
     * Runs the task after {@code first}, then {@code delay} after each run ends. A task that throws is logged and
     * runs again next time: an exception would otherwise end the schedule without a word.
     */
    public void every(Duration first, Duration delay, Runnable task) {
        schedule.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, name + ": a round failed; the next one runs in " + delay.toMillis() + " ms", e);
            }
        }, first.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        schedule.shutdown();
        try {
            if (!schedule.awaitTermination(FINISH.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning(name + ": a round still ran " + FINISH.toSeconds() + " s after the stop; interrupted");
                schedule.shutdownNow();
            }
        } catch (InterruptedException e) {
            schedule.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
