package com.kfgateway.conversation.control.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IndexMarkTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    @Test
    void neverSettlesPastTheGraceWindowSoALateCommitIsStillRead() {
        IndexMark mark = new IndexMark(Instant.EPOCH, 0);
        mark.read(7, NOW.minusSeconds(1), IndexMark.horizon(NOW));
        mark.settle(IndexMark.horizon(NOW), null);
        assertEquals(NOW.minus(IndexMark.GRACE), mark.settled());
        assertTrue(mark.seen(7), "read again on the next pass, but not indexed again");
    }

    @Test
    void aNicknameFetchedAgainIsNewButTheSameFetchIsSeen() {
        IndexMark mark = new IndexMark(Instant.EPOCH, 0);
        mark.read(7, NOW.minusSeconds(10), IndexMark.horizon(NOW));
        assertTrue(mark.seen(7, NOW.minusSeconds(10)), "the same fetch is not indexed again on the next pass");
        assertFalse(mark.seen(7, NOW.minusSeconds(2)), "a later fetch of that nickname is");
    }

    @Test
    void aPartialPassSettlesJustBeforeTheLastRowItRead() {
        IndexMark mark = new IndexMark(Instant.EPOCH, 0);
        Instant last = NOW.minusSeconds(3600);
        mark.settle(IndexMark.horizon(NOW), last);
        assertTrue(mark.settled().isBefore(last));
        assertTrue(mark.settled().isAfter(last.minusMillis(1)));
    }

    @Test
    void forgetsWhatItSawOnceTheMarkHasPassedIt() {
        IndexMark mark = new IndexMark(Instant.EPOCH, 0);
        mark.read(7, NOW, IndexMark.horizon(NOW));
        mark.settle(IndexMark.horizon(NOW.plus(IndexMark.GRACE).plusSeconds(1)), null);
        assertFalse(mark.seen(7));
        assertEquals(7, mark.highestId());
    }

    @Test
    void neverMovesBack() {
        IndexMark mark = new IndexMark(NOW, 0);
        mark.settle(IndexMark.horizon(NOW), null);
        assertEquals(NOW, mark.settled());
    }
}
