package com.kfgateway.cluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.unit.TestDatabase;
import com.kfgateway.unit.Wiring;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two nodes (and more) on one database, as the product's leases see them: the real schema, real SQL. */
class LeasesTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration RAN_OUT = Duration.ofSeconds(-1);

    private final TestDatabase db = new TestDatabase();
    private final Leases a = node("a");
    private final Leases b = node("b");

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void workTakenByOneNodeIsWantedByTheOtherAndRunsOnceMoreOnTheFirst() {
        assertTrue(a.take("turn:7", MINUTE));
        assertFalse(b.take("turn:7", MINUTE), "a holds it");
        assertTrue(a.release("turn:7").wanted(), "b wanted it meanwhile: a runs it once more");
        assertTrue(b.take("turn:7", MINUTE), "let go: free for anyone");
        assertFalse(b.release("turn:7").wanted(), "nobody wanted it while b ran it");
        assertEquals(0, rows());
    }

    @Test
    void aLeaseNobodyElseWantedIsGoneAfterItsRelease() {
        assertTrue(a.take("pull:wk1", MINUTE));
        assertTrue(a.take("pull:wk1", MINUTE), "its own holder may take it again");
        assertFalse(a.release("pull:wk1").wanted());
        assertEquals(0, rows());
        assertTrue(b.take("pull:wk1", MINUTE));
    }

    @Test
    void theHolderGetsTheNewestNoteOfThoseWhoWantedTheWork() {
        assertTrue(a.take("pull:wk2", MINUTE, "token-1"));
        assertFalse(b.take("pull:wk2", MINUTE, "token-2"));
        assertFalse(b.take("pull:wk2", MINUTE, "token-3"));
        assertFalse(b.take("pull:wk2", MINUTE, null), "no note keeps the last one");
        assertEquals(new Leases.Released(true, "token-3"), a.release("pull:wk2"));
        assertEquals(0, rows());
    }

    @Test
    void aLeaseThatRanOutIsTakenOverAndItsFormerHolderLearnsItLostIt() {
        assertTrue(a.take("turn:8", RAN_OUT));
        assertTrue(b.take("turn:8", MINUTE), "a died, or took too long");
        assertFalse(a.renew("turn:8", MINUTE));
        assertFalse(a.release("turn:8").wanted(), "not a's to let go");
        assertFalse(a.take("turn:8", MINUTE), "b holds it now");
        assertTrue(b.release("turn:8").wanted(), "a wanted it after b took over");
    }

    @Test
    void aRenewedLeaseOutlivesItsFirstTtl() {
        assertTrue(a.take("turn:9", RAN_OUT));
        assertTrue(a.renew("turn:9", MINUTE));
        assertFalse(b.take("turn:9", MINUTE), "renewed: still a's");
    }

    @Test
    void aTimerRunsOnTheNodeThatHoldsItsLeaseUntilThatNodeStopsRenewing() {
        assertTrue(a.hold("timer:recovery", MINUTE));
        assertFalse(b.hold("timer:recovery", MINUTE));
        assertTrue(a.hold("timer:recovery", MINUTE), "renewed on a's next tick");
        assertFalse(a.release("timer:recovery").wanted(), "b's hold never marks a timer wanted");
        assertTrue(a.hold("timer:recovery", RAN_OUT));
        assertTrue(b.hold("timer:recovery", MINUTE), "a stopped ticking: b takes the timer over");
        assertFalse(a.hold("timer:recovery", MINUTE));
    }

    @Test
    void ofNodesRacingForOneLeaseExactlyOneWinsEachRound() throws Exception {
        int nodes = 6;
        List<Leases> racers = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            racers.add(node("racer-" + i));
        }
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        try {
            for (int round = 0; round < 20; round++) {
                String name = "turn:race-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> taken = new ArrayList<>();
                for (Leases racer : racers) {
                    taken.add(threads.submit(() -> {
                        start.await();
                        return racer.take(name, MINUTE);
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> one : taken) {
                    winners += one.get() ? 1 : 0;
                }
                assertEquals(1, winners, "round " + round);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void onADatabaseOfItsOwnEveryLeaseIsTheNodesWithoutAStatement() {
        Leases alone = Wiring.of(Leases.class).with(new Node("solo", true)).get();
        assertTrue(alone.take("turn:1", MINUTE));
        assertTrue(alone.take("turn:1", MINUTE));
        assertTrue(alone.hold("timer:recovery", MINUTE));
        assertTrue(alone.renew("turn:1", MINUTE));
        assertFalse(alone.release("turn:1").wanted());
        // No LeaseRows was wired: a statement would have failed on null.
    }

    @Test
    void embeddedH2IsAloneAndEverythingElseMayBeShared() {
        assertTrue(Node.embedded("jdbc:h2:file:./data/kf-gateway;WRITE_DELAY=0"));
        assertTrue(Node.embedded("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1"));
        assertTrue(Node.embedded("jdbc:h2:./data/kf-gateway"));
        assertFalse(Node.embedded("jdbc:h2:tcp://127.0.0.1:9092/kf-gateway"));
        assertFalse(Node.embedded("jdbc:h2:file:./data/kf;AUTO_SERVER=TRUE"));
        assertFalse(Node.embedded("jdbc:postgresql://db:5432/kfgateway"));
    }

    @Test
    void aNodeKeepsItsNameAcrossRestartsAndTwoWorkingDirectoriesMakeTwoNames() {
        String first = Node.defaultName("host", java.nio.file.Path.of("/srv/kf/node-1"));
        assertEquals(first, Node.defaultName("host", java.nio.file.Path.of("/srv/kf/node-1")));
        assertFalse(first.equals(Node.defaultName("host", java.nio.file.Path.of("/srv/kf/node-2"))));
        assertTrue(first.startsWith("host/"));
    }

    @Test
    void aRestartedNodeTakesItsPreviousLifesLeasesBackAtOnce() {
        assertTrue(a.take("turn:10", MINUTE));
        Leases restarted = node("a");
        assertTrue(restarted.take("turn:10", MINUTE), "the same name: the lease of its previous life is its own");
        assertFalse(b.take("turn:10", MINUTE));
    }

    private Leases node(String name) {
        return Wiring.of(Leases.class).with(Wiring.of(LeaseRows.class).with(db).get(), new Node(name, false)).get();
    }

    private long rows() {
        return db.inTransaction(() -> ((Number) db.entityManager().createNativeQuery(
                "SELECT COUNT(*) FROM cluster_lease").getSingleResult()).longValue());
    }
}
