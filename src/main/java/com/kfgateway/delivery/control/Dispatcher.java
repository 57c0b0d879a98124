package com.kfgateway.delivery.control;

import com.kfgateway.database.ConflictRetry;
import com.kfgateway.database.GroupCommit;
import com.kfgateway.metrics.boundary.OperatorMetrics;
import com.kfgateway.delivery.entity.SendAttempt;
import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.delivery.entity.SendChannel;
import com.kfgateway.delivery.entity.SendStatus;
import com.kfgateway.wecom.control.Credential;
import com.kfgateway.wecom.control.ErrorCatalogue;
import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.control.WeComConfig;
import com.kfgateway.wecom.entity.WeComReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends send-log parts to WeCom: claim (short transaction), call kf/send_msg or kf/send_msg_on_event with the part's
 * own msgid (no transaction), record the outcome (short transaction). A conversation's kf/send_msg parts go strictly
 * in order: part n+1 only once part n is SENT or given up. Event-code parts (welcome, queue notice) do not wait
 * behind answers: their codes expire.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Inject
    SendLogStore store;

    @Inject
    WeComClient client;

    @Inject
    ErrorCatalogue catalogue;

    @Inject
    WeComConfig wecom;

    @Inject
    DeliveryConfig config;

    @Inject
    GroupCommit commits;

    @Inject
    OperatorMetrics metrics;

    /**
     * The first part of a plan, claimed in the planning transaction: sent right after it commits without a read and
     * a claim of their own (two of an answer's four transactions). {@code more}: later parts of the same plan.
     */
    public record Started(SendLogStore.Claim claim, boolean more) {
    }

    /**
     * In the caller's transaction, right after planning: claims the plan's first kf/send_msg part unless an earlier
     * part of the conversation is still open (order first) or it is not due (refused for quota or window). Null then,
     * and {@link #dispatchConversation} sends as usual. A crash after the commit leaves the part SENDING: it goes out
     * again with its msgid once stale, as after a crash during the call itself.
     */
    public Started claimFirst(List<SendLogEntry> planned, Instant now) {
        if (planned.isEmpty()) {
            return null;
        }
        SendLogEntry first = planned.get(0);
        if (first.getChannel() != SendChannel.SEND_MSG || first.getStatus() != SendStatus.PENDING
                || store.openAhead(first)) {
            return null;
        }
        return new Started(store.claimPlanned(first, Credential.KF.fingerprint(wecom), now), planned.size() > 1);
    }

    /** Sends the claimed part, then the rest of its plan in order; returns when a waiting retry is due, or null. */
    public Instant dispatchStarted(long conversationId, Started started) {
        SendLogEntry after = sendClaimed(started.claim(), Credential.KF.fingerprint(wecom), null);
        if (after != null && after.getStatus().open()) {
            return dueAgain(after);
        }
        return started.more() ? dispatchConversation(conversationId) : null;
    }

    /** Sends what is due for the conversation, in order; returns when its next waiting retry is due, or null. */
    public Instant dispatchConversation(long conversationId) {
        Instant nextDue = null;
        boolean answersBlocked = false;
        for (SendLogEntry record : store.open(conversationId)) {
            boolean ordered = record.getChannel() == SendChannel.SEND_MSG;
            if (ordered && answersBlocked) {
                continue;
            }
            SendLogEntry after = attempt(record.getId(), record.getRequestedBy());
            if (after != null && after.getStatus().open()) {
                answersBlocked |= ordered;
                nextDue = earlier(nextDue, dueAgain(after));
            }
        }
        return nextDue;
    }

    /** One attempt at one part if it is due; returns the part as it is afterwards (unchanged when not due). */
    public SendLogEntry attempt(long entryId, String requestedBy) {
        String fingerprint = Credential.KF.fingerprint(wecom);
        SendLogStore.Claim claim;
        try {
            claim = commits.run(() -> store.claim(entryId, fingerprint, Instant.now()));
        } catch (RuntimeException lostRace) {
            LOG.log(Level.FINE, "send log entry {0} was claimed elsewhere", entryId);
            return store.find(entryId);
        }
        if (claim == null) {
            return store.find(entryId);
        }
        return sendClaimed(claim, fingerprint, requestedBy);
    }

    private Instant dueAgain(SendLogEntry open) {
        return open.getStatus() == SendStatus.SENDING ? open.getUpdatedAt().plus(config.sendingStaleAfter())
                : open.getNextAttemptAt();
    }

    /** The call for a claimed part and the record of its outcome; the part as it is afterwards. */
    private SendLogEntry sendClaimed(SendLogStore.Claim claim, String fingerprint, String requestedBy) {
        if (claim.expiresAt() != null && Instant.now().isAfter(claim.expiresAt())) {
            return finish(claim, new RetryPolicy.Verdict(RetryPolicy.Kind.FAIL, Duration.ZERO,
                    "the event code expired at " + claim.expiresAt() + " (welcome codes live 20 s) / 事件 code 已过期"),
                    SendAttempt.Outcome.REFUSED, null, null, 0, fingerprint, requestedBy);
        }
        RetryPolicy policy = new RetryPolicy(config.maxAttempts());
        long started = System.nanoTime();
        WeComReply<Void> answer = send(claim);
        int tookMs = millisSince(started);
        return switch (answer.outcome()) {
            case OK, ERRCODE -> finish(claim, expiryAware(claim, policy.afterErrcode(catalogue.lookup(answer.errcode()),
                    claim.attempts(), claim.mayHaveArrived())),
                    answer.ok() ? SendAttempt.Outcome.OK : SendAttempt.Outcome.ERROR,
                    answer.ok() ? null : answer.errcode(), answer.detail(), tookMs, fingerprint, requestedBy);
            case UNREACHABLE -> finish(claim, expiryAware(claim, policy.afterTransportFailure(answer.detail(),
                    answer.httpStatus(), claim.attempts())), SendAttempt.Outcome.TRANSPORT, null, answer.detail(),
                    tookMs, fingerprint, requestedBy);
            case NO_TOKEN -> finish(claim, expiryAware(claim, policy.afterNoToken(answer.detail(), claim.attempts())),
                    SendAttempt.Outcome.TRANSPORT, answer.errcode() == 0 ? null : answer.errcode(), answer.detail(),
                    tookMs, fingerprint, requestedBy);
            case NOT_CONFIGURED -> finish(claim, new RetryPolicy.Verdict(RetryPolicy.Kind.FAIL, Duration.ZERO,
                    answer.detail()), SendAttempt.Outcome.REFUSED, null, answer.detail(), 0, fingerprint, requestedBy);
        };
    }

    /**
     * The call itself; anything unexpected on the way counts as no answer, so the part is retried with its msgid
     * instead of being left SENDING.
     */
    private WeComReply<Void> send(SendLogStore.Claim claim) {
        try {
            return claim.channel() == SendChannel.SEND_MSG
                    ? client.sendText(claim.openKfid(), claim.externalUserid(), claim.msgid(), claim.text())
                    : client.sendTextOnEvent(claim.eventCode(), claim.msgid(), claim.text());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "send " + claim.msgid() + " failed unexpectedly; it will be retried", e);
            return WeComReply.unreachable("unexpected " + e.getClass().getSimpleName(), 0);
        }
    }

    private SendLogEntry finish(SendLogStore.Claim claim, RetryPolicy.Verdict verdict, SendAttempt.Outcome outcome,
            Integer errcode, String errmsg, int durationMs, String fingerprint, String requestedBy) {
        Instant now = Instant.now();
        metrics.send(outcome == SendAttempt.Outcome.OK ? Integer.valueOf(0) : errcode,
                outcome != SendAttempt.Outcome.REFUSED);
        if (verdict.kind() != RetryPolicy.Kind.SENT || verdict.explanation() != null) {
            LOG.info(() -> "send " + claim.msgid() + " attempt " + claim.attempts() + ": " + verdict.kind() + " ("
                    + (errcode == null ? outcome : errcode) + ")");
        }
        return ConflictRetry.run(() -> commits.run(() -> store.record(claim.entryId(), new SendAttempt(claim.entryId(),
                claim.attempts(), now, outcome, errcode, errmsg, durationMs, fingerprint, requestedBy), verdict,
                errcode,
                errmsg, now)));
    }

    /** A code's deadline beats the retry schedule: a retry after it can only fail. */
    private static RetryPolicy.Verdict expiryAware(SendLogStore.Claim claim, RetryPolicy.Verdict verdict) {
        if (verdict.kind() == RetryPolicy.Kind.RETRY && claim.expiresAt() != null
                && Instant.now().plus(verdict.delay()).isAfter(claim.expiresAt())) {
            return new RetryPolicy.Verdict(RetryPolicy.Kind.FAIL, Duration.ZERO,
                    verdict.explanation() + " — no retry: the event code expires at " + claim.expiresAt());
        }
        return verdict;
    }

    private static int millisSince(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
