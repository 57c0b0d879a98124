package com.kfgateway.conversation.control.answering;

import com.kfgateway.conversation.entity.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How many customer messages wait for an answer, for the operators' gauge. Counted over the handling index at most
 * every few seconds: a scraper polling every second must not turn into a query per second on a large table.
 */
@ApplicationScoped
public class PendingAnswers {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(PendingAnswers.class.getName());

    @PersistenceContext
    EntityManager em;

    private final AtomicLong last = new AtomicLong(-1);
    private volatile long countedAtNanos;

    /** The latest count; -1 while the database could not be asked yet. */
    public long count() {
        long now = System.nanoTime();
        if (last.get() >= 0 && now - countedAtNanos < FRESH_FOR.toNanos()) {
            return last.get();
        }
        try {
            last.set(em.createNamedQuery(Message.COUNT_WITH_HANDLING, Long.class)
                    .setParameter("handling", Message.Handling.PENDING).getSingleResult());
            countedAtNanos = now;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "pending answers not counted now", e);
        }
        return last.get();
    }
}
