package com.kfgateway.conversation.control.sync;

import com.kfgateway.assistant.boundary.Assistant;
import com.kfgateway.conversation.control.ConversationConfig;
import com.kfgateway.conversation.control.outbox.Outbox;
import com.kfgateway.conversation.control.state.StateLog;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.conversation.entity.QuarantinedItem;
import com.kfgateway.conversation.entity.ServiceStateChange;
import com.kfgateway.delivery.boundary.SendLog;
import com.kfgateway.delivery.control.SendLogStore;
import com.kfgateway.delivery.control.SendPlanner;
import com.kfgateway.delivery.entity.PartPlanned;
import com.kfgateway.delivery.entity.PartStatusChanged;
import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.unit.RecordedEvents;
import com.kfgateway.unit.TestDatabase;
import com.kfgateway.unit.Wiring;
import com.kfgateway.wecom.control.ErrorCatalogue;
import com.kfgateway.wecom.entity.InboundEvent;
import com.kfgateway.wecom.entity.InboundItem;
import com.kfgateway.wecom.entity.SyncPage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sync pipeline wired by hand on a fresh database: the page store and the item effects with the real state log,
 * outbox and send log (planner and store), an assistant whose welcome texts are set per scene, and customer messages
 * answered when at most ten minutes old. Builders for the items WeCom serves; reads of what ended up stored.
 */
final class SyncFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    static final String ACCOUNT = "wkA";

    final TestDatabase db = new TestDatabase();
    final RecordedEvents<PartPlanned> planned = new RecordedEvents<>();
    final RecordedEvents<PartStatusChanged> changed = new RecordedEvents<>();
    final SendLogStore sendLogStore = Wiring.of(SendLogStore.class).with(db).event(PartStatusChanged.class, changed)
            .get();
    final SendPlanner planner = Wiring.of(SendPlanner.class).with(db).event(PartPlanned.class, planned)
            .event(PartStatusChanged.class, changed).get();
    final RecordingSendLog sendLog = Wiring.of(RecordingSendLog.class).with(sendLogStore, planner).get();
    final StateLog states = Wiring.of(StateLog.class).with(db).get();
    final Outbox outbox = Wiring.of(Outbox.class).with(db, sendLog).get();
    final WelcomeTexts assistant = new WelcomeTexts();
    final ConversationConfig config = new ConversationConfig() {
        @Override
        public Duration answerMaxAge() {
            return Duration.ofMinutes(10);
        }
    };
    final ItemEffects effects = Wiring.of(ItemEffects.class).with(db, states, outbox, sendLog, new ErrorCatalogue(),
            assistant, config).get();
    final PageStore pages = Wiring.of(PageStore.class).with(db, effects).get();

    /** The send log as delivery offers it, except that sending at once is only recorded: no WeCom here. */
    static class RecordingSendLog extends SendLog {

        final List<Long> attempted = new ArrayList<>();

        @Override
        public SendLogEntry attempt(long entryId) {
            attempted.add(entryId);
            return find(entryId);
        }
    }

    /** The rules' welcome texts, per scene; none unless a test sets one. */
    static final class WelcomeTexts extends Assistant {

        Map<String, String> byScene = Map.of();

        @Override
        public String welcomeText(String scene) {
            return byScene.getOrDefault(scene == null ? "" : scene, "");
        }
    }

    static SyncPage page(String nextCursor, InboundItem... items) {
        return new SyncPage(nextCursor, false, List.of(items));
    }

    static InboundItem customerText(String msgid, String externalUserid, String text, Instant sentAt) {
        return new InboundItem(msgid, ACCOUNT, externalUserid, InboundItem.ORIGIN_CUSTOMER, null, "text", text, null,
                sentAt, null, raw(msgid));
    }

    static InboundItem customerImage(String msgid, String externalUserid, String mediaId, Instant sentAt) {
        return new InboundItem(msgid, ACCOUNT, externalUserid, InboundItem.ORIGIN_CUSTOMER, null, "image", "[image]",
                mediaId, sentAt, null, raw(msgid));
    }

    static InboundItem servicerText(String msgid, String externalUserid, String servicer, String text,
            Instant sentAt) {
        return new InboundItem(msgid, ACCOUNT, externalUserid, InboundItem.ORIGIN_SERVICER, servicer, "text", text,
                null, sentAt, null, raw(msgid));
    }

    static InboundItem event(String msgid, String externalUserid, InboundEvent event, Instant sentAt) {
        return new InboundItem(msgid, ACCOUNT, externalUserid, InboundItem.ORIGIN_EVENT, null, "event",
                "[event " + event.eventType() + "]", null, sentAt, event, raw(msgid));
    }

    static InboundEvent enterSession(String scene, String welcomeCode) {
        return new InboundEvent("enter_session", scene, null, welcomeCode, null, null, null, null, null, null, null,
                null, null);
    }

    static InboundEvent sessionStatusChange(int changeType, String oldServicer, String newServicer) {
        return new InboundEvent("session_status_change", null, null, null, null, null, changeType, oldServicer,
                newServicer, null, null, null, null);
    }

    static InboundEvent msgSendFail(String failMsgid, Integer failType) {
        return new InboundEvent("msg_send_fail", null, null, null, failMsgid, failType, null, null, null, null, null,
                null, null);
    }

    static InboundEvent otherEvent(String eventType) {
        return new InboundEvent(eventType, null, null, null, null, null, null, null, null, null, "servicer1", 1, null);
    }

    static String raw(String msgid) {
        return "{\"msgid\":\"" + msgid + "\"}";
    }

    /** The stored message with WeCom's msgid, or null. */
    Message message(String msgid) {
        return db.inTransaction(() -> db.entityManager().createNamedQuery(Message.BY_MSGID, Message.class)
                .setParameter("msgid", msgid).getResultStream().findFirst().orElse(null));
    }

    long messageCount() {
        return db.inTransaction(() -> db.entityManager().createQuery("select count(m) from Message m", Long.class)
                .getSingleResult());
    }

    /** The customer's conversation, or null. */
    Conversation conversation(String externalUserid) {
        return db.inTransaction(() -> db.entityManager()
                .createNamedQuery(Conversation.BY_CUSTOMERS, Conversation.class)
                .setParameter("externalUserids", List.of(externalUserid)).getResultStream()
                .filter(c -> c.getOpenKfid().equals(ACCOUNT)).findFirst().orElse(null));
    }

    long conversationCount() {
        return db.inTransaction(() -> db.entityManager()
                .createQuery("select count(c) from Conversation c", Long.class).getSingleResult());
    }

    List<QuarantinedItem> quarantined() {
        return db.inTransaction(() -> db.entityManager()
                .createNamedQuery(QuarantinedItem.LATEST, QuarantinedItem.class).getResultList());
    }

    List<ServiceStateChange> stateChanges(long conversationId) {
        return db.inTransaction(() -> db.entityManager()
                .createNamedQuery(ServiceStateChange.OF_CONVERSATION, ServiceStateChange.class)
                .setParameter("conversationId", conversationId).getResultList());
    }

    List<SendLogEntry> sendLogEntries() {
        return db.inTransaction(() -> db.entityManager()
                .createQuery("select s from SendLogEntry s order by s.id", SendLogEntry.class).getResultList());
    }

    /** Stores a page from the stored cursor, as a pull that just read it. */
    Ingested store(SyncPage page) {
        return pages.store(ACCOUNT, pages.cursorOf(ACCOUNT), page, NOW);
    }

    @Override
    public void close() {
        db.close();
    }
}
