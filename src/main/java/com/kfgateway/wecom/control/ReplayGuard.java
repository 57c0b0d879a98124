package com.kfgateway.wecom.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Keeps a recorded callback from being played again. A signature stays valid forever (it covers the timestamp, not
 * a deadline), so a callback counts only within {@link #WINDOW} of our clock, either way; within the window each
 * (msg_signature, timestamp, nonce) is accepted once. The memory is bounded: an entry lives only until its timestamp
 * leaves the window (after that the timestamp rule refuses it anyway), and at most {@link #CAPACITY} entries are
 * kept, the oldest giving way. Only verified callbacks are remembered, so strangers cannot fill it.
 *
 * <p>In memory on purpose: after a restart the window is what guards, and a replayed doorbell costs at most one
 * pull, which stores nothing twice.
 */
@ApplicationScoped
public class ReplayGuard {

    static final Duration WINDOW = Duration.ofMinutes(5);
    /** About 33 callbacks a second, every second, for the longest an entry can live (10 minutes). */
    static final int CAPACITY = 20_000;
    private static final Pattern SECONDS = Pattern.compile("\\d{1,12}");
    private static final Logger LOG = Logger.getLogger(ReplayGuard.class.getName());

    Clock clock = Clock.systemUTC();

    /** Key → the epoch second after which the timestamp rule alone refuses it. In arrival order. */
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();
    private long evicted;

    /** Whether {@code timestamp} (WeCom's epoch seconds) is within {@link #WINDOW} of now, before or after. */
    public boolean timely(String timestamp) {
        long at = seconds(timestamp);
        return at >= 0 && Math.abs(at - clock.instant().getEpochSecond()) <= WINDOW.toSeconds();
    }

    /**
     * Remembers a verified, timely callback; false when the same one was remembered before. Call it after the
     * signature check and right before acting on the callback.
     */
    public synchronized boolean firstSighting(String signature, String timestamp, String nonce) {
        long at = seconds(timestamp);
        long now = clock.instant().getEpochSecond();
        dropExpired(now);
        String key = key(signature, timestamp, nonce);
        if (at < 0 || seen.containsKey(key)) {
            return false;
        }
        if (seen.size() >= CAPACITY) {
            makeRoom();
        }
        seen.put(key, at + WINDOW.toSeconds());
        return true;
    }

    /** Undoes {@link #firstSighting} when acting on the callback failed, so WeCom's retry is not refused. */
    public synchronized void forget(String signature, String timestamp, String nonce) {
        seen.remove(key(signature, timestamp, nonce));
    }

    synchronized int size() {
        return seen.size();
    }

    /** Arrival order is nearly expiry order: dropping from the head until one is still live is enough, usually. */
    private void dropExpired(long now) {
        Iterator<Long> expiries = seen.values().iterator();
        while (expiries.hasNext() && expiries.next() < now) {
            expiries.remove();
        }
    }

    /**
     * The expired ones at the head are already gone ({@link #dropExpired}); a full scan for the few that arrived out
     * of order would cost every callback 20,000 steps under the lock once the memory is full, so the oldest goes.
     */
    private void makeRoom() {
        Iterator<Map.Entry<String, Long>> oldest = seen.entrySet().iterator();
        oldest.next();
        oldest.remove();
        // A replay of the evicted callback would now pass: say so, but not once per callback.
        if (evicted++ % 1000 == 0) {
            LOG.warning(() -> "More than " + CAPACITY + " callbacks within " + WINDOW.toMinutes()
                    + " minutes: the oldest are forgotten early (evicted so far: " + evicted + ")");
        }
    }

    /** WeCom's timestamp as epoch seconds, or -1 when it is not a plain number. */
    private static long seconds(String timestamp) {
        return timestamp != null && SECONDS.matcher(timestamp).matches() ? Long.parseLong(timestamp) : -1;
    }

    private static String key(String signature, String timestamp, String nonce) {
        return signature.toLowerCase(java.util.Locale.ROOT) + ' ' + timestamp + ' ' + nonce;
    }
}
