package com.kfgateway.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.delivery.entity.SendAttempt;
import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.delivery.entity.SendStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The send log's transactions on the real schema: claims, outcomes, stale parts, resends, later parts. */
class SendLogStoreTest {

    private final DeliveryFixture delivery = new DeliveryFixture();
    private final SendLogStore store = delivery.store;

    @AfterEach
    void close() {
        delivery.close();
    }

    @Test
    void aClaimedPartIsSendingAndCannotBeClaimedAgainUntilItIsStale() {
        long id = delivery.answer("m1", "hello").get(0).getId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        SendLogStore.Claim claim = store.claim(id, "fp", now);

        assertNotNull(claim);
        assertEquals(1, claim.attempts());
        assertEquals("wmCustomer", claim.externalUserid());
        assertEquals("hello", claim.text());
        assertEquals(SendStatus.SENDING, delivery.entry(id).getStatus());
        assertNull(store.claim(id, "fp", now.plusSeconds(1)), "a second dispatcher gets nothing");
        assertEquals(List.of(), store.conversationsDue(now.plusSeconds(1)));

        Instant stale = now.plus(delivery.config.sendingStaleAfter()).plusSeconds(1);
        assertEquals(List.of(delivery.conversation), store.conversationsDue(stale),
                "a part SENDING that long lost its dispatcher");
        assertEquals(2, store.claim(id, "fp", stale).attempts(), "the same part, the same msgid, one more attempt");
    }

    @Test
    void aPartWhoseDispatcherDiedAsOftenAsItMayBeTriedIsFailedWithItsLaterParts() {
        List<SendLogEntry> parts = delivery.answer("m1", longText());
        long first = parts.get(0).getId();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < delivery.config.maxAttempts(); i++) {
            assertNotNull(store.claim(first, "fp", at), "attempt " + (i + 1));
            at = at.plus(delivery.config.sendingStaleAfter()).plusSeconds(1);
        }

        assertNull(store.claim(first, "fp", at));

        SendLogEntry given = delivery.entry(first);
        assertEquals(SendStatus.FAILED, given.getStatus());
        assertTrue(given.getError().getExplanation().startsWith("gave up after 3 attempts"));
        assertEquals(SendStatus.FAILED, delivery.entry(parts.get(1).getId()).getStatus(),
                "a fragment would confuse the customer");
        assertEquals(SendStatus.FAILED, delivery.changed.fired().get(delivery.changed.fired().size() - 1).to());
    }

    @Test
    void recordingMovesThePartAndKeepsTheAttempt() {
        long id = delivery.answer("m1", "hello").get(0).getId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SendLogStore.Claim claim = store.claim(id, "fp", now);

        SendLogEntry waiting = store.record(id, attempt(claim, SendAttempt.Outcome.ERROR, 45009),
                new RetryPolicy.Verdict(
                        RetryPolicy.Kind.RETRY, Duration.ofSeconds(30), "busy"),
                45009, "api freq out of limit", now);

        assertEquals(SendStatus.RETRY_WAIT, waiting.getStatus());
        assertEquals(now.plusSeconds(30), waiting.getNextAttemptAt());
        assertEquals(45009, delivery.entry(id).getError().getErrcode());
        assertNull(store.claim(id, "fp", now.plusSeconds(29)), "not due before its retry time");
        SendLogStore.Claim again = store.claim(id, "fp", now.plusSeconds(30));
        SendLogEntry sent = store.record(id, attempt(again, SendAttempt.Outcome.OK, null), new RetryPolicy.Verdict(
                RetryPolicy.Kind.SENT, Duration.ZERO, null), null, null, now.plusSeconds(31));

        assertEquals(SendStatus.SENT, sent.getStatus());
        assertEquals(List.of(), store.open(delivery.conversation));
        assertEquals(2, delivery.db.inTransaction(() -> delivery.db.entityManager()
                .createQuery("SELECT COUNT(a) FROM SendAttempt a WHERE a.sendLogId = :id", Long.class)
                .setParameter("id", id).getSingleResult()).intValue());
    }

    @Test
    void aResendRequeuesAFailedPartWithItsMsgidButLeavesASentOneAlone() {
        long id = delivery.answer("m1", "hello").get(0).getId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SendLogStore.Claim claim = store.claim(id, "fp", now);
        store.record(id, attempt(claim, SendAttempt.Outcome.ERROR, 95018), new RetryPolicy.Verdict(
                RetryPolicy.Kind.FAIL, Duration.ZERO, "no rights"), 95018, "send msg not allowed", now);
        String msgid = delivery.entry(id).getMsgid();

        SendLogEntry requeued = store.requeue(id, "alice", now.plusSeconds(5));

        assertEquals(SendStatus.PENDING, requeued.getStatus());
        assertEquals(msgid, requeued.getMsgid());
        assertEquals("alice", requeued.getRequestedBy());
        store.record(id, attempt(store.claim(id, "fp", now.plusSeconds(6)), SendAttempt.Outcome.OK, null),
                new RetryPolicy.Verdict(RetryPolicy.Kind.SENT, Duration.ZERO, null), null, null, now.plusSeconds(7));
        assertEquals(SendStatus.SENT, store.requeue(id, "bob", now.plusSeconds(8)).getStatus());
        assertNull(store.requeue(987_654, "bob", now));
    }

    @Test
    void aDeliveryFailureReportedByWeComNeedsTheCallersTransactionAndFindsThePartByMsgid() {
        SendLogEntry part = delivery.answer("m1", "hello").get(0);

        assertThrows(RuntimeException.class, () -> store.deliveryFailed(part.getMsgid(), 0, "unknown", Instant.now()),
                "MANDATORY: it runs inside the ingest transaction");
        assertTrue(delivery.db.inTransaction(() -> store.deliveryFailed(part.getMsgid(), 2, "没有满足的发送时机",
                Instant.now())));
        assertEquals(2, delivery.entry(part.getId()).getError().getFailType());
        assertEquals(false, delivery.db.inTransaction(() -> store.deliveryFailed("not-ours", 2, "x", Instant.now())));
    }

    private static SendAttempt attempt(SendLogStore.Claim claim, SendAttempt.Outcome outcome, Integer errcode) {
        return new SendAttempt(claim.entryId(), claim.attempts(), Instant.now(), outcome, errcode, null, 10, "fp",
                null);
    }

    static String longText() {
        String paragraph = "这是一段很长的回答。".repeat(80);
        return paragraph + "\n\n" + paragraph;
    }
}
