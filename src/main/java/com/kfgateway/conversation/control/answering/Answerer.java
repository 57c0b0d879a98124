package com.kfgateway.conversation.control.answering;

import com.kfgateway.assistant.boundary.Assistant;
import com.kfgateway.assistant.entity.Answer;
import com.kfgateway.conversation.control.SingleFlight;
import com.kfgateway.conversation.control.handover.Handover;
import com.kfgateway.conversation.control.sync.Ingested;
import com.kfgateway.cluster.control.ClusterConfig;
import com.kfgateway.cluster.control.Leases;
import com.kfgateway.database.ConflictRetry;
import com.kfgateway.database.GroupCommit;
import com.kfgateway.delivery.boundary.SendLog;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Answers a conversation's PENDING messages turn by turn, oldest first, on a per-conversation serial queue: one
 * customer's messages strictly in order, other customers in parallel (a slow model for one never delays another).
 * A turn is every message waiting when it starts (see {@link AnswerStore}). For each: the session gate and the
 * assistant (outside any transaction, see {@link Deliberation}), then ONE transaction marking the turn ANSWERED with
 * the answer's send-log parts (the first one already claimed), then the dispatcher. A handover answer goes out as
 * the handover notice.
 */
@ApplicationScoped
public class Answerer {

    @Resource(lookup = AnsweringExecutors.RULES)
    ManagedExecutorService rulesExecutor;

    @Resource(lookup = AnsweringExecutors.MODEL)
    ManagedExecutorService modelExecutor;

    /** The one of the two in use; see {@link AnsweringExecutors}. */
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    AnswerStore store;

    @Inject
    Deliberation deliberation;

    @Inject
    Assistant assistant;

    @Inject
    SendLog sendLog;

    @Inject
    Handover handover;

    @Inject
    GroupCommit commits;

    @Inject
    Leases leases;

    @Inject
    ClusterConfig cluster;

    private SingleFlight<Long> flights;

    @PostConstruct
    void init() {
        if (executor == null) {
            executor = assistant.modelAnswers() ? modelExecutor : rulesExecutor;
        }
        flights = new SingleFlight<>("answering", executor);
    }

    /** A page was stored: its conversations with new work are queued, each behind its own current work. */
    void pageStored(@Observes Ingested ingested) {
        ingested.toAnswer().forEach(this::request);
    }

    /** For the recovery timer: queues the conversation unless its work is running or queued already. */
    public void requestIfIdle(long conversationId) {
        flights.requestIfIdle(conversationId, () -> work(conversationId));
    }

    /** Returns at once; runs now or right after the conversation's current work. */
    public void request(long conversationId) {
        flights.request(conversationId, () -> work(conversationId));
    }

    /**
     * Under the conversation's lease, so that of several nodes only one answers a customer at a time; a node that
     * finds it held leaves it to the holder, which then looks once more.
     */
    void work(long conversationId) {
        String lease = "turn:" + conversationId;
        if (!leases.take(lease, cluster.workLease())) {
            return;
        }
        boolean again;
        try {
            answerAndDispatch(conversationId);
        } finally {
            again = leases.release(lease).wanted();
        }
        if (again) {
            request(conversationId);
        }
    }

    private void answerAndDispatch(long conversationId) {
        AnswerStore.Next next = store.next(conversationId);
        if (next.handoverOpen()) {
            handover.resume(conversationId);
            next = store.next(conversationId);
        }
        boolean dispatched = false;
        Instant nextRetry = null;
        // A message stored while a turn is answered re-queues this work (its page's request() comes after its commit
        // and SingleFlight keeps it), so the table is read again only when a turn was too long to take at once.
        for (AnswerStore.Pending pending = next.turn(); pending != null; pending = pending.full()
                ? store.next(conversationId).turn() : null) {
            Dispatched turn = answer(pending);
            if (turn != null) {
                dispatched = true;
                nextRetry = turn.nextRetry();
            }
        }
        if (!dispatched) {
            // Nothing new was answered: the parts left from before (a retry, a restart) still go out from here.
            nextRetry = sendLog.dispatch(conversationId);
        }
        if (nextRetry != null) {
            later(conversationId, Duration.between(Instant.now(), nextRetry));
        }
    }

    /** The dispatch after a turn's answer, with the conversation's next retry then. */
    private record Dispatched(Instant nextRetry) {
    }

    /** Null when the turn dispatched nothing (silenced, handled elsewhere, or handed over). */
    private Dispatched answer(AnswerStore.Pending pending) {
        Deliberation.Outcome outcome = deliberation.of(pending);
        SessionGate.Verdict verdict = outcome.verdict();
        if (outcome.answer() == null) {
            ConflictRetry.run(() -> store.skipped(pending.messageIds(), "not answered: " + verdict.silence()));
            return null;
        }
        Answer answer = outcome.answer();
        AnswerStore.Recorded recorded = ConflictRetry.run(() -> commits.run(() -> store.answered(
                pending.messageIds(), answer, verdict.note(), !answer.handover())));
        if (!recorded.done()) {
            return null;
        }
        long conversationId = pending.conversation().getId();
        if (answer.handover()) {
            handover.resume(conversationId);
            return null;
        }
        return new Dispatched(recorded.first() == null ? sendLog.dispatch(conversationId)
                : sendLog.dispatch(conversationId, recorded.first()));
    }

    private void later(long conversationId, Duration delay) {
        try {
            scheduler.schedule(() -> request(conversationId), Math.max(50, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The recovery timer finds due parts within seconds anyway.
        }
    }
}
