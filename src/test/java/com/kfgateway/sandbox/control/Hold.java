package com.kfgateway.sandbox.control;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** One held simulator call: the test learns when the product is inside it, and lets it go. */
public final class Hold {

    private final CountDownLatch arrived = new CountDownLatch(1);
    /** Calls that pass before the held one. */
    private int toLetThrough;

    Hold(int toLetThrough) {
        this.toLetThrough = toLetThrough;
    }

    /** True (and one fewer to go) while calls are still to pass before the held one; under the plan's lock. */
    boolean letOneThrough() {
        if (toLetThrough == 0) {
            return false;
        }
        toLetThrough--;
        return true;
    }
    private final CountDownLatch released = new CountDownLatch(1);

    void arriveAndWait() {
        arrived.countDown();
        try {
            released.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once the held call has arrived, within {@code seconds}. */
    public boolean awaitArrival(long seconds) throws InterruptedException {
        return arrived.await(seconds, TimeUnit.SECONDS);
    }

    public void release() {
        released.countDown();
    }
}
