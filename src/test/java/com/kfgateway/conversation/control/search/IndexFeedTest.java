package com.kfgateway.conversation.control.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.conversation.control.ConversationConfig;
import com.kfgateway.unit.TestDatabase;
import com.kfgateway.unit.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feed on the real schema: what the table holds, the index finds; a failing index never hides a message. */
class IndexFeedTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    @TempDir
    Path dir;

    private final TestDatabase db = new TestDatabase();
    private final StoredTexts texts = Wiring.of(StoredTexts.class).with(db).get();
    private final long conversation = db.conversation("wkA", "wmCustomer");
    private long nextId = 1_000;
    private IndexFeed feed;

    @AfterEach
    void close() {
        if (feed != null) {
            feed.close();
        }
        db.close();
    }

    @Test
    void answersNothingUntilTheFirstPassHasReadTheWholeTable() {
        store("我想退货", NOW.minusSeconds(3600));
        feed = feedIn(dir);
        assertEquals(Optional.empty(), feed.conversationsMatching("退货"), "not ready: the caller reads the table");
        assertTrue(feed.catchUp(NOW));
        assertEquals(Optional.of(Set.of(conversation)), feed.conversationsMatching("退货"));
    }

    @Test
    void findsAMessageStoredAMomentAgoWithoutWaitingForThePass() {
        feed = feedIn(dir);
        feed.catchUp(NOW);
        store("where is my refund", NOW);
        assertEquals(Optional.of(Set.of(conversation)), feed.conversationsMatching("REFUND"));
    }

    /** Ids come in blocks: a message can commit after one with a higher id, and must still be indexed. */
    @Test
    void findsAMessageThatCommittedAfterOneWithAHigherId() {
        feed = feedIn(dir);
        long later = nextId + 50;
        store(later, "第一条", NOW.minusSeconds(5));
        feed.catchUp(NOW);
        store(nextId, "迟到的消息", NOW.minusSeconds(10));
        assertEquals(Optional.of(Set.of()), feed.conversationsMatching("迟到"), "not above the highest id");
        feed.catchUp(NOW.plusSeconds(5));
        assertEquals(Optional.of(Set.of(conversation)), feed.conversationsMatching("迟到"));
    }

    @Test
    void findsANicknameAndForgetsTheOneItReplaced() {
        feed = feedIn(dir);
        db.sql("UPDATE conversation SET nickname = '王小明', nickname_fetched_at = ? WHERE id = ?",
                Timestamp.from(NOW.minusSeconds(600)), conversation);
        feed.catchUp(NOW);
        assertEquals(Optional.of(Set.of(conversation)), feed.conversationsMatching("小明"));
        db.sql("UPDATE conversation SET nickname = 'Anna Smith', nickname_fetched_at = ? WHERE id = ?",
                Timestamp.from(NOW.plusSeconds(1)), conversation);
        feed.catchUp(NOW.plusSeconds(5));
        assertEquals(Optional.of(Set.of()), feed.conversationsMatching("小明"));
        assertEquals(Optional.of(Set.of(conversation)), feed.conversationsMatching("anna"));
    }

    @Test
    void resumesFromItsMarkAfterARestartAndIndexesNothingTwice() {
        store("第一条", NOW.minus(Duration.ofHours(1)));
        feed = feedIn(dir);
        feed.catchUp(NOW);
        feed.close();
        store("重启后的消息", NOW.plusSeconds(30));
        feed = feedIn(dir);
        feed.catchUp(NOW.plusSeconds(60));
        assertEquals(Optional.of(Set.of(conversation)), feed.conversationsMatching("重启"));
        assertEquals(Optional.of(Set.of(conversation)), feed.conversationsMatching("第一"));
    }

    @Test
    void rebuildsAnIndexThatWasBuiltFromAnotherDatabase() {
        store("旧数据库的消息", NOW.minusSeconds(600));
        feed = feedIn(dir);
        feed.catchUp(NOW);
        feed.close();
        try (TestDatabase other = new TestDatabase()) {
            other.conversation("wkA", "wmOther");
            feed = new IndexFeedFixture(Wiring.of(StoredTexts.class).with(other).get(), dir).feed;
            assertTrue(feed.catchUp(NOW));
            assertEquals(Optional.of(Set.of()), feed.conversationsMatching("旧数据库"));
            feed.close();
            feed = null;
        }
    }

    @Test
    void anUnusableIndexDirectorySendsSearchesBackToTheTable() throws Exception {
        store("退货", NOW.minusSeconds(600));
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        feed = feedIn(notADirectory);
        assertFalse(feed.catchUp(NOW));
        assertEquals(Optional.empty(), feed.conversationsMatching("退货"));
    }

    private IndexFeed feedIn(Path directory) {
        return new IndexFeedFixture(texts, directory).feed;
    }

    private void store(String text, Instant storedAt) {
        store(nextId++, text, storedAt);
    }

    private void store(long id, String text, Instant storedAt) {
        db.sql("INSERT INTO message (id, msgid, conversation_id, open_kfid, direction, sender, msgtype, text, raw_json, "
                + "sent_at, stored_at, handling) VALUES (?, ?, ?, 'wkA', 'IN', 'CUSTOMER', 'text', ?, '{}', ?, ?, "
                + "'NONE')", id, "msg" + id, conversation, text, Timestamp.from(storedAt), Timestamp.from(storedAt));
    }

    /** The feed with its directory set; everything else as in the container. */
    static final class IndexFeedFixture {
        final IndexFeed feed;

        IndexFeedFixture(StoredTexts texts, Path directory) {
            ConversationConfig config = new ConversationConfig() {
                @Override
                public Path searchIndexDir() {
                    return directory;
                }
            };
            feed = Wiring.of(IndexFeed.class).with(texts, config).get();
        }
    }
}
