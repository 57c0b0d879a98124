package com.kfgateway.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MsgIdsTest {

    @Test
    void msgidIsAtMost32BytesOfWeComsAlphabet() {
        String msgid = MsgIds.next();
        assertTrue(msgid.getBytes(StandardCharsets.UTF_8).length <= 32, msgid);
        assertTrue(msgid.matches("[0-9a-zA-Z_-]+"), msgid);
        assertTrue(MsgIds.valid(msgid));
    }

    @Test
    void msgidsAreUniqueEvenWithinOneMillisecond() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(MsgIds.next(java.time.Instant.EPOCH.plusMillis(1_750_000_000_000L)));
        }
        assertEquals(100_000, seen.size());
    }

    @Test
    void rejectsMsgidsWeComWouldRefuse() {
        assertFalse(MsgIds.valid("has space"));
        assertFalse(MsgIds.valid("x".repeat(33)));
        assertFalse(MsgIds.valid("中文"));
        assertFalse(MsgIds.valid(""));
    }

    @Test
    void derivedMsgidIsTheSameForTheSameAnsweredMessageKindAndPart() {
        String first = MsgIds.derived("from_msgid_4622416642169452483", "ANSWER", 1);
        assertEquals(first, MsgIds.derived("from_msgid_4622416642169452483", "ANSWER", 1));
        assertTrue(MsgIds.valid(first), first);
        assertTrue(first.length() <= 32);
    }

    @Test
    void derivedMsgidsDifferByMessageKindAndPart() {
        Set<String> ids = Set.of(MsgIds.derived("m1", "ANSWER", 1), MsgIds.derived("m1", "ANSWER", 2),
                MsgIds.derived("m1", "WELCOME", 1), MsgIds.derived("m2", "ANSWER", 1));
        assertEquals(4, ids.size());
    }
}
