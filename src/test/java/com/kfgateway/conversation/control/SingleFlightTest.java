package com.kfgateway.conversation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.unit.Interceptors;
import jakarta.transaction.RollbackException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SingleFlightTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final SingleFlight<String> flight = new SingleFlight<>("test", executor);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void requestsDuringARunCoalesceIntoOneMoreRunWithTheNewestWork() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        flight.request("wk1", () -> {
            started.countDown();
            await(release);
            ran.add("token-1");
            done.countDown();
        });
        started.await(5, TimeUnit.SECONDS);
        for (int i = 2; i <= 4; i++) {
            String token = "token-" + i;
            flight.request("wk1", () -> {
                ran.add(token);
                done.countDown();
            });
        }
        release.countDown();
        assertTrue(done.await(5, TimeUnit.SECONDS));
        waitUntilIdle("wk1");
        assertEquals(List.of("token-1", "token-4"), ran);
    }

    @Test
    void aSafetyNetRequestForABusyKeyAddsNoRunAndOneForAnIdleKeyRuns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        flight.request("busy", () -> {
            started.countDown();
            await(release);
            ran.add("first");
        });
        started.await(5, TimeUnit.SECONDS);
        flight.requestIfIdle("busy", () -> ran.add("net"));
        release.countDown();
        waitUntilIdle("busy");
        CountDownLatch idleRan = new CountDownLatch(1);
        flight.requestIfIdle("idle", idleRan::countDown);

        assertTrue(idleRan.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("first"), ran, "the running work covered the net's request");
    }

    @Test
    void neverRunsTwoWorksForOneKeyAtOnce() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        for (int i = 0; i < 200; i++) {
            flight.request("c1", () -> {
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                sleep(1);
                running.decrementAndGet();
            });
        }
        waitUntilIdle("c1");
        assertEquals(1, maxRunning.get());
    }

    @Test
    void aSlowKeyDoesNotDelayAnother() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        flight.request("slow", () -> await(release));
        flight.request("fast", otherRan::countDown);
        assertTrue(otherRan.await(5, TimeUnit.SECONDS));
        release.countDown();
    }

    @Test
    void aFailingWorkDoesNotBlockTheKey() throws Exception {
        flight.request("k", () -> {
            throw new IllegalStateException("boom");
        });
        waitUntilIdle("k");
        CountDownLatch ran = new CountDownLatch(1);
        flight.request("k", ran::countDown);
        assertTrue(ran.await(5, TimeUnit.SECONDS));
    }

    @Test
    void aCheckedExceptionThrownThroughAnInterceptorDoesNotBlockTheKey() throws Exception {
        flight.request("k", () -> Interceptors.throwUndeclared(new RollbackException("commit failed")));
        waitUntilIdle("k");
        CountDownLatch ran = new CountDownLatch(1);
        flight.request("k", ran::countDown);
        assertTrue(ran.await(5, TimeUnit.SECONDS));
    }

    private void waitUntilIdle(String key) throws InterruptedException {
        for (int i = 0; i < 500 && flight.busy(key); i++) {
            Thread.sleep(10);
        }
        assertFalse(flight.busy(key));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
