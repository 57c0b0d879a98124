package com.kfgateway.conversation.control.answering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.assistant.boundary.Assistant;
import com.kfgateway.assistant.control.AssistantConfig;
import com.kfgateway.assistant.entity.Answer;
import com.kfgateway.assistant.entity.Role;
import com.kfgateway.assistant.entity.Turn;
import com.kfgateway.conversation.control.PipelineFixture;
import com.kfgateway.conversation.entity.HandoverRequest;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.conversation.entity.Message.Handling;
import com.kfgateway.delivery.entity.SendKind;
import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.delivery.entity.SendStatus;
import com.kfgateway.unit.Wiring;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The answering loop's transactions on the real schema: the next message with its context, answered once. */
class AnswerStoreTest {

    private static final Answer PRICES = new Answer("价格以商品页面显示为准。", false, "rules", "rule 3 matched");

    private final PipelineFixture fixture = new PipelineFixture();
    private final AnswerStore store = fixture.answers;
    private final Instant now = Instant.now();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void linesOfOneSecondAreTakenInTheOrderTheyWereStoredNotByIdWhichNodesAllocateInBlocks() {
        Instant second = now.minusSeconds(5);
        long storedLater = fixture.customerSays("第二句", second);
        long storedFirst = fixture.customerSays("第一句", second);
        // Another node stored the first line, from its own block of ids, which lie above this node's.
        fixture.db.inTransaction(() -> fixture.db.entityManager().createNativeQuery(
                "UPDATE message SET stored_at = ?1 WHERE id = ?2").setParameter(1,
                        java.sql.Timestamp.from(now
                                .minusSeconds(4)))
                .setParameter(2, storedFirst).executeUpdate());
        fixture.db.inTransaction(() -> fixture.db.entityManager().createNativeQuery(
                "UPDATE message SET stored_at = ?1 WHERE id = ?2").setParameter(1,
                        java.sql.Timestamp.from(now
                                .minusSeconds(3)))
                .setParameter(2, storedLater).executeUpdate());

        assertEquals(List.of(storedFirst, storedLater), store.next(fixture.conversation).turn().messageIds());
    }

    @Test
    void nextIsTheOldestPendingMessageAskedWithTheCustomersKey() {
        long first = fixture.customerSays("多少钱", now.minusSeconds(10));

        AnswerStore.Pending pending = store.next(fixture.conversation).turn();

        assertEquals(first, pending.messageId());
        assertEquals("wkA/wmCustomer", pending.question().conversationKey());
        assertEquals("多少钱", pending.question().customerText());
        assertEquals(fixture.conversation, pending.conversation().getId());

        store.answered(List.of(first), PRICES, null, true);
        long second = fixture.customerSays("在吗", now.minusSeconds(5));
        assertEquals(second, store.next(fixture.conversation).turn().messageId());
        store.skipped(List.of(second), "not answered: a human owns the session");
        assertNull(store.next(fixture.conversation).turn(), "nothing PENDING is left");
    }

    @Test
    void messagesWaitingTogetherAreOneTurnAskedAsTheLinesTheCustomerTyped() {
        long first = fixture.customerSays("你好", now.minusSeconds(10));
        long image = fixture.customerSays(null, now.minusSeconds(9));
        long third = fixture.customerSays("这个多少钱", now.minusSeconds(8));

        AnswerStore.Pending turn = store.next(fixture.conversation).turn();

        assertEquals(List.of(first, image, third), turn.messageIds());
        assertEquals(third, turn.messageId(), "the answer answers the newest");
        assertEquals("你好\n这个多少钱", turn.question().customerText());
        assertEquals(List.of(), turn.question().history(), "the turn's own lines are not repeated as history");
    }

    @Test
    void oneAnswerMarksEveryMessageOfTheTurnAndIsPlannedOnceForTheNewest() {
        long first = fixture.customerSays("你好", now.minusSeconds(10));
        long second = fixture.customerSays("在吗", now.minusSeconds(9));
        long third = fixture.customerSays("多少钱", now.minusSeconds(8));

        assertTrue(store.answered(List.of(first, second, third), PRICES, null, true).done());

        assertEquals("answered together with message #" + third, fixture.message(first).getHandlingNote());
        assertEquals("answered together with message #" + third, fixture.message(second).getHandlingNote());
        assertEquals(Handling.ANSWERED, fixture.message(first).getHandling());
        assertEquals("rules: rule 3 matched; one answer for 3 messages", fixture.message(third).getHandlingNote());
        List<SendLogEntry> parts = fixture.parts();
        assertEquals(1, parts.size(), "one answer for the turn, not one per line");
        assertEquals(third, parts.get(0).getAnswersMessageId());
        assertNull(store.next(fixture.conversation).turn());
    }

    @Test
    void aTurnOfWhichOneMessageWasHandledMeanwhileChangesNothing() {
        long first = fixture.customerSays("你好", now.minusSeconds(10));
        long second = fixture.customerSays("多少钱", now.minusSeconds(9));
        store.skipped(List.of(first), "handled elsewhere");

        assertFalse(store.answered(List.of(first, second), PRICES, null, true).done());

        assertEquals(Handling.PENDING, fixture.message(second).getHandling());
        assertEquals(List.of(), fixture.parts());
        assertEquals(List.of(second), store.next(fixture.conversation).turn().messageIds(), "read again, without it");
    }

    @Test
    void aLongBurstIsAnsweredInTurnsOfBoundedSize() {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < AnswerStore.MAX_TURN_MESSAGES + 3; i++) {
            ids.add(fixture.customerSays("line " + i, now.minusSeconds(60 - i)));
        }

        AnswerStore.Pending turn = store.next(fixture.conversation).turn();

        assertEquals(ids.subList(0, AnswerStore.MAX_TURN_MESSAGES), turn.messageIds());
        store.answered(turn.messageIds(), PRICES, null, true);
        assertEquals(ids.subList(AnswerStore.MAX_TURN_MESSAGES, ids.size()),
                store.next(fixture.conversation).turn().messageIds());
    }

    @Test
    void aMessageIsAnsweredOnceWithItsPartsPlannedInTheSendLog() {
        long message = fixture.customerSays("多少钱");

        assertTrue(store.answered(List.of(message), PRICES, "trans 0→1 failed", true).done());
        assertFalse(store.answered(List.of(message), PRICES, null, true).done(),
                "handled meanwhile: nothing is planned again");

        Message answered = fixture.message(message);
        assertEquals(Handling.ANSWERED, answered.getHandling());
        assertEquals("rules: rule 3 matched; trans 0→1 failed", answered.getHandlingNote());
        List<SendLogEntry> parts = fixture.parts();
        assertEquals(1, parts.size());
        assertEquals(SendKind.ANSWER, parts.get(0).getKind());
        assertEquals(SendStatus.SENDING, parts.get(0).getStatus(), "planned and claimed, to be sent after the commit");
        assertEquals(1, parts.get(0).getAttempts());
        assertEquals(message, parts.get(0).getAnswersMessageId());
        assertEquals(PRICES.text(), parts.get(0).getText());
    }

    @Test
    void anAnswerWaitsUnclaimedBehindAnEarlierAnswerStillBeingSent() {
        long first = fixture.customerSays("多少钱", Instant.now().minusSeconds(2));
        long second = fixture.customerSays("谢谢", Instant.now().minusSeconds(1));

        assertNotNull(store.answered(List.of(first), PRICES, null, true).first(), "nothing ahead: claimed");
        assertNull(store.answered(List.of(second), PRICES, null, true).first(),
                "the first answer is still SENDING: the second waits its turn");

        List<SendLogEntry> parts = fixture.parts();
        assertEquals(List.of(SendStatus.SENDING, SendStatus.PENDING), parts.stream().map(SendLogEntry::getStatus)
                .toList());
    }

    @Test
    void theAnswerAndItsPartsCommitTogetherSoAFailedPlanLeavesTheMessageToAnswerAgain() {
        long message = fixture.customerSays("多少钱");
        fixture.afterPlanning = part -> {
            throw new IllegalStateException("the database went away mid-commit");
        };

        assertThrows(IllegalStateException.class, () -> store.answered(List.of(message), PRICES, null, true));

        assertEquals(Handling.PENDING, fixture.message(message).getHandling());
        assertEquals(List.of(), fixture.parts());
        assertEquals(message, store.next(fixture.conversation).turn().messageId());
    }

    @Test
    void aHandoverAnswerWritesItsDurableHandoverInTheSameCommitAndSendsNothingYet() {
        long message = fixture.customerSays("转人工");

        store.answered(List.of(message), new Answer("正在转接", true, "rules", null), null, false);

        assertEquals("rules → handover", fixture.message(message).getHandlingNote());
        List<HandoverRequest> handovers = fixture.handovers();
        assertEquals(1, handovers.size());
        assertEquals(message, handovers.get(0).getMessageId());
        assertEquals("正在转接", handovers.get(0).getNoticeText());
        assertEquals(List.of(), fixture.parts(), "the handover sends its text as the notice");
    }

    @Test
    void theNextStepSaysWhenAHandoverIsStillOpen() {
        assertFalse(store.next(fixture.conversation).handoverOpen());
        long message = fixture.customerSays("转人工");
        store.answered(List.of(message), new Answer("正在转接", true, "rules", null), null, false);

        assertTrue(store.next(fixture.conversation).handoverOpen(), "the handover is carried out before more answers");
    }

    @Test
    void aSkippedMessageSaysWhyAndIsNotAnsweredAfterwards() {
        long message = fixture.customerSays("多少钱");

        store.skipped(List.of(message), "not answered: the session is ended (state 4)");

        assertEquals(Handling.SKIPPED, fixture.message(message).getHandling());
        assertEquals("not answered: the session is ended (state 4)", fixture.message(message).getHandlingNote());
        assertFalse(store.answered(List.of(message), PRICES, null, true).done());
        assertEquals(List.of(), fixture.parts());
    }

    @Test
    void anAnsweredMessageIsNotSkippedAfterwards() {
        long message = fixture.customerSays("多少钱");
        store.answered(List.of(message), PRICES, null, true);

        store.skipped(List.of(message), "late");

        assertEquals(Handling.ANSWERED, fixture.message(message).getHandling());
    }

    @Test
    void theContextPutsOurAnswerRightAfterTheMessageItAnswersEvenWhenTheCustomerWroteAgainFirst() {
        // WeCom stamps whole seconds; our answer is stamped when planned, after the customer's second message.
        long first = fixture.customerSays("多少钱", now.minusSeconds(10));
        store.answered(List.of(first), PRICES, null, true);
        long second = fixture.customerSays("在吗", now.minusSeconds(9));

        AnswerStore.Pending pending = withHistory(10).next(fixture.conversation).turn();

        assertEquals(second, pending.messageId());
        assertEquals(List.of(new Turn(Role.CUSTOMER, "多少钱"), new Turn(Role.ASSISTANT, PRICES.text())),
                pending.question().history());
        assertEquals(List.of(), store.next(fixture.conversation).turn().question().history(),
                "the rules engine reads no history, so none is loaded");
    }

    /** The store as a model's assistant uses it: reading {@code turns} earlier turns. */
    private AnswerStore withHistory(int turns) {
        Assistant reading = new Assistant(AssistantConfig.rulesOnly(null)) {
            @Override
            public int contextTurns() {
                return turns;
            }
        };
        return Wiring.of(AnswerStore.class).with(fixture.db, fixture.outbox, reading).get();
    }
}
