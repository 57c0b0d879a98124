package com.kfgateway.conversation.control.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.kfgateway.unit.TestDatabase;
import com.kfgateway.unit.Wiring;
import com.kfgateway.wecom.entity.CallbackEvent;
import com.kfgateway.wecom.entity.CallbackLogEntry;
import com.kfgateway.wecom.entity.CallbackLogEntry.Outcome;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The callback log on the real schema: what came in, and what the pull it triggered did. */
class CallbackJournalTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    private final TestDatabase db = new TestDatabase();
    private final CallbackJournal journal = Wiring.of(CallbackJournal.class).with(db).get();

    @AfterEach
    void close() {
        db.close();
    }

    private static CallbackEvent callback(String msgType, String event) {
        return new CallbackEvent("wwcorp", 0, msgType, event, "TOKEN", "wkA", null, null, "<xml/>");
    }

    @Test
    void aCallbackIsLoggedAsReceivedUntilItsPullFinishes() {
        long id = journal.received(List.of(new CallbackJournal.Entry(callback("event", CallbackEvent.KF_MSG_OR_EVENT),
                NOW, Outcome.RECEIVED, "unused"))).get(0);

        CallbackLogEntry entry = db.find(CallbackLogEntry.class, id);
        assertEquals(NOW, entry.receivedAt());
        assertEquals(CallbackEvent.KF_MSG_OR_EVENT, entry.event());
        assertEquals("wkA", entry.openKfid());
        assertEquals(Outcome.RECEIVED.name(), entry.outcome());
        assertNull(entry.detail(), "a detail belongs to the outcome, which is not known yet");
    }

    @Test
    void aCallbackThatTriggersNoPullIsLoggedWithItsOutcomeAtOnce() {
        long id = journal
                .received(List.of(
                        new CallbackJournal.Entry(callback("text", null), NOW, Outcome.IGNORED, "not a KF callback")))
                .get(0);

        CallbackLogEntry entry = db.find(CallbackLogEntry.class, id);
        assertEquals("text", entry.event(), "without an event type the message type says what it was");
        assertEquals(Outcome.IGNORED.name(), entry.outcome());
        assertEquals("not a KF callback", entry.detail());
    }

    @Test
    void aBatchOfCallbacksIsLoggedInOneGoWithItsIdsInOrder() {
        List<Long> ids = journal.received(List.of(
                new CallbackJournal.Entry(callback("event", CallbackEvent.KF_MSG_OR_EVENT), NOW, Outcome.RECEIVED,
                        null),
                new CallbackJournal.Entry(callback("text", null), NOW.plusSeconds(1), Outcome.IGNORED, "not KF")));

        assertEquals(2, ids.size());
        assertEquals(Outcome.RECEIVED.name(), db.find(CallbackLogEntry.class, ids.get(0)).outcome());
        assertEquals("not KF", db.find(CallbackLogEntry.class, ids.get(1)).detail());
        assertEquals(NOW.plusSeconds(1), db.find(CallbackLogEntry.class, ids.get(1)).receivedAt());
    }

    @Test
    void finishingMoreCallbacksThanOneStatementTakesFinishesAllOfThem() {
        List<CallbackJournal.Entry> entries = java.util.Collections.nCopies(CallbackJournal.IDS_PER_UPDATE + 7,
                new CallbackJournal.Entry(callback("event", CallbackEvent.KF_MSG_OR_EVENT), NOW, Outcome.RECEIVED,
                        null));
        List<Long> ids = journal.received(entries);

        journal.finish(ids, Outcome.SYNC_FAILED, "x".repeat(600));

        CallbackLogEntry last = db.find(CallbackLogEntry.class, ids.get(ids.size() - 1));
        assertEquals(Outcome.SYNC_FAILED.name(), last.outcome());
        assertEquals(500, last.detail().length(), "kept to the column's size");
    }

    @Test
    void finishingAPullRecordsItsOutcomeOnEachOfItsCallbacksAndSkipsUnknownOnes() {
        long first = journal
                .received(List.of(new CallbackJournal.Entry(callback("event", CallbackEvent.KF_MSG_OR_EVENT), NOW,
                        Outcome.RECEIVED, null)))
                .get(0);
        long second = journal
                .received(List.of(new CallbackJournal.Entry(callback("event", CallbackEvent.KF_MSG_OR_EVENT), NOW,
                        Outcome.RECEIVED, null)))
                .get(0);
        long other = journal
                .received(List.of(new CallbackJournal.Entry(callback("event", CallbackEvent.KF_MSG_OR_EVENT), NOW,
                        Outcome.RECEIVED, null)))
                .get(0);

        journal.finish(List.of(first, second, 999_999L), Outcome.SYNCED, "2 new item(s)");

        assertEquals(Outcome.SYNCED.name(), db.find(CallbackLogEntry.class, first).outcome());
        assertEquals("2 new item(s)", db.find(CallbackLogEntry.class, second).detail());
        assertEquals(Outcome.RECEIVED.name(), db.find(CallbackLogEntry.class, other).outcome(),
                "a callback another pull serves is left to it");
    }
}
