package com.kfgateway.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.delivery.entity.PartPlanned;
import com.kfgateway.delivery.entity.PartStatusChanged;
import com.kfgateway.delivery.entity.Recipient;
import com.kfgateway.delivery.entity.SendAttempt;
import com.kfgateway.delivery.entity.SendChannel;
import com.kfgateway.delivery.entity.SendKind;
import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.delivery.entity.SendRequest;
import com.kfgateway.delivery.entity.SendStatus;
import com.kfgateway.unit.RecordedEvents;
import com.kfgateway.unit.TestDatabase;
import com.kfgateway.unit.Wiring;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Planning against the real schema: msgids, splitting, the quota counted from the send log, refusals. */
class SendPlannerTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    private final TestDatabase db = new TestDatabase();
    private final RecordedEvents<PartPlanned> planned = new RecordedEvents<>();
    private final RecordedEvents<PartStatusChanged> changed = new RecordedEvents<>();
    private final SendPlanner planner = Wiring.of(SendPlanner.class).with(db)
            .event(PartPlanned.class, planned).event(PartStatusChanged.class, changed).get();
    private final long conversation = db.conversation("wkA", "wmCustomer");
    private final Recipient customer = new Recipient(conversation, "wkA", "wmCustomer");

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anAnswerGetsMsgidsDerivedFromTheMessageItAnswersSoAReAnswerCannotDouble() {
        SendRequest request = new SendRequest(customer, null, "msgFromWeCom1", SendKind.ANSWER, null);
        String first = db.inTransaction(() -> planner.planText(request, "hello", NOW, NOW)).get(0).getMsgid();

        TestDatabase again = new TestDatabase();
        try {
            long other = again.conversation("wkA", "wmCustomer");
            SendPlanner replanned = Wiring.of(SendPlanner.class).with(again).get();
            String second = again.inTransaction(() -> replanned.planText(new SendRequest(new Recipient(other, "wkA",
                    "wmCustomer"), null, "msgFromWeCom1", SendKind.ANSWER, null), "hello", NOW, NOW)).get(0)
                    .getMsgid();
            assertEquals(first, second, "the same answer planned after a crash carries the same msgid");
        } finally {
            again.close();
        }
        String staff = db.inTransaction(() -> planner.planText(new SendRequest(customer, null, null,
                SendKind.STAFF_REPLY, "alice"), "hello", NOW, NOW)).get(0).getMsgid();
        assertNotEquals(first, staff, "a send that answers no message gets a fresh msgid");
    }

    @Test
    void aLongAnswerIsSplitIntoPartsEachPlannedAndAnnounced() {
        String paragraph = "这是一段很长的回答。".repeat(80);
        String text = paragraph + "\n\n" + paragraph;

        List<SendLogEntry> parts = db.inTransaction(() -> planner.planText(answer("m1"), text, NOW, NOW));

        assertTrue(parts.size() >= 2, "over 2048 bytes needs more than one part");
        for (int i = 0; i < parts.size(); i++) {
            SendLogEntry part = db.find(SendLogEntry.class, parts.get(i).getId());
            assertEquals(SendStatus.PENDING, part.getStatus());
            assertEquals(i + 1, part.getPartNo());
            assertEquals(parts.size(), part.getPartCount());
            assertEquals(SendChannel.SEND_MSG, part.getChannel());
            assertEquals(customer, part.getRecipient());
            assertTrue(part.getText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 2048);
        }
        assertEquals(parts.size(), planned.fired().size());
        assertEquals(parts.get(0).getMsgid(), planned.fired().get(0).msgid());
    }

    @Test
    void theQuotaCountsWhatWasPlannedSinceTheCustomerLastWrote() {
        Instant wrote = NOW.minus(Duration.ofHours(1));
        Instant answered = wrote.plusSeconds(60);
        db.inTransaction(() -> planner.planText(answer("m1"), "one", wrote, answered));
        db.inTransaction(() -> planner.planText(answer("m2"), "two", wrote, answered));

        assertEquals(3, db.inTransaction(() -> planner.quota(conversation, wrote, NOW)).remaining());
        assertEquals(5, db.inTransaction(() -> planner.quota(conversation, NOW, NOW)).remaining(),
                "a newer customer message starts a new count");
        assertEquals(5, db.inTransaction(() -> planner.quota(db.conversation("wkA", "wmOther"), wrote, NOW))
                .remaining(), "another customer's sends do not count");
    }

    @Test
    void whenTheQuotaIsSpentOneFailedEntrySaysWhyAndNothingIsPending() {
        Instant wrote = NOW.minus(Duration.ofHours(1));
        for (int i = 0; i < SendQuota.SENDS_PER_CUSTOMER_MESSAGE; i++) {
            String msgid = "m" + i;
            db.inTransaction(() -> planner.planText(answer(msgid), "part", wrote, NOW));
        }

        List<SendLogEntry> refused = db.inTransaction(() -> planner.planText(answer("m9"), "one more", wrote, NOW));

        assertEquals(1, refused.size());
        SendLogEntry entry = db.find(SendLogEntry.class, refused.get(0).getId());
        assertEquals(SendStatus.FAILED, entry.getStatus());
        assertTrue(entry.getError().getExplanation().startsWith("not sent"), entry.getError().getExplanation());
        List<SendAttempt> attempts = db.inTransaction(() -> db.entityManager()
                .createQuery("SELECT a FROM SendAttempt a WHERE a.sendLogId = :id", SendAttempt.class)
                .setParameter("id", entry.getId()).getResultList());
        assertEquals(1, attempts.size());
        assertEquals(SendAttempt.Outcome.REFUSED, attempts.get(0).getOutcome());
        assertEquals(SendStatus.FAILED, changed.fired().get(0).to());
    }

    @Test
    void aCustomerWhoNeverWroteGetsNoPlainSend() {
        List<SendLogEntry> refused = db.inTransaction(() -> planner.planText(answer("m1"), "hi", null, NOW));
        assertEquals(SendStatus.FAILED, refused.get(0).getStatus());
    }

    @Test
    void blankTextPlansNothingAndAnEventCodePartKeepsItsCode() {
        assertEquals(List.of(), db.inTransaction(() -> planner.planText(answer("m1"), "  ", NOW, NOW)));

        SendLogEntry welcome = db.inTransaction(() -> planner.planOnEvent(new SendRequest(customer, null, null,
                SendKind.WELCOME, null), "CODE1", NOW.plusSeconds(20), "欢迎", NOW));

        SendLogEntry stored = db.find(SendLogEntry.class, welcome.getId());
        assertEquals(SendChannel.SEND_MSG_ON_EVENT, stored.getChannel());
        assertEquals("CODE1", stored.getEventCode());
        assertEquals(NOW.plusSeconds(20), stored.getExpiresAt());
    }

    private SendRequest answer(String msgid) {
        return new SendRequest(customer, null, msgid, SendKind.ANSWER, null);
    }
}
