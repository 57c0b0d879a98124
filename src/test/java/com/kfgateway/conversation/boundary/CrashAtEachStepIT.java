package com.kfgateway.conversation.boundary;

import static com.kfgateway.it.TestGateway.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.it.TestGateway;
import com.kfgateway.sandbox.control.Hold;
import com.kfgateway.sandbox.entity.ApiCall;
import com.kfgateway.sandbox.entity.DeliveredMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 inside each WeCom call of a handover and of a multi-part answer. The simulator holds the call until the
 * server is dead, then lets it take effect with nobody left to hear the answer: the worst moment, since WeCom did the
 * step and the product never learnt it. After the restart, everything is done, and exactly once.
 */
@ExtendWith(TestGateway.Extension.class)
class CrashAtEachStepIT {

    /** A part left SENDING by the dead server is claimed again once it is stale (DeliveryConfig): about a minute. */
    private static final Duration AFTER_RESTART = Duration.ofSeconds(150);
    private final TestGateway gateway = TestGateway.get();

    /** The handover's calls in order: who is receiving, the move, the notice on the move's msg_code, staff. */
    @ParameterizedTest
    @ValueSource(strings = {"kf/servicer/list", "kf/service_state/trans", "kf/send_msg_on_event", "message/send"})
    void aHandoverKilledInsideThisCallIsFinishedOnceAfterTheRestart(String step) throws Exception {
        String customer = TestGateway.newCustomer();
        gateway.wecom().customerSendsText(ACCOUNT, customer, "hello");
        TestGateway.await("the bot's answer", Duration.ofSeconds(30), () -> delivered(customer).size() == 1);
        int notificationsBefore = gateway.probe().staffNotifications().size();
        int callsBefore = gateway.wecom().calls().size();

        Hold held = gateway.faults().holdNext(step);
        gateway.wecom().customerSendsText(ACCOUNT, customer, "转人工");
        assertTrue(held.awaitArrival(30), "the handover reached " + step);
        crashReleasingTheHeldCall(held);

        TestGateway.await("a staff notification after the restart", AFTER_RESTART, () -> notificationsAbout(
                customer, notificationsBefore) == 1);
        // The notice goes out on the msg_code trans returns; killed inside trans, that answer is lost, and WeCom
        // allows no plain send to a session a servicer holds: the servicer speaks next, not a late notice.
        int notices = step.equals("kf/service_state/trans") ? 0 : 1;
        TestGateway.await("the handover settled after the restart", AFTER_RESTART,
                () -> delivered(customer).size() == 1 + notices);
        Thread.sleep(3000);
        assertEquals(3, gateway.wecom().admin().serviceState(ACCOUNT, customer), "the receiving servicer has it");
        assertEquals(1 + notices, delivered(customer).size(), "no notice twice: " + delivered(customer));
        if (notices == 1) {
            assertTrue(delivered(customer).get(1).content().contains("人工"), delivered(customer).toString());
        }
        List<ApiCall> calls = gateway.wecom().calls();
        assertEquals(1, calls.subList(callsBefore, calls.size()).stream()
                .filter(c -> c.path().endsWith("kf/service_state/trans") && c.httpStatus() == 200
                        && c.errcode() == 0 && c.requestJson() != null && c.requestJson().contains(customer)
                        && c.requestJson().contains("\"service_state\":3"))
                .count(), "the session was moved to the servicer once");
        assertEquals(1, notificationsAbout(customer, notificationsBefore), "staff were told once");
    }

    /** The second part is the one in flight: the first went out before the crash, the third never started. */
    @Test
    void aMultiPartAnswerKilledInsideItsSecondSendArrivesWholeAndOnceAfterTheRestart() throws Exception {
        String customer = TestGateway.newCustomer();
        Hold second = gateway.faults().holdCall("kf/send_msg", 2);
        gateway.wecom().customerSendsText(ACCOUNT, customer, TestGateway.LONG_QUESTION);
        assertTrue(second.awaitArrival(30), "the second part was being sent");
        crashReleasingTheHeldCall(second);

        TestGateway.await("the whole answer after the restart", AFTER_RESTART, () -> delivered(customer).stream()
                .anyMatch(part -> part.content().contains("第10段")));
        Thread.sleep(3000);
        List<DeliveredMessage> parts = delivered(customer);
        assertEquals(parts.size(), parts.stream().map(DeliveredMessage::msgid).distinct().count(),
                "no part twice: " + parts);
        String joined = String.join("", parts.stream().map(DeliveredMessage::content).toList());
        for (int paragraph = 1; paragraph <= 10; paragraph++) {
            assertEquals(joined.indexOf("第" + paragraph + "段"), joined.lastIndexOf("第" + paragraph + "段"),
                    "paragraph " + paragraph + " arrived once");
            assertTrue(joined.contains("第" + paragraph + "段"), "paragraph " + paragraph + " arrived");
        }
    }

    /** kill -9, then the held call takes effect with nobody listening, then the server starts again. */
    private void crashReleasingTheHeldCall(Hold held) throws Exception {
        gateway.server().kill();
        held.release();
        Thread.sleep(500);
        gateway.server().start();
    }

    private List<DeliveredMessage> delivered(String customer) {
        return gateway.wecom().delivered(ACCOUNT, customer);
    }

    private long notificationsAbout(String customer, int since) {
        return gateway.probe().staffNotifications().stream().skip(since).filter(n -> n.content().contains(customer))
                .count();
    }
}
