package org.opencg.core.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;

import org.opencg.core.background.Background;

/**
 * Drives the flow-through sync: reads the outbox every {@code opencg.sync.poll-ms} and works each due task, and
 * pulls consents every {@code opencg.sync.consent-pull-seconds}. Nothing is lost if the server stops mid-way, since a task leaves the outbox only in the transaction that
 * records its verdict.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SyncScheduler {

    private static final Logger LOG = Logger.getLogger(SyncScheduler.class.getName());
    private static final int BATCH = 200;
    /** Tasks per transaction. */
    private static final int CHUNK = 25;

    @Resource
    ManagedThreadFactory threads;

    @EJB
    SyncProcessor processor;

    @EJB
    OperatorConnectLink link;

    private SyncSettings settings;
    /** Threads of its own, not WildFly's managed executors: the sync goes on while a stop drains calls. */
    private Background schedule;
    private ExecutorService workers;
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        settings = link.settings();
        schedule = new Background("sync", threads, 2);
        workers = Executors.newFixedThreadPool(settings.workers(), threads);
        if (!settings.configured()) {
            LOG.warning("opencg.oc.url is not set: Operator Connect and Teams Phone Mobile changes wait in the sync"
                    + " outbox until it is");
        } else {
            schedule.every(Duration.ZERO, settings.consentPull(), this::pullConsents);
        }
        try {
            int labels = processor.reconcileSubdomains();
            if (labels > 0) {
                LOG.info(() -> labels + " Direct Routing subdomains queued for DNS");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Direct Routing subdomains not queued for DNS at start", e);
        }
        schedule.every(settings.poll(), settings.poll(), this::drain);
        LOG.info(() -> "sync outbox read every " + settings.poll().toMillis() + " ms"
                + (settings.configured() ? "; Operator Connect at " + settings.url() + ", consents pulled every "
                        + settings.consentPull().toSeconds() + " s" : ""));
    }

    /**
     * Works the due tasks on {@code opencg.sync.workers} threads at once, since each waits for a remote answer;
     * the tasks of one resource always go to the same worker, in order, so two never race for one resource.
     */
    private void drain() {
        try {
            List<SyncProcessor.Due> due = processor.due(BATCH);
            while (!due.isEmpty() && !stopping) {
                Map<Integer, List<Long>> byWorker = new HashMap<>();
                for (SyncProcessor.Due task : due) {
                    byWorker.computeIfAbsent(Math.floorMod(task.resource().hashCode(), settings.workers()),
                            w -> new ArrayList<>()).add(task.id());
                }
                List<Future<?>> running = new ArrayList<>();
                for (List<Long> tasks : byWorker.values()) {
                    running.add(workers.submit(() -> {
                        for (int from = 0; from < tasks.size() && !stopping; from += CHUNK) {
                            processor.process(tasks.subList(from, Math.min(tasks.size(), from + CHUNK)));
                        }
                    }));
                }
                for (Future<?> worker : running) {
                    worker.get();
                }
                due = due.size() < BATCH ? List.of() : processor.due(BATCH);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            // A database hiccup must not end the schedule: the next round tries again.
            LOG.log(Level.WARNING, "sync outbox round failed; trying again in " + settings.poll().toMillis() + " ms", e);
        }
    }

    private void pullConsents() {
        try {
            int count = processor.pullConsents();
            LOG.fine(() -> count + " consents pulled");
        } catch (OperatorConnectException e) {
            LOG.warning("consents not pulled: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "consents not pulled", e);
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        schedule.close();
        workers.shutdown();
    }
}
