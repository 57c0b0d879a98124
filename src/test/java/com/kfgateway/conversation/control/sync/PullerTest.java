package com.kfgateway.conversation.control.sync;

import static com.kfgateway.conversation.control.sync.SyncFixture.ACCOUNT;
import static com.kfgateway.conversation.control.sync.SyncFixture.NOW;
import static com.kfgateway.conversation.control.sync.SyncFixture.customerText;
import static com.kfgateway.conversation.control.sync.SyncFixture.enterSession;
import static com.kfgateway.conversation.control.sync.SyncFixture.event;
import static com.kfgateway.conversation.control.sync.SyncFixture.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.conversation.entity.SyncCursor;
import com.kfgateway.cluster.control.ClusterConfig;
import com.kfgateway.cluster.control.Leases;
import com.kfgateway.cluster.control.TestLeases;
import com.kfgateway.unit.RecordedEvents;
import com.kfgateway.unit.Wiring;
import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.control.CallbackStats;
import com.kfgateway.wecom.entity.CallbackEvent;
import com.kfgateway.wecom.entity.CallbackLogEntry;
import com.kfgateway.wecom.entity.CallbackLogEntry.Outcome;
import com.kfgateway.wecom.entity.InboundItem;
import com.kfgateway.wecom.entity.SyncPage;
import com.kfgateway.wecom.entity.WeComReply;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pull loop against a scripted kf/sync_msg, on the real page store: paging, the token and cursor WeCom refuses,
 * the race with another pull, failures reported on the callbacks and pulled again later, welcomes first.
 */
class PullerTest {

    private final SyncFixture sync = new SyncFixture();
    private final ScriptedSync wecom = new ScriptedSync();
    private final CallbackJournal journal = Wiring.of(CallbackJournal.class).with(sync.db).get();
    private final List<Integer> welcomesSentBeforeAnnounced = new ArrayList<>();
    private final RecordedEvents<Ingested> ingested = new RecordedEvents<>(
            page -> welcomesSentBeforeAnnounced.add(sync.sendLog.attempted.size()));
    private final List<Long> repullDelays = new ArrayList<>();
    private final CallbackStats callbackStats = Wiring.of(CallbackStats.class).get();
    private final Puller puller = puller(TestLeases.alone());

    PullerTest() {
        nonBlocking(puller);
    }

    private Puller puller(Leases leases) {
        PageIntake intake = Wiring.of(PageIntake.class).with(sync.pages, sync.sendLog, callbackStats)
                .event(Ingested.class, ingested).get();
        return Wiring.of(Puller.class).with(wecom, sync.pages, intake, journal, leases, new ClusterConfig()).get();
    }

    private void nonBlocking(Puller puller) {
        // The pull runs on the caller's thread; a re-pull is only noted, so no test waits for one.
        puller.executor = (ManagedExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        ((Runnable) args[0]).run();
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        puller.scheduler = (ManagedScheduledExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ManagedScheduledExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("schedule")) {
                        repullDelays.add(((TimeUnit) args[2]).toSeconds((Long) args[1]));
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        puller.init();
    }

    @AfterEach
    void close() {
        sync.close();
    }

    /** kf/sync_msg answered from a script in order; every call recorded as "cursor|token|open_kfid". */
    static final class ScriptedSync extends WeComClient {

        final Deque<Supplier<WeComReply<SyncPage>>> script = new ArrayDeque<>();
        final List<String> calls = new ArrayList<>();

        ScriptedSync then(Supplier<WeComReply<SyncPage>> reply) {
            script.add(reply);
            return this;
        }

        ScriptedSync then(SyncPage page) {
            return then(() -> WeComReply.ok(page));
        }

        @Override
        public WeComReply<SyncPage> syncMsg(String cursor, String syncToken, String openKfid, int limit) {
            calls.add(cursor + "|" + syncToken + "|" + openKfid);
            Supplier<WeComReply<SyncPage>> reply = script.poll();
            return reply == null ? WeComReply.ok(new SyncPage(null, false, List.of())) : reply.get();
        }
    }

    private static SyncPage more(String nextCursor, InboundItem... items) {
        return new SyncPage(nextCursor, true, List.of(items));
    }

    private long callback() {
        return journal.received(List.of(new CallbackJournal.Entry(new CallbackEvent("wwcorp", 0, "event",
                CallbackEvent.KF_MSG_OR_EVENT, "TOKEN", ACCOUNT, null, null, "<xml/>"), NOW, Outcome.RECEIVED, null)))
                .get(0);
    }

    private CallbackLogEntry logged(long id) {
        return sync.db.find(CallbackLogEntry.class, id);
    }

    @Test
    void pullsPageAfterPageWhileWeComHasMoreEvenPastAnEmptyPage() {
        wecom.then(more("c1", customerText("m1", "wmCustomer", "one", NOW))).then(more("c2"))
                .then(page("c3", customerText("m2", "wmCustomer", "two", NOW)));
        long callback = callback();

        puller.request(ACCOUNT, "TOKEN", List.of(callback));

        assertEquals(List.of("null|TOKEN|wkA", "c1|TOKEN|wkA", "c2|TOKEN|wkA"), wecom.calls);
        assertEquals("c3", sync.pages.cursorOf(ACCOUNT));
        assertEquals(2, sync.messageCount());
        assertEquals(3, ingested.fired().size(), "each committed page is announced on its own");
        CallbackLogEntry entry = logged(callback);
        assertEquals(Outcome.SYNCED.name(), entry.outcome());
        assertEquals("2 new item(s), 0 already stored", entry.detail());
        assertEquals(List.of(), repullDelays);
        assertNull(callbackStats.lastUnannouncedMessage(), "a callback announced them");
    }

    @Test
    void customerMessagesAPullWithoutACallbackFindsAreCountedAsUnannouncedForTheDoctor() {
        wecom.then(page("c1", customerText("m1", "wmCustomer", "one", NOW)));

        puller.pull(ACCOUNT, null);

        assertNotNull(callbackStats.lastUnannouncedMessage(), "no callback announced the message");
    }

    @Test
    void aPullThatDroppedItsExpiredTokenStillCameFromACallback() {
        wecom.then(() -> WeComReply.errcode(Puller.TOKEN_EXPIRED, "invalid token"))
                .then(page("c1", customerText("m1", "wmCustomer", "one", NOW)));

        puller.pull(ACCOUNT, "OLD_TOKEN");

        assertNull(callbackStats.lastUnannouncedMessage());
    }

    @Test
    void aCallbackOnANodeWhileAnotherPullsTheAccountHandsItsTokenToThatNode() {
        Leases otherNode = TestLeases.node("b", sync.db);
        Puller here = puller(TestLeases.node("a", sync.db));
        nonBlocking(here);
        assertTrue(otherNode.take("pull:" + ACCOUNT, Duration.ofMinutes(1), "B_TOKEN"), "b is pulling");
        long callback = callback();

        here.request(ACCOUNT, "A_TOKEN", List.of(callback));

        assertEquals(List.of(), wecom.calls, "no second pull of the account at once");
        assertEquals(Outcome.RECORDED.name(), logged(callback).outcome());
        assertEquals(List.of(new ClusterConfig().workLease().plusSeconds(1).toSeconds()), repullDelays,
                "a look once b's lease would have run out, should b die before it pulls again");
        assertEquals(new Leases.Released(true, "A_TOKEN"), otherNode.release("pull:" + ACCOUNT),
                "b pulls once more, with the newest token");
        wecom.then(page("c1", customerText("m1", "wmCustomer", "one", NOW)));
        here.request(ACCOUNT, "A_TOKEN", List.of());
        assertEquals(List.of("null|A_TOKEN|wkA"), wecom.calls, "free again: a pulls");
    }

    @Test
    void aCallbackNamingNoAccountPullsAllAccounts() {
        puller.request(" ", null, List.of());

        assertEquals(List.of("null|null|null"), wecom.calls);
        assertNull(sync.pages.cursorOf(SyncCursor.ALL_ACCOUNTS));
        assertNotNull(sync.db.find(SyncCursor.class, SyncCursor.ALL_ACCOUNTS), "the cursor of all accounts is kept");
    }

    @Test
    void anExpiredTokenIsDroppedAndThePullRepeatedWithoutIt() {
        wecom.then(() -> WeComReply.errcode(Puller.TOKEN_EXPIRED, "invalid token"))
                .then(page("c1", customerText("m1", "wmCustomer", "one", NOW)));

        puller.pull(ACCOUNT, "OLD_TOKEN");

        assertEquals(List.of("null|OLD_TOKEN|wkA", "null|null|wkA"), wecom.calls);
        assertEquals("c1", sync.pages.cursorOf(ACCOUNT));
    }

    @Test
    void aStoredCursorWeComNoLongerKnowsIsReplacedByAPullFromTheEarliestMessage() {
        sync.store(page("cOld"));
        wecom.then(() -> WeComReply.errcode(Puller.INVALID_PARAMETER, "invalid cursor"))
                .then(page("c1", customerText("m1", "wmCustomer", "one", NOW)));

        puller.pull(ACCOUNT, null);

        assertEquals(List.of("cOld|null|wkA", "null|null|wkA"), wecom.calls);
        assertEquals("c1", sync.pages.cursorOf(ACCOUNT), "the replay is stored against the cursor it replaces");
    }

    @Test
    void aFailedPullIsReportedOnItsCallbacksAndPulledAgainLaterFewTimes() {
        long callback = callback();
        for (int i = 0; i < Puller.MAX_REPULLS + 2; i++) {
            wecom.then(() -> WeComReply.unreachable("connect timed out", 0));
        }

        puller.request(ACCOUNT, "TOKEN", List.of(callback));
        for (int i = 0; i < Puller.MAX_REPULLS + 1; i++) {
            puller.pull(ACCOUNT, "TOKEN");
        }

        CallbackLogEntry entry = logged(callback);
        assertEquals(Outcome.SYNC_FAILED.name(), entry.outcome());
        assertEquals("kf/sync_msg WeCom not reached: connect timed out", entry.detail());
        assertEquals(List.of(3L, 6L, 9L, 12L, 15L, 3L), repullDelays,
                "backing off, then leaving it to the next callback, then counting anew");
    }

    @Test
    void aSuccessfulPullStartsTheBackOffAnew() {
        wecom.then(() -> WeComReply.unreachable("down", 0)).then(page("c1"))
                .then(() -> WeComReply.unreachable("down", 0));

        puller.pull(ACCOUNT, null);
        puller.pull(ACCOUNT, null);
        puller.pull(ACCOUNT, null);

        assertEquals(List.of(3L, 3L), repullDelays);
    }

    @Test
    void aPageThatCannotBeStoredAsAWholeIsStoredItemByItem() {
        InboundItem unstorable = new InboundItem("mBad", ACCOUNT, "wmBad", InboundItem.ORIGIN_CUSTOMER, null, null,
                "?", null, NOW, null, SyncFixture.raw("mBad"));
        wecom.then(page("c1", customerText("m1", "wmCustomer", "one", NOW), unstorable));
        long callback = callback();

        puller.request(ACCOUNT, null, List.of(callback));

        assertNotNull(sync.message("m1"));
        assertEquals(1, sync.quarantined().size());
        assertEquals("c1", sync.pages.cursorOf(ACCOUNT));
        assertEquals("1 new item(s), 0 already stored, 1 set aside", logged(callback).detail());
    }

    @Test
    void whenAnotherPullMovedTheCursorThePageIsDroppedAndTheCursorReadAgain() {
        wecom.then(() -> {
            sync.pages.store(ACCOUNT, null, page("cOther", customerText("m1", "wmCustomer", "one", NOW)), NOW);
            return WeComReply.ok(page("c1", customerText("m1", "wmCustomer", "one", NOW), customerText("mStale",
                    "wmCustomer", "what this pull alone saw", NOW)));
        }).then(page("c2", customerText("m2", "wmCustomer", "two", NOW)));

        puller.pull(ACCOUNT, null);

        assertEquals(List.of("null|null|wkA", "cOther|null|wkA"), wecom.calls);
        assertEquals("c2", sync.pages.cursorOf(ACCOUNT));
        assertNull(sync.message("mStale"), "a stale page is dropped whole, not stored item by item instead");
        assertEquals(2, sync.messageCount());
        assertEquals(List.of(), sync.quarantined(), "a lost race is not a broken item: nothing is set aside");
    }

    @Test
    void aPullThatKeepsLosingTheRaceGivesUpAndSaysSoOnItsCallbacks() {
        for (int i = 0; i < 5; i++) {
            String moved = "cOther" + i;
            wecom.then(() -> {
                sync.pages.store(ACCOUNT, sync.pages.cursorOf(ACCOUNT), page(moved), NOW);
                return WeComReply.ok(page("mine"));
            });
        }
        long callback = callback();

        puller.request(ACCOUNT, null, List.of(callback));

        assertEquals(5, wecom.calls.size(), "the first try and four re-reads");
        assertEquals("cOther4", sync.pages.cursorOf(ACCOUNT));
        CallbackLogEntry entry = logged(callback);
        assertEquals(Outcome.SYNC_FAILED.name(), entry.outcome());
        assertTrue(entry.detail().startsWith("CursorMoved: "), entry.detail());
        assertEquals(List.of(3L), repullDelays);
    }

    @Test
    void theWelcomesOfAPageGoOutBeforeThePageIsAnnounced() {
        sync.assistant.byScene = Map.of("", "欢迎");
        // The pull stores with the clock's time, and the welcome code lives 20 s from the event.
        wecom.then(page("c1", event("m1", "wmCustomer", enterSession("", "CODE"), Instant.now())));

        puller.pull(ACCOUNT, null);

        assertEquals(1, sync.sendLog.attempted.size());
        assertEquals(sync.sendLogEntries().get(0).getId(), sync.sendLog.attempted.get(0));
        assertEquals(List.of(1), welcomesSentBeforeAnnounced, "no answer or model call stands before a welcome");
    }
}
