package com.kfgateway.conversation.control.handover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.conversation.control.PipelineFixture;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.HandoverRequest;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.conversation.entity.ServiceStateChange.Source;
import com.kfgateway.delivery.entity.SendChannel;
import com.kfgateway.delivery.entity.SendKind;
import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.delivery.entity.SendStatus;
import com.kfgateway.unit.Wiring;
import com.kfgateway.wecom.entity.Servicer;
import com.kfgateway.wecom.entity.WeComReply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A handover carried out step by step against the real schema, with WeCom scripted and crashes simulated. */
class HandoverTest {

    private static final String REPLY = "正在为您转接人工客服";

    private final PipelineFixture fixture = new PipelineFixture();
    private final HandoverStore store = fixture.handoverStore();
    private final Handover handover = fixture.handover(store);

    @BeforeEach
    void theBotServesTheCustomer() {
        fixture.stored(ServiceState.BOT, null, Instant.now());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aReceivingServicerGetsTheSessionTheNoticeRidesOnTransMsgCodeAndStaffAreTold() {
        long id = fixture.asksForHuman(REPLY);

        handover.resume(fixture.conversation);

        assertEquals(List.of("trans wmCustomer 3 alice"), fixture.wecom.calls("trans"));
        Conversation conversation = fixture.conversation();
        assertEquals(ServiceState.HUMAN, conversation.getServiceState());
        assertEquals("alice", conversation.getServicerUserid());
        assertEquals(Source.TRANS, fixture.stateChanges().get(fixture.stateChanges().size() - 1).getSource());

        SendLogEntry notice = onlyPart();
        assertEquals(SendKind.QUEUE_NOTICE, notice.getKind());
        assertEquals(SendChannel.SEND_MSG_ON_EVENT, notice.getChannel());
        assertEquals("MSGCODE1", notice.getEventCode(), "the notice uses the code trans returned");
        assertEquals(SendStatus.SENT, notice.getStatus());
        assertEquals(List.of("send@MSGCODE1 " + REPLY), fixture.wecom.calls("send"));

        List<String> told = fixture.wecom.calls("notify");
        assertEquals(1, told.size());
        assertTrue(told.get(0).startsWith("notify alice|bob "), told.get(0));
        assertTrue(told.get(0).contains("assigned to alice"), told.get(0));
        assertTrue(told.get(0).contains("- 转人工"), "staff read what the customer said: " + told.get(0));

        HandoverRequest row = fixture.handoverRow(id);
        assertTrue(row.isMoved() && row.isNoticePlanned() && row.isStaffNotified());
        assertEquals(ServiceState.HUMAN, row.getMovedTo());
        assertEquals("alice", row.getServicerUserid());
        assertEquals("MSGCODE1", row.getMsgCode());
        assertEquals(List.of(), store.open(fixture.conversation), "done");
    }

    @Test
    void withNobodyReceivingTheSessionGoesToTheQueue() {
        fixture.wecom.servicerList = List.of(new Servicer("bob", false));
        fixture.asksForHuman(REPLY);

        handover.resume(fixture.conversation);

        assertEquals(List.of("trans wmCustomer 2"), fixture.wecom.calls("trans"), "no servicer named for the queue");
        assertEquals(ServiceState.QUEUED, fixture.conversation().getServiceState());
        assertTrue(fixture.wecom.calls("notify").get(0).contains("waiting in the queue (state 2)"));
    }

    @Test
    void anUnreadableServicerListAlsoMeansTheQueue() {
        fixture.wecom.servicerReplies.add(WeComReply.errcode(95000, "invalid open_kfid"));
        fixture.asksForHuman(REPLY);

        handover.resume(fixture.conversation);

        assertEquals(List.of("trans wmCustomer 2"), fixture.wecom.calls("trans"));
    }

    @Test
    void whenWeComCannotBeAskedTheMoveWaitsForRecoveryAndTheNextTryAsksFirstWhereTheSessionIs() {
        long id = fixture.asksForHuman(REPLY);
        fixture.wecom.transReplies.add(WeComReply.unreachable("connect timed out", 0));

        handover.resume(fixture.conversation);

        HandoverRequest waiting = fixture.handoverRow(id);
        assertFalse(waiting.isMoved());
        assertEquals(1, waiting.getAttempts());
        assertTrue(waiting.getLastError().startsWith("WeCom could not be asked"), waiting.getLastError());
        assertEquals(List.of(), fixture.parts(), "no notice before the session moved");
        assertEquals(List.of(), fixture.wecom.calls("notify"));
        assertEquals(List.of(), store.conversationsDue(Instant.now()), "not before its retry is due");
        assertEquals(List.of(fixture.conversation), store.conversationsDue(Instant.now().plus(Duration.ofMinutes(6))));

        handover.resume(fixture.conversation);

        assertEquals(1, fixture.wecom.calls("get").size(), "a repeated move asks WeCom first");
        assertEquals(2, fixture.wecom.calls("trans").size(), "WeCom said the session had not moved");
        assertEquals(ServiceState.HUMAN, fixture.conversation().getServiceState());
        assertEquals(List.of(), store.open(fixture.conversation));
    }

    @Test
    void aCrashAfterWeComMovedTheSessionResumesWithoutMovingItTwice() {
        long id = fixture.asksForHuman(REPLY);
        Handover dying = fixture.handover(Wiring.of(CrashingStore.class).with(fixture.db).get());

        assertThrows(IllegalStateException.class, () -> dying.resume(fixture.conversation));
        assertEquals(3, fixture.wecom.state, "WeCom moved the session before we crashed");
        assertFalse(fixture.handoverRow(id).isMoved());

        handover.resume(fixture.conversation);

        assertEquals(1, fixture.wecom.calls("trans").size(), "not moved twice");
        HandoverRequest row = fixture.handoverRow(id);
        assertEquals(ServiceState.HUMAN, row.getMovedTo());
        assertEquals("alice", row.getServicerUserid());
        assertNull(row.getMsgCode(), "the code died with the crash");
        assertEquals(List.of(), fixture.parts(), "no plain send: WeCom refuses one in state 3 (95018)");
        assertTrue(row.getLastError().startsWith("no notice: the session is in state 3"), row.getLastError());
        assertEquals(ServiceState.HUMAN, fixture.conversation().getServiceState(), "what WeCom said is recorded");
        assertEquals(1, fixture.wecom.calls("notify").size());
        assertEquals(List.of(), store.open(fixture.conversation));
    }

    @Test
    void aCrashWhilePlanningTheNoticeResumesAtTheNoticeOnTheRecordedCode() {
        long id = fixture.asksForHuman(REPLY);
        fixture.afterPlanning = part -> {
            throw new IllegalStateException("crash while planning");
        };
        assertThrows(IllegalStateException.class, () -> handover.resume(fixture.conversation));
        assertTrue(fixture.handoverRow(id).isMoved());
        assertEquals(List.of(), fixture.parts(), "the notice's planning rolled back");

        fixture.afterPlanning = part -> {
        };
        handover.resume(fixture.conversation);

        assertEquals(1, fixture.wecom.calls("trans").size(), "a recorded move is not repeated");
        assertEquals(0, fixture.wecom.calls("get").size(), "nor checked");
        assertEquals("MSGCODE1", onlyPart().getEventCode());
        assertEquals(1, fixture.wecom.calls("notify").size());
    }

    @Test
    void unreachableStaffAreToldLaterWithoutPlanningTheNoticeAgain() {
        long id = fixture.asksForHuman(REPLY);
        fixture.wecom.staffReplies.add(WeComReply.unreachable("HTTP 502", 502));

        handover.resume(fixture.conversation);

        HandoverRequest waiting = fixture.handoverRow(id);
        assertTrue(waiting.isNoticePlanned());
        assertFalse(waiting.isStaffNotified());
        assertTrue(waiting.getLastError().startsWith("staff notification:"), waiting.getLastError());
        assertEquals(1, store.open(fixture.conversation).size());

        handover.resume(fixture.conversation);

        assertEquals(2, fixture.wecom.calls("notify").size());
        assertEquals(1, fixture.parts().size(), "one notice");
        assertEquals(1, fixture.wecom.calls("trans").size());
        assertTrue(fixture.handoverRow(id).isStaffNotified());
        assertEquals(List.of(), store.open(fixture.conversation));
    }

    @Test
    void staffRefusingTheNotificationDoesNotHoldTheHandoverOpen() {
        fixture.asksForHuman(REPLY);
        fixture.wecom.staffReplies.add(WeComReply.errcode(81013, "user not found"));

        handover.resume(fixture.conversation);

        assertEquals(List.of(), store.open(fixture.conversation), "retrying would be refused the same way");
    }

    @Test
    void withNobodyToNotifyTheHandoverIsDoneWithoutAStaffMessage() {
        fixture.nobodyToNotify();
        fixture.asksForHuman(REPLY);

        handover.resume(fixture.conversation);

        assertEquals(List.of(), fixture.wecom.calls("notify"));
        assertEquals(List.of(), store.open(fixture.conversation));
    }

    @Test
    void aRefusedMoveIsRecordedWithWhyAndTheNoticeStillGoesOutAsAPlainSend() {
        long id = fixture.asksForHuman(REPLY);
        fixture.wecom.transReplies.add(WeComReply.errcode(95016, "invalid state transfer"));

        handover.resume(fixture.conversation);

        HandoverRequest row = fixture.handoverRow(id);
        assertTrue(row.isMoved(), "WeCom answered: retrying would be refused the same way");
        assertEquals(ServiceState.BOT, row.getMovedTo(), "the state that stays");
        assertTrue(row.getLastError().contains("95016"), row.getLastError());
        assertEquals(ServiceState.BOT, fixture.conversation().getServiceState());
        assertEquals(SendChannel.SEND_MSG, onlyPart().getChannel());
        assertEquals(List.of(), store.open(fixture.conversation));
    }

    @Test
    void aHandoverOlderThan48HoursIsGivenUpAndTheNextOneIsCarriedOut() {
        long stale = fixture.asksForHuman("old reply");
        fixture.db.sql("UPDATE handover SET requested_at = ? WHERE id = ?",
                Instant.now().minus(Handover.GIVE_UP_AFTER).minus(Duration.ofMinutes(1)), stale);
        long fresh = fixture.asksForHuman(REPLY);

        handover.resume(fixture.conversation);

        HandoverRequest givenUp = fixture.handoverRow(stale);
        assertFalse(givenUp.isMoved() || givenUp.isNoticePlanned() || givenUp.isStaffNotified());
        assertEquals("gave up: not done within 48 h", givenUp.getLastError());
        assertTrue(fixture.handoverRow(fresh).isStaffNotified());
        assertEquals(1, fixture.wecom.calls("trans").size(), "only the fresh one moved the session");
        assertEquals(List.of(REPLY), fixture.parts().stream().map(SendLogEntry::getText).toList());
        assertEquals(List.of(), store.open(fixture.conversation));
    }

    @Test
    void aHandoverThatMustWaitKeepsTheLaterOnesWaitingToo() {
        long first = fixture.asksForHuman(REPLY);
        long second = fixture.asksForHuman(REPLY);
        fixture.wecom.transReplies.add(WeComReply.unreachable("connect timed out", 0));

        handover.resume(fixture.conversation);

        assertEquals(1, fixture.handoverRow(first).getAttempts());
        assertEquals(0, fixture.handoverRow(second).getAttempts(), "in order: the second waits for the first");
    }

    @Test
    void aConversationWithoutOpenHandoversCallsNobody() {
        handover.resume(fixture.conversation);

        assertEquals(List.of(), fixture.wecom.calls);
    }

    private SendLogEntry onlyPart() {
        List<SendLogEntry> parts = fixture.parts();
        assertEquals(1, parts.size(), parts.toString());
        return parts.get(0);
    }

    /** The node dies right after WeCom moved the session, before the move is recorded. */
    static class CrashingStore extends HandoverStore {

        @Override
        public void moved(long id, ServiceState to, String servicer, String code, String refusal) {
            throw new IllegalStateException("crash before the move was recorded");
        }
    }
}
