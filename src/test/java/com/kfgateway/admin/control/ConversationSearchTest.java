package com.kfgateway.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.admin.control.ConversationFilter.Order;
import com.kfgateway.conversation.boundary.TextSearch;
import com.kfgateway.conversation.control.ConversationConfig;
import com.kfgateway.conversation.control.search.IndexFeed;
import com.kfgateway.conversation.control.search.StoredTexts;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.unit.TestDatabase;
import com.kfgateway.unit.Wiring;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search answered from the text index pages the same conversations as the search of the tables did. */
class ConversationSearchTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final String[] TEXTS = {"我想退货，怎么操作？", "Where is my REFUND?", "订单什么时候发货", "谢谢！",
        "refund 已经到账了", "人工客服", "可以改收货地址吗"};

    @TempDir
    Path dir;

    private final TestDatabase db = new TestDatabase();
    private IndexFeed feed;
    private long messageId = 5_000;

    @AfterEach
    void close() {
        feed.close();
        db.close();
    }

    @Test
    void findsTheSameConversationsInTheSameOrderAsTheTableSearch() {
        for (int i = 0; i < 40; i++) {
            long id = conversation("wk" + (i % 3), "wmUser" + i, i);
            message(id, TEXTS[i % TEXTS.length] + " #" + i);
            message(id, TEXTS[(i * 3) % TEXTS.length]);
        }
        db.sql("UPDATE conversation SET nickname = '退货小王', nickname_fetched_at = CURRENT_TIMESTAMP "
                + "WHERE external_userid = 'wmUser7'");
        ConversationSearch indexed = search(index());
        ConversationSearch table = search(new TextSearch() {
            @Override
            public Optional<Set<Long>> conversationsMatching(String text) {
                return Optional.empty();
            }
        });
        for (String q : List.of("退货", "refund", "REFUND?", "货", "wmUser12", "#1", "小王", "nothing like it")) {
            for (ConversationFilter filter : List.of(filter(null, q, Order.NEWEST, 5), filter("wk1", q, Order.OLDEST,
                    3))) {
                assertEquals(walkAll(table, filter), walkAll(indexed, filter), "search «" + q + "» " + filter);
            }
        }
    }

    /** More matches than go into one id list: the inbox is walked in order and tested row by row. */
    @Test
    void manyMatchesPageInInboxOrderToo() {
        int many = ConversationSearch.ID_LIST_LIMIT + 30;
        for (int i = 0; i < many; i++) {
            long id = conversation("wkA", "wmMany" + i, i);
            message(id, i % 7 == 0 ? "谢谢" : "什么时候发货");
        }
        ConversationSearch indexed = search(index());
        List<Long> all = walkAll(indexed, filter(null, "发货", Order.NEWEST, 200));
        assertEquals(many - (many + 6) / 7, all.size());
        assertEquals(all.stream().sorted((a, b) -> Long.compare(b, a)).toList(), all, "newest (highest id) first");
        assertTrue(indexed(indexed, "发货"), "answered from the index");
    }

    private boolean indexed(ConversationSearch search, String q) {
        return search.texts.conversationsMatching(q).isPresent();
    }

    private TextSearch index() {
        ConversationConfig config = new ConversationConfig() {
            @Override
            public Path searchIndexDir() {
                return dir;
            }
        };
        feed = Wiring.of(IndexFeed.class).with(Wiring.of(StoredTexts.class).with(db).get(), config).get();
        assertTrue(feed.catchUp(Instant.now()));
        return Wiring.of(TextSearch.class).with(feed).get();
    }

    private ConversationSearch search(TextSearch texts) {
        return Wiring.of(ConversationSearch.class).with(db, texts).get();
    }

    /** Every page, following the "next" token: the ids in the order shown. */
    private List<Long> walkAll(ConversationSearch search, ConversationFilter first) {
        List<Long> ids = new java.util.ArrayList<>();
        ConversationFilter filter = first;
        while (true) {
            ConversationFilter current = filter;
            Page<Conversation> page = db.inTransaction(() -> search.page(current));
            page.rows().forEach(c -> ids.add(c.getId()));
            if (page.next() == null) {
                return ids;
            }
            filter = new ConversationFilter(first.openKfid(), null, false, null, null, first.search(), first.order(),
                    KeysetCursor.decode(page.next()).orElseThrow(), false, first.pageSize());
        }
    }

    private static ConversationFilter filter(String account, String q, Order order, int pageSize) {
        return new ConversationFilter(account, null, false, null, null, q, order, null, false, pageSize);
    }

    /** Conversation i's last message is i minutes after T0, so the inbox order is known. */
    private long conversation(String account, String user, int i) {
        long id = db.conversation(account, user);
        db.sql("UPDATE conversation SET last_message_at = ? WHERE id = ?", Timestamp.from(T0.plusSeconds(60L * i)),
                id);
        return id;
    }

    private void message(long conversation, String text) {
        long id = messageId++;
        db.sql("INSERT INTO message (id, msgid, conversation_id, open_kfid, direction, sender, msgtype, text, raw_json, "
                + "sent_at, stored_at, handling) VALUES (?, ?, ?, 'wk', 'IN', 'CUSTOMER', 'text', ?, '{}', "
                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'NONE')", id, "m" + id, conversation, text);
    }
}
