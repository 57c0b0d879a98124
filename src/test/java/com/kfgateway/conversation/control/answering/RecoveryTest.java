package com.kfgateway.conversation.control.answering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.assistant.entity.Answer;
import com.kfgateway.conversation.control.PipelineFixture;
import com.kfgateway.conversation.control.sync.Puller;
import com.kfgateway.unit.Wiring;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a crash or a restart left is found again: pending messages, due parts, due handovers, unpulled accounts. */
class RecoveryTest {

    private final PipelineFixture fixture = new PipelineFixture();
    private final List<Long> requested = new ArrayList<>();
    private final List<String> pulled = new ArrayList<>();
    private final Recovery recovery = Wiring.of(Recovery.class).with(fixture.db, fixture.sendLog,
            fixture.handoverStore(), new RecordingAnswerer(), new RecordingPuller(), fixture.config).get();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aConversationHasWorkWhileAMessageIsPendingAPartIsDueOrAHandoverIsOpen() {
        Instant now = Instant.now();
        assertEquals(Set.of(), recovery.withWork(now));

        long message = fixture.customerSays("多少钱");
        assertEquals(Set.of(fixture.conversation), recovery.withWork(now), "a PENDING message");

        AnswerStore.Recorded recorded = fixture.answers.answered(java.util.List.of(message), new Answer("价格以商品页面显示为准",
                false, "rules", null), null, true);
        assertEquals(Set.of(), recovery.withWork(Instant.now()), "its part is claimed: its dispatcher sends it now");
        assertEquals(Set.of(fixture.conversation), recovery.withWork(Instant.now().plus(Duration.ofMinutes(10))),
                "a part its dispatcher never sent (a crash) is due once it is stale");

        fixture.sendLog.dispatch(fixture.conversation, recorded.first());
        assertEquals(Set.of(), recovery.withWork(Instant.now().plus(Duration.ofMinutes(10))), "sent");

        fixture.asksForHuman("稍等");
        assertEquals(Set.of(fixture.conversation), recovery.withWork(Instant.now()), "an open handover");
    }

    @Test
    void resumeQueuesEveryConversationWithWorkOnTheAnsweringLoop() {
        fixture.customerSays("多少钱");

        assertEquals(1, recovery.resume());

        assertEquals(List.of(fixture.conversation), requested);
    }

    @Test
    void everyAccountPulledBeforeIsPulledAgainWithoutATokenOncePerInterval() {
        fixture.db.sql("INSERT INTO sync_cursor (scope, next_cursor, version) VALUES ('wkA', 'c1', 0)");
        fixture.db.sql("INSERT INTO sync_cursor (scope, next_cursor, version) VALUES ('wkB', 'c2', 0)");
        Instant start = Instant.now();

        recovery.pullIfDue(start);
        recovery.pullIfDue(start.plus(Duration.ofMinutes(3)));

        assertEquals(List.of("wkA", "wkB"), pulled.stream().sorted().toList(), "right after a start, then not yet");

        recovery.pullIfDue(start.plus(Duration.ofMinutes(7)));

        assertEquals(4, pulled.size(), "the 5 minutes (at most 6 with jitter) have passed");
    }

    @Test
    void theIntervalIsJitteredWithinTwentyPercent() {
        Duration interval = Duration.ofMinutes(5);
        for (int i = 0; i < 200; i++) {
            Duration jittered = recovery.jittered(interval);
            assertTrue(jittered.compareTo(Duration.ofMinutes(4)) >= 0 && jittered.compareTo(Duration.ofMinutes(6)) <= 0,
                    jittered.toString());
        }
    }

    /** The answering loop as recovery sees it: a queue to put conversations on. */
    private final class RecordingAnswerer extends Answerer {

        @Override
        public void requestIfIdle(long conversationId) {
            requested.add(conversationId);
        }
    }

    /** The puller as recovery sees it: a request per account, the token null for a safety pull. */
    private final class RecordingPuller extends Puller {

        @Override
        public void request(String openKfid, String syncToken, java.util.Collection<Long> callbackLogIds) {
            assertNull(syncToken, "a safety pull has no token");
            pulled.add(openKfid);
        }
    }
}
