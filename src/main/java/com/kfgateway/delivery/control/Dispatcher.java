package com.kfgateway.delivery.control;

import com.kfgateway.delivery.entity.SendAttempt;
import com.kfgateway.delivery.entity.SendRecord;
import com.kfgateway.delivery.entity.SendRecord.Channel;
import com.kfgateway.delivery.entity.SendStatus;
import com.kfgateway.doctor.control.SecretFingerprint;
import com.kfgateway.wecom.control.CredentialNotConfiguredException;
import com.kfgateway.wecom.control.ErrorCatalogue;
import com.kfgateway.wecom.control.TokenUnavailableException;
import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.control.WeComConfig;
import com.kfgateway.wecom.control.WeComException;
import com.kfgateway.wecom.control.WeComResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
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
    SendLedger ledger;

    @Inject
    WeComClient client;

    @Inject
    ErrorCatalogue catalogue;

    @Inject
    WeComConfig wecom;

    @Inject
    DeliveryConfig config;

    /** Sends what is due for the conversation, in order; returns when its next waiting retry is due, or null. */
    public Instant dispatchConversation(long conversationId) {
        Instant nextDue = null;
        boolean answersBlocked = false;
        for (SendRecord record : ledger.open(conversationId)) {
            boolean ordered = record.getChannel() == Channel.SEND_MSG;
            if (ordered && answersBlocked) {
                continue;
            }
            SendRecord after = attempt(record.getId(), record.getRequestedBy());
            if (after != null && after.getStatus().open()) {
                answersBlocked |= ordered;
                nextDue = earlier(nextDue, after.getStatus() == SendStatus.SENDING
                        ? after.getUpdatedAt().plus(config.sendingStaleAfter()) : after.getNextAttemptAt());
            }
        }
        return nextDue;
    }

    /** One attempt at one part if it is due; returns the part as it is afterwards (unchanged when not due). */
    public SendRecord attempt(long recordId, String requestedBy) {
        String fingerprint = wecom.kfSecret() == null ? null : SecretFingerprint.of(wecom.kfSecret());
        SendLedger.Claim claim;
        try {
            claim = ledger.claim(recordId, fingerprint, Instant.now());
        } catch (RuntimeException lostRace) {
            LOG.log(Level.FINE, "send record {0} was claimed elsewhere", recordId);
            return ledger.find(recordId);
        }
        if (claim == null) {
            return ledger.find(recordId);
        }
        if (claim.expiresAt() != null && Instant.now().isAfter(claim.expiresAt())) {
            return finish(claim, new RetryPolicy.Verdict(RetryPolicy.Kind.FAIL, Duration.ZERO,
                    "the event code expired at " + claim.expiresAt() + " (welcome codes live 20 s) / 事件 code 已过期"),
                    SendAttempt.Outcome.REFUSED, null, null, 0, fingerprint, requestedBy);
        }
        RetryPolicy policy = new RetryPolicy(config.maxAttempts());
        long started = System.nanoTime();
        try {
            WeComResponse answer = claim.channel() == Channel.SEND_MSG ? client.sendMsg(sendMsgBody(claim))
                    : client.sendMsgOnEvent(onEventBody(claim));
            RetryPolicy.Verdict verdict = expiryAware(claim,
                    policy.afterErrcode(catalogue.lookup(answer.errcode()), claim.attempts()));
            return finish(claim, verdict, answer.ok() ? SendAttempt.Outcome.OK : SendAttempt.Outcome.ERROR,
                    answer.ok() ? null : answer.errcode(), answer.errmsg(), millisSince(started), fingerprint,
                    requestedBy);
        } catch (WeComException e) {
            return finish(claim, expiryAware(claim, policy.afterTransportFailure(e, claim.attempts())),
                    SendAttempt.Outcome.TRANSPORT, null, e.getMessage(), millisSince(started), fingerprint, requestedBy);
        } catch (TokenUnavailableException e) {
            return finish(claim, expiryAware(claim, policy.afterNoToken(e.getMessage(), claim.attempts())),
                    SendAttempt.Outcome.TRANSPORT, e.errcode(), e.getMessage(), millisSince(started), fingerprint,
                    requestedBy);
        } catch (CredentialNotConfiguredException e) {
            return finish(claim, new RetryPolicy.Verdict(RetryPolicy.Kind.FAIL, Duration.ZERO, e.getMessage()),
                    SendAttempt.Outcome.REFUSED, null, e.getMessage(), 0, fingerprint, requestedBy);
        }
    }

    private SendRecord finish(SendLedger.Claim claim, RetryPolicy.Verdict verdict, SendAttempt.Outcome outcome,
            Integer errcode, String errmsg, int durationMs, String fingerprint, String requestedBy) {
        Instant now = Instant.now();
        if (verdict.kind() != RetryPolicy.Kind.SENT) {
            LOG.info(() -> "send " + claim.msgid() + " attempt " + claim.attempts() + ": " + verdict.kind() + " ("
                    + (errcode == null ? outcome : errcode) + ")");
        }
        return ConflictRetry.run(() -> ledger.record(claim.recordId(), new SendAttempt(claim.recordId(),
                claim.attempts(), now, outcome, errcode, errmsg, durationMs, fingerprint, requestedBy), verdict, errcode,
                errmsg, now));
    }

    /** A code's deadline beats the retry schedule: a retry after it can only fail. */
    private static RetryPolicy.Verdict expiryAware(SendLedger.Claim claim, RetryPolicy.Verdict verdict) {
        if (verdict.kind() == RetryPolicy.Kind.RETRY && claim.expiresAt() != null
                && Instant.now().plus(verdict.delay()).isAfter(claim.expiresAt())) {
            return new RetryPolicy.Verdict(RetryPolicy.Kind.FAIL, Duration.ZERO,
                    verdict.explanation() + " — no retry: the event code expires at " + claim.expiresAt());
        }
        return verdict;
    }

    static JsonObject sendMsgBody(SendLedger.Claim claim) {
        return text(Json.createObjectBuilder().add("touser", claim.externalUserid())
                .add("open_kfid", claim.openKfid()).add("msgid", claim.msgid()), claim.text());
    }

    static JsonObject onEventBody(SendLedger.Claim claim) {
        return text(Json.createObjectBuilder().add("code", claim.eventCode()).add("msgid", claim.msgid()),
                claim.text());
    }

    private static JsonObject text(JsonObjectBuilder builder, String content) {
        return builder.add("msgtype", "text").add("text", Json.createObjectBuilder().add("content", content)).build();
    }

    private static int millisSince(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
