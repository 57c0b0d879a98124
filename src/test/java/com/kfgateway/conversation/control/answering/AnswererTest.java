package com.kfgateway.conversation.control.answering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.conversation.control.PipelineFixture;
import com.kfgateway.conversation.control.sync.Ingested;
import com.kfgateway.conversation.entity.Message.Handling;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.delivery.entity.SendStatus;
import com.kfgateway.cluster.control.ClusterConfig;
import com.kfgateway.cluster.control.Leases;
import com.kfgateway.cluster.control.TestLeases;
import com.kfgateway.unit.DirectExecutor;
import com.kfgateway.unit.Wiring;
import com.kfgateway.wecom.entity.WeComReply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The answering loop end to end on the real schema with the example shop's rules, its executors on the test thread:
 * gate, assistant, the answer recorded with its parts, the dispatcher; a handover answer hands over.
 */
class AnswererTest {

    private static final String PRICES = "价格以商品页面显示为准";
    private static final String THANKS = "不客气";
    private static final String HANDOVER_REPLY = "好的，正在为您转接人工客服";

    private final PipelineFixture fixture = new PipelineFixture();
    private final DirectExecutor executors = new DirectExecutor();
    private final Answerer answerer = answerer(TestLeases.alone());

    private Answerer answerer(Leases leases) {
        Deliberation deliberation = Wiring.of(Deliberation.class).with(fixture.gate, fixture.assistant).get();
        deliberation.gateExecutor = executors.executor();
        Answerer answerer = Wiring.of(Answerer.class)
                .with(fixture.answers, deliberation, fixture.assistant, fixture.commits,
                        fixture.sendLog, fixture.handover(fixture.handoverStore()), leases, new ClusterConfig())
                .get();
        answerer.executor = executors.executor();
        answerer.scheduler = executors.scheduler();
        answerer.init();
        return answerer;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aConversationAnotherNodeIsAnsweringIsLeftToItAndThatNodeLooksOnceMore() {
        Leases otherNode = TestLeases.node("b", fixture.db);
        Answerer here = answerer(TestLeases.node("a", fixture.db));
        fixture.stored(ServiceState.BOT, null, Instant.now());
        assertTrue(otherNode.take("turn:" + fixture.conversation, Duration.ofMinutes(1)), "b is mid-turn");
        long question = fixture.customerSays("多少钱");

        here.request(fixture.conversation);

        assertEquals(Handling.PENDING, fixture.message(question).getHandling(), "not answered twice at once");
        assertTrue(fixture.parts().isEmpty());
        assertTrue(otherNode.release("turn:" + fixture.conversation).wanted(), "b is told to look once more");
        here.request(fixture.conversation);
        assertEquals(Handling.ANSWERED, fixture.message(question).getHandling(), "free again: a answers");
    }

    @Test
    void aConversationsMessagesAreAnsweredInOrderAndSent() {
        fixture.stored(ServiceState.BOT, null, Instant.now());
        long first = fixture.customerSays("多少钱", Instant.now().minusSeconds(3));
        answerer.request(fixture.conversation);
        long second = fixture.customerSays("谢谢", Instant.now().minusSeconds(2));
        answerer.request(fixture.conversation);

        assertEquals(Handling.ANSWERED, fixture.message(first).getHandling());
        assertEquals(Handling.ANSWERED, fixture.message(second).getHandling());
        List<String> sent = fixture.wecom.calls("send");
        assertEquals(2, sent.size(), sent.toString());
        assertTrue(sent.get(0).contains(PRICES) && sent.get(1).contains(THANKS), sent.toString());
        assertTrue(fixture.parts().stream().allMatch(part -> part.getStatus() == SendStatus.SENT));
    }

    @Test
    void linesThatWaitedTogetherGetOneAnswer() {
        fixture.stored(ServiceState.BOT, null, Instant.now());
        long first = fixture.customerSays("在吗", Instant.now().minusSeconds(4));
        long second = fixture.customerSays("这个", Instant.now().minusSeconds(3));
        long third = fixture.customerSays("多少钱", Instant.now().minusSeconds(2));

        answerer.request(fixture.conversation);

        List<String> sent = fixture.wecom.calls("send");
        assertEquals(1, sent.size(), sent.toString());
        assertTrue(sent.get(0).contains(PRICES), "the assistant read all three lines: " + sent);
        for (long message : List.of(first, second, third)) {
            assertEquals(Handling.ANSWERED, fixture.message(message).getHandling());
        }
    }

    @Test
    void moreLinesThanOneTurnTakesAreAllAnsweredOnOneRequest() {
        fixture.stored(ServiceState.BOT, null, Instant.now());
        List<Long> lines = new java.util.ArrayList<>();
        for (int i = 0; i < AnswerStore.MAX_TURN_MESSAGES + 2; i++) {
            lines.add(fixture.customerSays("在吗 " + i, Instant.now().minusSeconds(60 - i)));
        }

        answerer.request(fixture.conversation);

        lines.forEach(line -> assertEquals(Handling.ANSWERED, fixture.message(line).getHandling()));
        assertEquals(2, fixture.wecom.calls("send").size(), "one answer per turn: " + fixture.wecom.calls("send"));
    }

    @Test
    void aNewSessionIsClaimedBeforeTheBotSpeaks() {
        fixture.stored(ServiceState.NEW, null, Instant.now());
        fixture.customerSays("多少钱");

        answerer.request(fixture.conversation);

        assertEquals("trans wmCustomer 1", fixture.wecom.calls.get(0));
        assertTrue(fixture.wecom.calls.get(1).startsWith("send "), fixture.wecom.calls.toString());
    }

    @Test
    void whileAHumanHasTheSessionTheMessageIsSkippedWithWhyAndNothingIsSent() {
        fixture.stored(ServiceState.HUMAN, "alice", Instant.now());
        long message = fixture.customerSays("多少钱");

        answerer.request(fixture.conversation);

        assertEquals(Handling.SKIPPED, fixture.message(message).getHandling());
        assertEquals("not answered: a human owns the session (state 3, servicer alice)",
                fixture.message(message).getHandlingNote());
        assertEquals(List.of(), fixture.parts());
        assertEquals(List.of(), fixture.wecom.calls);
    }

    @Test
    void aHandoverPhraseMovesTheSessionAndTheRulesReplyIsTheNoticeOnTransMsgCode() {
        fixture.stored(ServiceState.BOT, null, Instant.now());
        long message = fixture.customerSays("转人工");

        answerer.request(fixture.conversation);

        assertEquals(Handling.ANSWERED, fixture.message(message).getHandling());
        assertEquals(List.of("trans wmCustomer 3 alice"), fixture.wecom.calls("trans"));
        List<String> sent = fixture.wecom.calls("send");
        assertEquals(1, sent.size(), "the reply goes out once, as the notice: " + sent);
        assertTrue(sent.get(0).startsWith("send@MSGCODE1 " + HANDOVER_REPLY), sent.get(0));
        assertEquals(1, fixture.wecom.calls("notify").size());
        assertEquals(ServiceState.HUMAN, fixture.conversation().getServiceState());
    }

    @Test
    void aHandoverLeftOpenByACrashIsCarriedOutWhenTheConversationIsNextWorkedOn() {
        fixture.stored(ServiceState.BOT, null, Instant.now());
        fixture.asksForHuman(HANDOVER_REPLY);

        answerer.request(fixture.conversation);

        assertEquals(1, fixture.wecom.calls("trans").size());
        assertEquals(List.of(), fixture.handoverStore().open(fixture.conversation));
    }

    @Test
    void aStoredPageQueuesEachOfItsConversations() {
        fixture.stored(ServiceState.BOT, null, Instant.now());
        long message = fixture.customerSays("多少钱");
        Ingested ingested = new Ingested();
        ingested.toAnswer().add(fixture.conversation);

        answerer.pageStored(ingested);

        assertEquals(Handling.ANSWERED, fixture.message(message).getHandling());
    }

    @Test
    void aPartWaitingForARetryBringsTheConversationBackWhenItIsDue() {
        fixture.stored(ServiceState.BOT, null, Instant.now());
        fixture.customerSays("多少钱");
        fixture.wecom.sendReplies.add(WeComReply.errcode(-1, "system busy"));

        answerer.request(fixture.conversation);

        SendLogEntry waiting = fixture.parts().get(0);
        assertEquals(SendStatus.RETRY_WAIT, waiting.getStatus());
        assertEquals(1, executors.scheduled().size(), "the conversation is requested again at the retry");
        assertTrue(executors.scheduled().get(0).delay().toMillis() >= 50, "never a busy loop");

        fixture.db.sql("UPDATE send_log SET next_attempt_at = ? WHERE id = ?", Instant.now().minusSeconds(1),
                waiting.getId());
        executors.runScheduled();

        assertEquals(SendStatus.SENT, fixture.parts().get(0).getStatus());
        assertEquals(2, fixture.wecom.calls("send").size());
    }
}
