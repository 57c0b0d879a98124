package com.kfgateway.conversation.control.answering;

import com.kfgateway.conversation.control.handover.HandoverStore;
import com.kfgateway.conversation.control.sync.Puller;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.delivery.boundary.SendLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import com.kfgateway.conversation.control.ConversationConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks up what a crash, a restart, an outage or a full executor left behind: conversations with PENDING messages (answered;
 * nothing was sent for them) and send-log parts that are due (sent with their own msgid, so WeCom de-duplicates a
 * part whose success we never saw). Queuing twice is harmless: answering coalesces per conversation.
 */
@ApplicationScoped
public class Recovery {

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Inject
    SendLog sendLog;

    @Inject
    HandoverStore handovers;

    @Inject
    Answerer answerer;

    @Inject
    Puller puller;

    @Inject
    Recovery self;

    @Inject
    ConversationConfig config;

    private final Random jitter = new Random();
    private volatile Instant nextPulls;

    /**
     * The safety net under lost callbacks: right after a start, then every few minutes (jittered, so nodes and
     * accounts do not pull in step), pull every account we pulled before, from its stored cursor, without a token.
     * Messages that arrived while we were down, or while WeCom or the database was, do not wait for the next
     * callback. A pull already running for an account absorbs this one.
     */
    public void pullIfDue(Instant now) {
        Instant due = nextPulls;
        if (due != null && now.isBefore(due)) {
            return;
        }
        nextPulls = now.plus(jittered(config.safetyPullInterval()));
        self.pulledScopes().forEach(scope -> puller.request(scope, null, List.of()));
    }

    /** 80 % to 120 % of the interval. */
    Duration jittered(Duration interval) {
        return Duration.ofMillis((long) (interval.toMillis() * (0.8 + 0.4 * jitter.nextDouble())));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> pulledScopes() {
        return em.createQuery("select c.scope from SyncCursor c", String.class).getResultList();
    }

    public int resume() {
        Set<Long> conversations = self.withWork(Instant.now());
        conversations.forEach(answerer::requestIfIdle);
        return conversations.size();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Set<Long> withWork(Instant now) {
        Set<Long> ids = new LinkedHashSet<>(em.createNamedQuery(Message.CONVERSATIONS_WITH, Long.class)
                .setParameter("handling", Message.Handling.PENDING).getResultList());
        ids.addAll(sendLog.conversationsDue(now));
        ids.addAll(handovers.conversationsDue(now));
        return ids;
    }
}
