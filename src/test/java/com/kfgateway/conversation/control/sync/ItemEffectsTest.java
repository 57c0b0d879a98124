package com.kfgateway.conversation.control.sync;

import static com.kfgateway.conversation.control.sync.SyncFixture.ACCOUNT;
import static com.kfgateway.conversation.control.sync.SyncFixture.NOW;
import static com.kfgateway.conversation.control.sync.SyncFixture.customerImage;
import static com.kfgateway.conversation.control.sync.SyncFixture.customerText;
import static com.kfgateway.conversation.control.sync.SyncFixture.enterSession;
import static com.kfgateway.conversation.control.sync.SyncFixture.event;
import static com.kfgateway.conversation.control.sync.SyncFixture.msgSendFail;
import static com.kfgateway.conversation.control.sync.SyncFixture.otherEvent;
import static com.kfgateway.conversation.control.sync.SyncFixture.page;
import static com.kfgateway.conversation.control.sync.SyncFixture.servicerText;
import static com.kfgateway.conversation.control.sync.SyncFixture.sessionStatusChange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.conversation.entity.Message.Handling;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.conversation.entity.ServiceStateChange;
import com.kfgateway.conversation.entity.ServiceStateChange.Source;
import com.kfgateway.delivery.entity.Recipient;
import com.kfgateway.delivery.entity.SendChannel;
import com.kfgateway.delivery.entity.SendKind;
import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.delivery.entity.SendRequest;
import com.kfgateway.delivery.entity.SendStatus;
import com.kfgateway.wecom.control.ErrorCatalogue;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What each newly stored item means, applied in the page's transaction: states, answers, welcomes, failed sends. */
class ItemEffectsTest {

    private final SyncFixture sync = new SyncFixture();

    @AfterEach
    void close() {
        sync.close();
    }

    private void serviceState(long conversation, ServiceState state, String servicer) {
        sync.db.sql("UPDATE conversation SET service_state = ?, servicer_userid = ? WHERE id = ?", state.code(),
                servicer, conversation);
    }

    @Test
    void aCustomerWritingToAnEndedSessionReopensItAndTheMessageWaitsForAnAnswer() {
        Ingested ingested = sync.store(page("c1", customerText("m1", "wmCustomer", "你好", NOW.minusSeconds(30))));

        Conversation conversation = sync.conversation("wmCustomer");
        assertEquals(ServiceState.NEW, conversation.getServiceState(), "WeCom reopens an ended session as new");
        List<ServiceStateChange> changes = sync.stateChanges(conversation.getId());
        assertEquals(1, changes.size());
        assertEquals(ServiceState.ENDED, changes.get(0).getFromState());
        assertEquals(Source.CUSTOMER_MESSAGE, changes.get(0).getSource());
        assertNull(conversation.getStateConfirmedAt(), "our inference, not WeCom's word");
        assertEquals(Handling.PENDING, sync.message("m1").getHandling());
        assertEquals(List.of(conversation.getId()), List.copyOf(ingested.toAnswer()));
        assertEquals(NOW.minusSeconds(30), conversation.getLastCustomerMessageAt());
        assertEquals(List.of(conversation.getId()), List.copyOf(ingested.nicknames()),
                "a customer we never named is looked up");
    }

    @Test
    void aCustomerWritingToASessionTheBotServesLeavesItsStateAlone() {
        long conversation = sync.db.conversation(ACCOUNT, "wmCustomer");
        serviceState(conversation, ServiceState.BOT, null);

        sync.store(page("c1", customerText("m1", "wmCustomer", "还有一个问题", NOW.minusSeconds(30))));

        assertEquals(ServiceState.BOT, sync.conversation("wmCustomer").getServiceState());
        assertEquals(List.of(), sync.stateChanges(conversation));
    }

    @Test
    void aCustomerMessageOlderThanTheAnswerAgeLimitIsRecordedButNotAnswered() {
        Ingested ingested = sync.store(page("c1", customerText("m1", "wmCustomer", "old", NOW.minus(Duration
                .ofMinutes(11))), customerText("m2", "wmCustomer", "limit", NOW.minus(Duration.ofMinutes(10)))));

        Message old = sync.message("m1");
        assertEquals(Handling.SKIPPED, old.getHandling());
        assertTrue(old.getHandlingNote().contains("sent 11 min before we first saw it (limit 10 min"),
                old.getHandlingNote());
        assertEquals(Handling.PENDING, sync.message("m2").getHandling(), "exactly at the limit is still answered");
        assertEquals(1, ingested.toAnswer().size());
    }

    @Test
    void aCustomerImageWithItsMediaIdIsFetchedAfterTheCommit() {
        Ingested ingested = sync.store(page("c1", customerImage("m1", "wmCustomer", "MEDIA1", NOW.minusSeconds(30)),
                customerImage("m2", "wmCustomer", null, NOW.minusSeconds(20))));

        assertEquals(List.of(sync.message("m1").getId()), ingested.images(), "an image without media id has none");
    }

    @Test
    void aNicknameIsLookedUpAgainOnlyWhenItIsADayOld() {
        long fresh = sync.db.conversation(ACCOUNT, "wmFresh");
        long stale = sync.db.conversation(ACCOUNT, "wmStale");
        sync.db.sql("UPDATE conversation SET nickname_fetched_at = ? WHERE id = ?",
                Timestamp.from(NOW.minus(Duration.ofHours(23))), fresh);
        sync.db.sql("UPDATE conversation SET nickname_fetched_at = ? WHERE id = ?",
                Timestamp.from(NOW.minus(Duration.ofHours(25))), stale);

        Ingested ingested = sync.store(page("c1", customerText("m1", "wmFresh", "hi", NOW.minusSeconds(30)),
                customerText("m2", "wmStale", "hi", NOW.minusSeconds(20))));

        assertEquals(List.of(stale), List.copyOf(ingested.nicknames()));
    }

    @Test
    void aServicerWritingFromTheWeComClientMeansAHumanServesTheCustomer() {
        long conversation = sync.db.conversation(ACCOUNT, "wmCustomer");

        Ingested ingested = sync.store(page("c1", servicerText("m1", "wmCustomer", "alice", "我来处理",
                NOW.minusSeconds(30))));

        Conversation moved = sync.conversation("wmCustomer");
        assertEquals(ServiceState.HUMAN, moved.getServiceState());
        assertEquals("alice", moved.getServicerUserid());
        assertEquals(NOW.minusSeconds(30), moved.getStateConfirmedAt(), "WeCom showed it: a confirmed state");
        assertEquals(Source.STAFF_MESSAGE, sync.stateChanges(conversation).get(0).getSource());
        assertEquals(List.of(conversation), List.copyOf(ingested.toAnswer()),
                "the answerer re-reads what waits now that a human serves");
        assertEquals(Handling.NONE, sync.message("m1").getHandling());
    }

    @Test
    void aSessionStatusChangeMovesTheStateAsWeComSays() {
        long conversation = sync.db.conversation(ACCOUNT, "wmCustomer");

        sync.store(page("c1", event("m1", "wmCustomer", sessionStatusChange(1, null, "bob"), NOW.minusSeconds(30))));

        Conversation taken = sync.conversation("wmCustomer");
        assertEquals(ServiceState.HUMAN, taken.getServiceState());
        assertEquals("bob", taken.getServicerUserid());
        assertEquals(NOW.minusSeconds(30), taken.getStateConfirmedAt());
        assertEquals(Source.EVENT, sync.stateChanges(conversation).get(0).getSource());

        Ingested ended = sync.store(page("c2", event("m2", "wmCustomer", sessionStatusChange(3, "bob", null), NOW
                .minusSeconds(20))));

        assertEquals(ServiceState.ENDED, sync.conversation("wmCustomer").getServiceState());
        assertNull(sync.conversation("wmCustomer").getServicerUserid());
        assertEquals(List.of(conversation), List.copyOf(ended.toAnswer()));
        assertEquals(2, sync.stateChanges(conversation).size());
    }

    @Test
    void aSessionStatusChangeOfAnUnknownTypeMovesNothing() {
        long conversation = sync.db.conversation(ACCOUNT, "wmCustomer");

        sync.store(page("c1", event("m1", "wmCustomer", sessionStatusChange(9, null, "bob"), NOW.minusSeconds(30))));

        assertEquals(ServiceState.NEW, sync.conversation("wmCustomer").getServiceState());
        assertEquals(List.of(), sync.stateChanges(conversation));
    }

    @Test
    void enterSessionWithAWelcomeCodePlansTheWelcomeOnThatCodeForItsScene() {
        sync.assistant.byScene = Map.of("", "欢迎光临", "qr1", "扫码欢迎");
        Instant sentAt = NOW.minusSeconds(5);

        Ingested ingested = sync.store(page("c1", event("m1", "wmCustomer", enterSession("qr1", "WELCOME_CODE"),
                sentAt)));

        List<SendLogEntry> entries = sync.sendLogEntries();
        assertEquals(1, entries.size());
        SendLogEntry welcome = entries.get(0);
        assertEquals(SendKind.WELCOME, welcome.getKind());
        assertEquals(SendChannel.SEND_MSG_ON_EVENT, welcome.getChannel());
        assertEquals("WELCOME_CODE", welcome.getEventCode());
        assertEquals(sentAt.plusSeconds(20), welcome.getExpiresAt(), "the code lives 20 s from the event");
        assertEquals("扫码欢迎", welcome.getText());
        assertEquals(sync.conversation("wmCustomer").getId(), welcome.getRecipient().conversationId());
        assertEquals(sync.message("m1").getId(), welcome.getAnswersMessageId());
        assertEquals(List.of(welcome.getId()), ingested.eventSends(), "sent at once after the commit");
        assertEquals(Handling.ANSWERED, sync.message("m1").getHandling());
        assertEquals(1, sync.planned.fired().size());
    }

    @Test
    void aWelcomeCodeTwentySecondsOldIsExpiredAndNothingIsPlanned() {
        sync.assistant.byScene = Map.of("", "欢迎光临");

        Ingested ingested = sync.store(page("c1", event("m1", "wmLate", enterSession("", "LATE"),
                NOW.minusSeconds(20)), event("m2", "wmInTime", enterSession("", "IN_TIME"), NOW.minusSeconds(19))));

        Message late = sync.message("m1");
        assertEquals(Handling.SKIPPED, late.getHandling());
        assertTrue(late.getHandlingNote().startsWith("welcome_code expired"), late.getHandlingNote());
        assertEquals(1, ingested.eventSends().size());
        assertEquals("IN_TIME", sync.sendLogEntries().get(0).getEventCode());
    }

    @Test
    void enterSessionWithoutWelcomeTextOrCodeSendsNothing() {
        Ingested ingested = sync.store(page("c1", event("m1", "wmNoText", enterSession("ad", "CODE1"),
                NOW.minusSeconds(5)), event("m2", "wmNoCode", enterSession("ad", null), NOW.minusSeconds(5))));

        assertEquals(List.of(), sync.sendLogEntries());
        assertEquals(List.of(), ingested.eventSends());
        Message noText = sync.message("m1");
        assertEquals(Handling.NONE, noText.getHandling());
        assertEquals("no welcome text configured for scene ad", noText.getHandlingNote());
        assertNull(sync.message("m2").getHandlingNote(), "without a code there is no welcome to decide about");
    }

    @Test
    void msgSendFailMarksOurPartFailedWithWeComsReasonInBothLanguages() {
        long conversation = sync.db.conversation(ACCOUNT, "wmCustomer");
        SendLogEntry part = sync.db.inTransaction(() -> sync.planner.planText(new SendRequest(new Recipient(
                conversation, ACCOUNT, "wmCustomer"), null, "mQuestion", SendKind.ANSWER, null), "答案",
                NOW.minusSeconds(60), NOW.minusSeconds(50))).get(0);

        sync.store(page("c1", event("m1", "wmCustomer", msgSendFail(part.getMsgid(), 1), NOW.minusSeconds(30))));

        SendLogEntry failed = sync.db.find(SendLogEntry.class, part.getId());
        assertEquals(SendStatus.FAILED, failed.getStatus());
        assertEquals(1, failed.getError().getFailType());
        ErrorCatalogue catalogue = new ErrorCatalogue();
        String explanation = failed.getError().getExplanation();
        assertTrue(explanation.contains(catalogue.failTypeMeaning(1, Locale.CHINESE)), explanation);
        assertTrue(explanation.contains(catalogue.failTypeMeaning(1, Locale.ENGLISH)), explanation);
        assertEquals(SendStatus.FAILED, sync.changed.fired().get(sync.changed.fired().size() - 1).to(),
                "the conversation's timeline hears of it");
        assertEquals("marked our part " + part.getMsgid() + " failed", sync.message("m1").getHandlingNote());
    }

    @Test
    void msgSendFailForAMsgidWeNeverSentIsOnlyRecorded() {
        sync.store(page("c1", event("m1", "wmCustomer", msgSendFail("notOurs", 2), NOW.minusSeconds(30)),
                event("m2", "wmCustomer", msgSendFail(null, null), NOW.minusSeconds(20))));

        assertEquals("fail_msgid notOurs is not in our send log", sync.message("m1").getHandlingNote());
        assertEquals(Handling.NONE, sync.message("m2").getHandling());
        assertEquals(List.of(), sync.changed.fired());
    }

    @Test
    void otherEventsAreRecordedOnly() {
        long conversation = sync.db.conversation(ACCOUNT, "wmCustomer");

        Ingested ingested = sync.store(page("c1", event("m1", "wmCustomer", otherEvent("user_recall_msg"),
                NOW.minusSeconds(30)), event("m2", null, otherEvent("servicer_status_change"), NOW.minusSeconds(20))));

        assertEquals(2, ingested.stored());
        assertEquals(List.of(), List.copyOf(ingested.toAnswer()));
        assertEquals(List.of(), sync.stateChanges(conversation));
        assertEquals(Handling.NONE, sync.message("m1").getHandling());
        assertEquals(Handling.NONE, sync.message("m2").getHandling());
    }

    @Test
    void effectsAreAppliedOnlyInsideTheIngestTransaction() {
        // MANDATORY: an effect applied on its own would commit a state move without the message that caused it.
        assertThrows(jakarta.transaction.TransactionalException.class, () -> sync.effects.apply(customerText("m1",
                "wmCustomer", "hi", NOW), null, null, new Ingested(), NOW));
    }
}
