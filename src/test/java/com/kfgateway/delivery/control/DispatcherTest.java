package com.kfgateway.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.delivery.entity.SendAttempt;
import com.kfgateway.delivery.entity.SendKind;
import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.delivery.entity.SendRequest;
import com.kfgateway.delivery.entity.SendStatus;
import com.kfgateway.wecom.control.ErrorCatalogue;
import com.kfgateway.wecom.entity.WeComReply;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One attempt at a time against a scripted WeCom: what is retried, what fails at once, and in which order. */
class DispatcherTest {

    private final DeliveryFixture delivery = new DeliveryFixture();
    private final Dispatcher dispatcher = delivery.dispatcher;

    @AfterEach
    void close() {
        delivery.close();
    }

    @Test
    void aConversationsPartsGoOutInOrderEachOnceWithItsOwnMsgid() {
        List<SendLogEntry> parts = delivery.answer("m1", SendLogStoreTest.longText());

        assertNull(dispatcher.dispatchConversation(delivery.conversation), "nothing left to wait for");

        assertEquals(parts.stream().map(p -> p.getMsgid() + ":" + p.getText()).toList(), delivery.wecom.sent);
        parts.forEach(p -> assertEquals(SendStatus.SENT, delivery.entry(p.getId()).getStatus()));
        assertNull(dispatcher.dispatchConversation(delivery.conversation));
        assertEquals(parts.size(), delivery.wecom.sent.size(), "a sent part is never sent again");
    }

    @Test
    void aBusyWeComIsRetriedLaterAndHoldsBackTheLaterPartsOfTheAnswer() {
        List<SendLogEntry> parts = delivery.answer("m1", SendLogStoreTest.longText());
        delivery.wecom.then(WeComReply.errcode(45009, "api freq out of limit"));

        Instant retryAt = dispatcher.dispatchConversation(delivery.conversation);

        assertNotNull(retryAt, "the dispatcher says when to come back");
        SendLogEntry first = delivery.entry(parts.get(0).getId());
        assertEquals(SendStatus.RETRY_WAIT, first.getStatus());
        // The database keeps microseconds.
        assertEquals(retryAt.truncatedTo(ChronoUnit.MILLIS), first.getNextAttemptAt().truncatedTo(ChronoUnit.MILLIS));
        assertEquals(1, delivery.wecom.sent.size(), "part 2 waits for part 1: the customer reads them in order");
        assertEquals(SendStatus.PENDING, delivery.entry(parts.get(1).getId()).getStatus());
    }

    @Test
    void aSecretWithoutKfRightsFailsAtOnceWithTheCataloguesExplanationAndTakesTheLaterParts() {
        List<SendLogEntry> parts = delivery.answer("m1", SendLogStoreTest.longText());
        delivery.wecom.then(WeComReply.errcode(95018, "send msg not allowed"));

        assertNull(dispatcher.dispatchConversation(delivery.conversation));

        SendLogEntry first = delivery.entry(parts.get(0).getId());
        assertEquals(SendStatus.FAILED, first.getStatus());
        assertEquals(95018, first.getError().getErrcode());
        assertEquals(new RetryPolicy(3).afterErrcode(new ErrorCatalogue().lookup(95018), 1).explanation(),
                first.getError().getExplanation(), "the catalogue says what is wrong and how to fix it");
        assertEquals(SendStatus.FAILED, delivery.entry(parts.get(1).getId()).getStatus());
        assertEquals(1, delivery.wecom.sent.size());
    }

    @Test
    void anUnreachableWeComAndAnUnexpectedFailureAreBothRetriedWithTheSameMsgid() {
        long id = delivery.answer("m1", "hello").get(0).getId();
        delivery.wecom.then(WeComReply.unreachable("connect timed out", 0)).then(() -> {
            throw new IllegalStateException("a bug on the way");
        });

        SendLogEntry afterTimeout = dispatcher.attempt(id, null);
        assertEquals(SendStatus.RETRY_WAIT, afterTimeout.getStatus());
        assertEquals(1, dispatcher.attempt(id, null).getAttempts(), "not due yet: nothing is sent");
        assertEquals(1, delivery.wecom.sent.size());

        delivery.db.sql("UPDATE send_log SET next_attempt_at = ? WHERE id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)), id);
        SendLogEntry afterBug = dispatcher.attempt(id, null);
        assertEquals(SendStatus.RETRY_WAIT, afterBug.getStatus(), "never left SENDING by an exception");
        assertEquals(delivery.wecom.sent.get(0), delivery.wecom.sent.get(1), "the retry reuses the msgid");
        List<SendAttempt.Outcome> outcomes = delivery.db.inTransaction(() -> delivery.db.entityManager()
                .createQuery("SELECT a FROM SendAttempt a WHERE a.sendLogId = :id ORDER BY a.attemptNo",
                        SendAttempt.class)
                .setParameter("id", id).getResultList()).stream().map(SendAttempt::getOutcome).toList();
        assertEquals(List.of(SendAttempt.Outcome.TRANSPORT, SendAttempt.Outcome.TRANSPORT), outcomes);
    }

    @Test
    void anExpiredEventCodeIsNotSentAndAFreshOneIs() {
        Instant now = Instant.now();
        SendLogEntry expired = delivery.db.inTransaction(() -> delivery.planner.planOnEvent(new SendRequest(
                delivery.customer, null, null, SendKind.WELCOME, null), "OLD", now.minusSeconds(1), "欢迎", now));
        SendLogEntry fresh = delivery.db.inTransaction(() -> delivery.planner.planOnEvent(new SendRequest(
                delivery.customer, null, null, SendKind.WELCOME, null), "NEW", now.plusSeconds(20), "欢迎", now));

        assertEquals(SendStatus.FAILED, dispatcher.attempt(expired.getId(), null).getStatus());
        assertEquals(SendStatus.SENT, dispatcher.attempt(fresh.getId(), null).getStatus());

        assertEquals(List.of(fresh.getMsgid() + ":欢迎@NEW"), delivery.wecom.sent);
        assertTrue(delivery.entry(expired.getId()).getError().getExplanation().contains("expired"));
    }

    @Test
    void aBusyAnswerToAnEventCodeThatWouldExpireBeforeTheRetryFailsNow() {
        Instant now = Instant.now();
        SendLogEntry welcome = delivery.db.inTransaction(() -> delivery.planner.planOnEvent(new SendRequest(
                delivery.customer, null, null, SendKind.WELCOME, null), "CODE", now.plusMillis(500), "欢迎", now));
        delivery.wecom.then(WeComReply.errcode(45009, "api freq out of limit"));

        SendLogEntry after = dispatcher.attempt(welcome.getId(), null);

        assertEquals(SendStatus.FAILED, after.getStatus());
        assertTrue(after.getError().getExplanation().contains("no retry"), after.getError().getExplanation());
    }

    @Test
    void withoutAConfiguredKfSecretNothingIsSentAndThePartSaysWhy() {
        long id = delivery.answer("m1", "hello").get(0).getId();
        delivery.wecom.then(WeComReply.notConfigured("WECOM_KF_SECRET is not set"));

        SendLogEntry after = dispatcher.attempt(id, "alice");

        assertEquals(SendStatus.FAILED, after.getStatus());
        assertEquals("WECOM_KF_SECRET is not set", after.getError().getExplanation());
    }
    @Test
    void aMsgidWeComCallsUsedAfterAnAttemptWhoseAnswerWasLostMeansThePartArrived() {
        List<SendLogEntry> parts = delivery.answer("m1", SendLogStoreTest.longText());
        long first = parts.get(0).getId();
        delivery.wecom.then(WeComReply.unreachable("request timed out", 0))
                .then(WeComReply.errcode(RetryPolicy.MSGID_ALREADY_USED, "msgid already exists"));
        dispatcher.attempt(first, null);
        delivery.db.sql("UPDATE send_log SET next_attempt_at = ? WHERE id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)), first);

        assertNull(dispatcher.dispatchConversation(delivery.conversation));

        assertEquals(SendStatus.SENT, delivery.entry(first).getStatus(), "the customer has it");
        parts.forEach(p -> assertEquals(SendStatus.SENT, delivery.entry(p.getId()).getStatus(),
                "the rest of the answer is not dropped"));
    }

    @Test
    void aMsgidCalledUsedOnAFirstAttemptIsAFailureNotADelivery() {
        long id = delivery.answer("m1", "hello").get(0).getId();
        delivery.wecom.then(WeComReply.errcode(RetryPolicy.MSGID_ALREADY_USED, "msgid already exists"));

        assertEquals(SendStatus.FAILED, dispatcher.attempt(id, null).getStatus(),
                "nothing of ours can have used it: something else is wrong");
    }

    @Test
    void aPartClaimedAgainAfterItsDispatcherDiedMayAlreadyHaveArrived() {
        long id = delivery.answer("m1", "hello").get(0).getId();
        Instant now = Instant.now();
        assertEquals(false, delivery.store.claim(id, "fp", now).mayHaveArrived());

        SendLogStore.Claim again = delivery.store.claim(id, "fp", now.plus(delivery.config.sendingStaleAfter())
                .plusSeconds(1));

        assertTrue(again.mayHaveArrived(), "the first call may have reached WeCom before the node died");
    }
}
