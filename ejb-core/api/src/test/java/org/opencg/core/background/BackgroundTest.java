package org.opencg.core.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BackgroundTest {

    @Test
    void aRoundThatThrowsDoesNotEndTheSchedule() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(3);
        try (Background background = new Background("test", Executors.defaultThreadFactory(), 1)) {
            background.every(Duration.ZERO, Duration.ofMillis(10), () -> {
                rounds.incrementAndGet();
                third.countDown();
                throw new IllegalStateException("the database is away");
            });
            assertTrue(third.await(5, TimeUnit.SECONDS), "rounds after a failed one: " + rounds.get());
        }
    }

    @Test
    void closeLetsTheRunningRoundFinishAndRunsNoMore() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicInteger rounds = new AtomicInteger();
        Background background = new Background("test", Executors.defaultThreadFactory(), 1);
        background.every(Duration.ZERO, Duration.ofMillis(1), () -> {
            rounds.incrementAndGet();
            started.countDown();
            try {
                Thread.sleep(300);
                finished.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        background.close();
        assertTrue(finished.get(), "the round was cut short");
        int after = rounds.get();
        Thread.sleep(50);
        assertEquals(after, rounds.get(), "a round ran after close");
    }
}
