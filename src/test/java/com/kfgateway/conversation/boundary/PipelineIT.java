package com.kfgateway.conversation.boundary;

import static com.kfgateway.it.TestGateway.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.it.TestGateway;
import com.kfgateway.it.Turns;
import com.kfgateway.sandbox.entity.ApiCall;
import com.kfgateway.sandbox.entity.DeliveredMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The conversation pipeline against the WeCom simulator: everything counted at the fake WeCom's side. */
@ExtendWith(TestGateway.Extension.class)
class PipelineIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String FALLBACK_START = "抱歉，这个问题我暂时回答不了";
    private final TestGateway gateway = TestGateway.get();

    private List<DeliveredMessage> delivered(String customer) {
        return gateway.wecom().delivered(ACCOUNT, customer);
    }

    private long sendMsgCalls(String customer, int sinceIndex) {
        List<ApiCall> calls = gateway.wecom().calls();
        return calls.subList(sinceIndex, calls.size()).stream()
                .filter(c -> c.path().endsWith("kf/send_msg") && c.requestJson() != null
                        && c.requestJson().contains(customer))
                .count();
    }

    @Test
    void burstFromSeveralCustomersIsAnsweredOncePerTurnAndInOrder() {
        List<String> customers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            customers.add(TestGateway.newCustomer());
        }
        for (int round = 1; round <= 3; round++) {
            for (String customer : customers) {
                gateway.wecom().customerSendsText(ACCOUNT, customer, round == 2 ? "营业时间" : "question " + round);
            }
        }
        for (String customer : customers) {
            TestGateway.await("all three messages of " + customer + " answered and sent", WAIT,
                    () -> answeredAndSent(customer, 3));
        }
        sleep(2000);
        for (String customer : customers) {
            assertAnsweredOncePerTurn(customer, 3);
            assertTrue(delivered(customer).stream().anyMatch(answer -> answer.content().contains("9:00")),
                    "the assistant read the second message: " + delivered(customer));
        }
    }

    private boolean answeredAndSent(String customer, int messages) {
        Turns turns = Turns.of(gateway.baseUri(), customer);
        return turns.allAnswered(messages) && delivered(customer).size() >= turns.turns();
    }

    /** Quick lines may share one answer; each turn gets exactly one, each part once. */
    private void assertAnsweredOncePerTurn(String customer, int messages) {
        Turns turns = Turns.of(gateway.baseUri(), customer);
        assertTrue(turns.allAnswered(messages), customer + ": " + turns);
        List<DeliveredMessage> answers = delivered(customer);
        assertEquals(turns.turns(), answers.size(), "exactly one answer per turn for " + customer + ": " + answers);
        assertEquals(answers.size(), answers.stream().map(DeliveredMessage::msgid).distinct().count());
    }

    @Test
    void sameCallbackThreeTimesAndAPageServedTwiceSendOnce() {
        String customer = TestGateway.newCustomer();
        gateway.faults().setCallbackRepeat(3);
        gateway.faults().servePageTwice();
        try {
            gateway.wecom().customerSendsText(ACCOUNT, customer, "你好");
            TestGateway.await("an answer", WAIT, () -> !delivered(customer).isEmpty());
            sleep(3000);
        } finally {
            gateway.faults().setCallbackRepeat(1);
        }
        assertEquals(1, delivered(customer).size());
    }

    @Test
    void humanOwnedSessionMeansSilence() {
        String customer = TestGateway.newCustomer();
        gateway.wecom().customerSendsText(ACCOUNT, customer, "你好");
        TestGateway.await("the first answer", WAIT, () -> delivered(customer).size() == 1);
        gateway.wecom().staffSendsText(ACCOUNT, customer, TestGateway.SERVICER_ONLINE, "我来处理");
        int before = gateway.wecom().calls().size();
        gateway.wecom().customerSendsText(ACCOUNT, customer, "still there?");
        sleep(4000);
        assertEquals(1, delivered(customer).size(), "no bot answer while a human serves");
        assertEquals(0, sendMsgCalls(customer, before), "WeCom is not even asked");
    }

    @Test
    void stateForbidsSending95018FailsAtOnceWithoutRetry() {
        String customer = TestGateway.newCustomer();
        int before = gateway.wecom().calls().size();
        gateway.faults().failNextFor("kf/send_msg", customer, 95018, 1);
        gateway.wecom().customerSendsText(ACCOUNT, customer, "你好");
        TestGateway.await("one send_msg attempt", WAIT, () -> sendMsgCalls(customer, before) >= 1);
        sleep(5000);
        assertEquals(1, sendMsgCalls(customer, before), "95018 is not retried");
        assertEquals(0, delivered(customer).size());
    }

    @Test
    void systemBusyTwiceThenOkIsDeliveredOnceAfterThreeAttempts() {
        String customer = TestGateway.newCustomer();
        int before = gateway.wecom().calls().size();
        gateway.faults().failNextFor("kf/send_msg", customer, -1, 2);
        gateway.wecom().customerSendsText(ACCOUNT, customer, "你好");
        TestGateway.await("delivered after retries", WAIT, () -> delivered(customer).size() == 1);
        sleep(3000);
        assertEquals(3, sendMsgCalls(customer, before));
        assertEquals(1, delivered(customer).size());
        List<String> msgids = gateway.wecom().calls().subList(before, gateway.wecom().calls().size()).stream()
                .filter(c -> c.path().endsWith("kf/send_msg") && c.requestJson().contains(customer))
                .map(c -> c.requestJson().replaceAll(".*\"msgid\":\"([^\"]+)\".*", "$1")).distinct().toList();
        assertEquals(1, msgids.size(), "every retry reuses the part's msgid: " + msgids);
    }

    @Test
    void aPartWeComCarriedOutButAnsweredBusyForIsNotFailedWhenItsRetryFindsTheMsgidUsed() {
        String customer = TestGateway.newCustomer();
        gateway.faults().failAfterEffectNext("kf/send_msg", -1);
        gateway.wecom().customerSendsText(ACCOUNT, customer, TestGateway.LONG_QUESTION);
        // The retry of part 1 meets "msgid used" (40058): were that a failure, parts 2 and 3 would be dropped.
        TestGateway.await("the rest of the answer", WAIT, () -> delivered(customer).stream()
                .anyMatch(part -> part.content().contains("第10段")));
        sleep(2000);
        List<DeliveredMessage> parts = delivered(customer);
        assertEquals(parts.size(), parts.stream().map(DeliveredMessage::msgid).distinct().count(),
                "each part reached the customer once");
        assertTrue(parts.size() >= 3, "all parts: " + parts.size());
    }

    @Test
    void longAnswerIsSplitByBytesIntoPartsWithinTheQuota() {
        String customer = TestGateway.newCustomer();
        gateway.wecom().customerSendsText(ACCOUNT, customer, TestGateway.LONG_QUESTION);
        TestGateway.await("the long answer", WAIT, () -> delivered(customer).stream()
                .anyMatch(part -> part.content().contains("第10段")));
        sleep(2000);
        List<DeliveredMessage> parts = delivered(customer);
        assertTrue(parts.size() >= 3 && parts.size() <= 5, "5,000 bytes need 3 parts, and never more than 5: "
                + parts.size());
        int total = 0;
        for (DeliveredMessage part : parts) {
            int bytes = part.content().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            assertTrue(bytes <= 2048, "a part of " + bytes + " bytes");
            total += bytes;
        }
        assertTrue(total >= TestGateway.LONG_ANSWER_BYTES - 10, "nothing of the answer is lost: " + total);
        String joined = String.join("", parts.stream().map(DeliveredMessage::content).toList());
        for (int paragraph = 1; paragraph <= 10; paragraph++) {
            assertTrue(joined.contains("第" + paragraph + "段"), "paragraph " + paragraph + " arrived in order");
        }
        assertTrue(joined.indexOf("第1段") < joined.indexOf("第10段"), "parts arrive in order");
    }

    @Test
    void welcomeGoesOutWithinTheCodesWindow() {
        String customer = TestGateway.newCustomer();
        String code = gateway.wecom().enterSession(ACCOUNT, customer, "spring_sale", null);
        assertTrue(code != null, "the simulator issued a welcome_code");
        TestGateway.await("the welcome", Duration.ofSeconds(15), () -> !delivered(customer).isEmpty());
        DeliveredMessage welcome = delivered(customer).get(0);
        assertEquals("send_msg_on_event", welcome.via());
        assertTrue(welcome.content().contains("春季促销"), welcome.content());
    }

    @Test
    void handoverMovesToTheReceivingServicerAndNotifiesStaff() {
        String customer = TestGateway.newCustomer();
        int notificationsBefore = gateway.probe().staffNotifications().size();
        gateway.wecom().customerSendsText(ACCOUNT, customer, "转人工");
        TestGateway.await("the handover notice", WAIT, () -> !delivered(customer).isEmpty());
        TestGateway.await("a staff notification", WAIT,
                () -> gateway.probe().staffNotifications().size() > notificationsBefore);
        assertEquals(3, gateway.wecom().admin().serviceState(ACCOUNT, customer));
        assertTrue(delivered(customer).get(0).content().contains("人工"), delivered(customer).toString());
        assertTrue(gateway.probe().staffNotifications().get(notificationsBefore).content().contains(customer));
    }

    @Test
    void crashMidBurstLosesNothingAndDoublesNothing() throws Exception {
        List<String> customers = List.of(TestGateway.newCustomer(), TestGateway.newCustomer(),
                TestGateway.newCustomer());
        for (int round = 1; round <= 3; round++) {
            for (String customer : customers) {
                gateway.wecom().customerSendsText(ACCOUNT, customer, "burst " + round);
            }
        }
        gateway.crashAndRestart();
        for (String customer : customers) {
            gateway.wecom().customerSendsText(ACCOUNT, customer, "after the restart");
        }
        for (String customer : customers) {
            // A part the crash left SENDING goes out again once it is stale (tens of seconds), with its msgid.
            TestGateway.await("all four messages of " + customer + " answered and sent", Duration.ofSeconds(120),
                    () -> answeredAndSent(customer, 4));
        }
        sleep(3000);
        for (String customer : customers) {
            assertAnsweredOncePerTurn(customer, 4);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
