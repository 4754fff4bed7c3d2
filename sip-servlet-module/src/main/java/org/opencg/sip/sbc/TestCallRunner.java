package org.opencg.sip.sbc;

import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.opencg.core.testlines.TestCallResult;
import org.opencg.core.testlines.TestCallService;
import org.opencg.core.testlines.TestLineService;
import org.opencg.core.testlines.TestLineView;

/**
 * The synthetic-call runner (acg-behaviour.md §10): every {@code opencg.test-calls.interval-minutes}, or when the API
 * or the portal asks, each Automated test line calls the next one (by name, the last the first) through the gateway
 * ({@link SyntheticCall}), and each result is kept ({@link TestCallService}) and counted. Fewer than two Automated
 * lines: nothing to call. One round at a time, on a thread of its own, never on the SIP workers.
 */
final class TestCallRunner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TestCallRunner.class.getName());

    private final Duration interval;
    private final Duration hold;
    private final InetSocketAddress gateway;
    /** Marks this process's own test calls; a new one each start, never written anywhere. */
    private final String secret = HexFormat.of().formatHex(SecureRandom.getSeed(16));
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "opencg-test-calls");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    final AtomicLong passed = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    private volatile Instant lastRound = Instant.now();
    private TestLineService lines;
    private TestCallService results;

    /** @param gateway the operator side's UDP listening point, where the calls go in; null: no runner */
    TestCallRunner(Duration interval, Duration hold, InetSocketAddress gateway) {
        this.interval = interval;
        this.hold = hold;
        this.gateway = gateway;
    }

    /** Whether this INVITE's test-call header carries this process's secret (compared in constant time). */
    boolean ours(String header) {
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.US_ASCII),
                secret.getBytes(StandardCharsets.US_ASCII));
    }

    /** Called every few seconds: starts a round when one is due or asked for, unless one is under way. */
    void tick() {
        if (gateway == null || running.get()) {
            return;
        }
        try {
            boolean asked = results().takeRunRequest();
            boolean due = !interval.isZero() && Instant.now().isAfter(lastRound.plus(interval));
            if ((asked || due) && running.compareAndSet(false, true)) {
                lastRound = Instant.now();
                thread.execute(this::round);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "test calls not checked", e);
        }
    }

    private void round() {
        try {
            List<TestLineView> automated = lines().list().stream().filter(l -> "Automated".equals(l.purpose()))
                    .toList();
            if (automated.size() < 2) {
                return;
            }
            SyntheticCall call = new SyntheticCall(gateway, secret, hold);
            for (int i = 0; i < automated.size(); i++) {
                TestLineView caller = automated.get(i);
                TestLineView called = automated.get((i + 1) % automated.size());
                Instant started = Instant.now();
                SyntheticCall.Outcome outcome = call.call(caller.phoneNumber(), called.phoneNumber());
                (outcome.passed() ? passed : failed).incrementAndGet();
                if (!outcome.passed()) {
                    LOG.warning(() -> "test call " + caller.name() + " -> " + called.name() + " failed: "
                            + outcome.reason());
                }
                results().record(new TestCallResult(started, caller.name(), called.name(), caller.phoneNumber(),
                        called.phoneNumber(), outcome.passed(), outcome.reason(), outcome.setupMillis(),
                        outcome.rtpBack()));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "test calls stopped: " + e.getMessage(), e);
        } finally {
            running.set(false);
        }
    }

    private TestLineService lines() {
        if (lines == null) {
            lines = (TestLineService) Jndi.lookup(TestLineService.JNDI);
        }
        return lines;
    }

    private TestCallService results() {
        if (results == null) {
            results = (TestCallService) Jndi.lookup(TestCallService.JNDI);
        }
        return results;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
