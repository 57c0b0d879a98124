package com.kfgateway.conversation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.conversation.control.sync.CallbackJournal;
import com.kfgateway.conversation.control.sync.Puller;
import com.kfgateway.wecom.entity.CallbackEvent;
import com.kfgateway.wecom.entity.CallbackLogEntry.Outcome;
import com.kfgateway.wecom.entity.KfCallbackReceived;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The doorbell: callbacks queue up while one drain task is under way, and are then logged and pulled for in bulk. */
class CallbackIntakeTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    private final List<Runnable> tasks = new ArrayList<>();
    private final List<List<CallbackJournal.Entry>> logged = new ArrayList<>();
    private final List<String> pulls = new ArrayList<>();
    private final CallbackIntake intake = new CallbackIntake();
    private long nextId = 100;
    private boolean databaseDown;

    CallbackIntakeTest() {
        intake.executor = (ManagedExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("execute")) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    tasks.add((Runnable) args[0]);
                    return null;
                });
        intake.journal = new CallbackJournal() {
            @Override
            public List<Long> received(List<Entry> entries) {
                if (databaseDown) {
                    throw new IllegalStateException("no connection");
                }
                logged.add(entries);
                return LongStream.range(0, entries.size()).mapToObj(i -> nextId++).toList();
            }
        };
        intake.puller = new Puller() {
            @Override
            public void request(String openKfid, String syncToken, Collection<Long> callbackLogIds) {
                pulls.add(openKfid + "|" + syncToken + "|" + callbackLogIds);
            }
        };
    }

    private static KfCallbackReceived kf(String account, String token) {
        return new KfCallbackReceived(new CallbackEvent("wwcorp", 0, "event", CallbackEvent.KF_MSG_OR_EVENT, token,
                account, List.of(), List.of(), "<xml/>"), NOW);
    }

    private void runTasks() {
        while (!tasks.isEmpty()) {
            tasks.remove(0).run();
        }
    }

    @Test
    void callbacksArrivingTogetherAreLoggedInOneBatchAndCostOnePullPerAccountWithTheNewestToken() {
        intake.received(kf("wkA", "T1"));
        intake.received(kf("wkB", "T2"));
        intake.received(kf("wkA", "T3"));
        intake.received(new KfCallbackReceived(new CallbackEvent("wwcorp", 0, "text", null, null, null, List.of(),
                List.of(), "<xml/>"), NOW));

        assertEquals(1, tasks.size(), "one drain task for the whole burst, not one per callback");
        runTasks();

        assertEquals(1, logged.size(), "one transaction");
        assertEquals(List.of(Outcome.RECEIVED, Outcome.RECEIVED, Outcome.RECEIVED, Outcome.IGNORED),
                logged.get(0).stream().map(CallbackJournal.Entry::outcome).toList());
        assertEquals(List.of("wkA|T3|[100, 102]", "wkB|T2|[101]"), pulls);
    }

    @Test
    void aCallbackAfterTheDrainIsTakenByTheNextOne() {
        intake.received(kf("wkA", "T1"));
        runTasks();
        intake.received(kf("wkA", "T2"));
        runTasks();

        assertEquals(List.of("wkA|T1|[100]", "wkA|T2|[101]"), pulls);
    }

    @Test
    void aBurstLargerThanOneBatchIsLoggedInSeveral() {
        for (int i = 0; i < CallbackIntake.BATCH + 1; i++) {
            intake.received(kf("wkA", "T" + i));
        }
        runTasks();

        assertEquals(List.of(CallbackIntake.BATCH, 1), logged.stream().map(List::size).toList());
        assertEquals(2, pulls.size());
        assertTrue(pulls.get(1).startsWith("wkA|T" + CallbackIntake.BATCH + "|"), pulls.get(1));
    }

    @Test
    void whenTheLogCannotBeWrittenTheAccountIsPulledAnyway() {
        databaseDown = true;
        intake.received(kf("wkA", "T1"));
        intake.received(kf(null, "T2"));
        runTasks();

        assertEquals(List.of("wkA|T1|[]", "|T2|[]"), pulls);
    }
}
