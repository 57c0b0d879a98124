package com.kfgateway.conversation.control.answering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void nextIsTheOldestPendingMessageAskedWithTheCustomersKey() {
        long first = fixture.customerSays("多少钱", now.minusSeconds(10));
        long second = fixture.customerSays("在吗", now.minusSeconds(5));

        AnswerStore.Pending pending = store.next(fixture.conversation);

        assertEquals(first, pending.messageId());
        assertEquals("wkA/wmCustomer", pending.question().conversationKey());
        assertEquals("多少钱", pending.question().customerText());
        assertEquals(fixture.conversation, pending.conversation().getId());

        store.answered(first, PRICES, null, true);
        assertEquals(second, store.next(fixture.conversation).messageId());
        store.skipped(second, "not answered: a human owns the session");
        assertNull(store.next(fixture.conversation), "nothing PENDING is left");
    }

    @Test
    void aMessageIsAnsweredOnceWithItsPartsPlannedInTheSendLog() {
        long message = fixture.customerSays("多少钱");

        assertTrue(store.answered(message, PRICES, "trans 0→1 failed", true));
        assertFalse(store.answered(message, PRICES, null, true), "handled meanwhile: nothing is planned again");

        Message answered = fixture.message(message);
        assertEquals(Handling.ANSWERED, answered.getHandling());
        assertEquals("rules: rule 3 matched; trans 0→1 failed", answered.getHandlingNote());
        List<SendLogEntry> parts = fixture.parts();
        assertEquals(1, parts.size());
        assertEquals(SendKind.ANSWER, parts.get(0).getKind());
        assertEquals(SendStatus.PENDING, parts.get(0).getStatus(), "planned; the dispatcher sends it");
        assertEquals(message, parts.get(0).getAnswersMessageId());
        assertEquals(PRICES.text(), parts.get(0).getText());
    }

    @Test
    void theAnswerAndItsPartsCommitTogetherSoAFailedPlanLeavesTheMessageToAnswerAgain() {
        long message = fixture.customerSays("多少钱");
        fixture.afterPlanning = part -> {
            throw new IllegalStateException("the database went away mid-commit");
        };

        assertThrows(IllegalStateException.class, () -> store.answered(message, PRICES, null, true));

        assertEquals(Handling.PENDING, fixture.message(message).getHandling());
        assertEquals(List.of(), fixture.parts());
        assertEquals(message, store.next(fixture.conversation).messageId());
    }

    @Test
    void aHandoverAnswerWritesItsDurableHandoverInTheSameCommitAndSendsNothingYet() {
        long message = fixture.customerSays("转人工");

        store.answered(message, new Answer("正在转接", true, "rules", null), null, false);

        assertEquals("rules → handover", fixture.message(message).getHandlingNote());
        List<HandoverRequest> handovers = fixture.handovers();
        assertEquals(1, handovers.size());
        assertEquals(message, handovers.get(0).getMessageId());
        assertEquals("正在转接", handovers.get(0).getNoticeText());
        assertEquals(List.of(), fixture.parts(), "the handover sends its text as the notice");
    }

    @Test
    void aSkippedMessageSaysWhyAndIsNotAnsweredAfterwards() {
        long message = fixture.customerSays("多少钱");

        store.skipped(message, "not answered: the session is ended (state 4)");

        assertEquals(Handling.SKIPPED, fixture.message(message).getHandling());
        assertEquals("not answered: the session is ended (state 4)", fixture.message(message).getHandlingNote());
        assertFalse(store.answered(message, PRICES, null, true));
        assertEquals(List.of(), fixture.parts());
    }

    @Test
    void anAnsweredMessageIsNotSkippedAfterwards() {
        long message = fixture.customerSays("多少钱");
        store.answered(message, PRICES, null, true);

        store.skipped(message, "late");

        assertEquals(Handling.ANSWERED, fixture.message(message).getHandling());
    }

    @Test
    void theContextPutsOurAnswerRightAfterTheMessageItAnswersEvenWhenTheCustomerWroteAgainFirst() {
        // WeCom stamps whole seconds; our answer is stamped when planned, after the customer's second message.
        long first = fixture.customerSays("多少钱", now.minusSeconds(10));
        long second = fixture.customerSays("在吗", now.minusSeconds(9));
        store.answered(first, PRICES, null, true);

        AnswerStore.Pending pending = store.next(fixture.conversation);

        assertEquals(second, pending.messageId());
        assertEquals(List.of(new Turn(Role.CUSTOMER, "多少钱"), new Turn(Role.ASSISTANT, PRICES.text())),
                pending.question().history());
    }
}
