package com.kfgateway.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.admin.control.ConversationFilter.Order;
import com.kfgateway.conversation.entity.ServiceState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConversationQueryTest {

    private static final KeysetCursor CURSOR = new KeysetCursor(Instant.parse("2026-11-29T10:00:00Z"), 42);

    @Test
    void withoutFiltersListsNewestFirstByTimeThenId() {
        JpqlQuery query = ConversationQuery.of(ConversationFilter.newest(25));
        assertEquals("select c from Conversation c order by c.lastMessageAt desc, c.id desc", query.jpql());
        assertTrue(query.parameters().isEmpty());
    }

    @Test
    void equalityFiltersBecomeParametersNeverText() {
        JpqlQuery query = ConversationQuery.of(new ConversationFilter("wk' or 1=1", ServiceState.HUMAN, true, null,
                null, null, Order.NEWEST, null, false, 25));
        assertTrue(query.jpql().contains("c.openKfid = :openKfid"));
        assertTrue(query.jpql().contains("c.serviceState = :state"));
        assertTrue(query.jpql().contains("c.failedSends >= 1"));
        assertFalse(query.jpql().contains("1=1"));
        assertEquals("wk' or 1=1", query.parameters().get("openKfid"));
        assertEquals(3, query.parameters().get("state"));
    }

    @Test
    void dateRangeIsHalfOpenOnTheLastMessageTime() {
        Instant from = Instant.parse("2026-11-01T00:00:00Z");
        Instant to = Instant.parse("2026-11-02T00:00:00Z");
        JpqlQuery query = ConversationQuery.of(new ConversationFilter(null, null, false, from, to, null, Order.NEWEST,
                null, false, 25));
        assertTrue(query.jpql().contains("c.lastMessageAt >= :from and c.lastMessageAt < :to"));
        assertEquals(from, query.parameters().get("from"));
        assertEquals(to, query.parameters().get("to"));
    }

    @Test
    void searchMatchesNicknameOrMessageTextWithTheUsersWildcardsTakenLiterally() {
        JpqlQuery query = ConversationQuery.of(new ConversationFilter(null, null, false, null, null, "50%_Off\\",
                Order.NEWEST, null, false, 25));
        assertTrue(query.jpql().contains("lower(c.nickname) like :pattern"));
        assertTrue(query.jpql().contains("select m.conversationId from Message m where lower(m.text) like :pattern"));
        assertEquals("%50\\%\\_off\\\\%", query.parameters().get("pattern"));
    }

    @Test
    void searchAnsweredByTheIndexIsAListOfIdsAndReadsNoMessage() {
        JpqlQuery query = ConversationQuery.of(new ConversationFilter("wk1", null, false, null, null, "退货",
                Order.NEWEST, null, false, 25), java.util.Set.of(7L));
        assertTrue(query.jpql().contains("c.openKfid = :openKfid and c.id in :matches"), query.jpql());
        assertFalse(query.jpql().contains("from Message"), query.jpql());
        assertEquals(java.util.List.of(7L), query.parameters().get("matches"));
    }

    @Test
    void nextPageOfNewestContinuesWithOlderRowsBreakingTiesById() {
        JpqlQuery query = ConversationQuery.of(new ConversationFilter(null, null, false, null, null, null,
                Order.NEWEST, CURSOR, false, 25));
        assertTrue(query.jpql().contains(
                "(c.lastMessageAt < :cursorAt or (c.lastMessageAt = :cursorAt and c.id < :cursorId))"));
        assertTrue(query.jpql().endsWith("order by c.lastMessageAt desc, c.id desc"));
        assertEquals(42L, query.parameters().get("cursorId"));
    }

    @Test
    void keysetConditionAlsoBoundsTheTimeAloneSoTheIndexScanStartsAtTheCursor() {
        String next = ConversationQuery.of(new ConversationFilter(null, null, false, null, null, null, Order.NEWEST,
                CURSOR, false, 25)).jpql();
        String previous = ConversationQuery.of(new ConversationFilter(null, null, false, null, null, null,
                Order.NEWEST, CURSOR, true, 25)).jpql();
        assertTrue(next.contains("c.lastMessageAt <= :cursorAt and ("), next);
        assertTrue(previous.contains("c.lastMessageAt >= :cursorAt and ("), previous);
    }

    @Test
    void accountOrStateFilterLeadsTheOrderSoItsIndexGivesTheInboxOrder() {
        String account = ConversationQuery.of(new ConversationFilter("wk1", ServiceState.HUMAN, false, null, null,
                null, Order.NEWEST, null, false, 25)).jpql();
        String state = ConversationQuery.of(new ConversationFilter(null, ServiceState.HUMAN, false, null, null, null,
                Order.NEWEST, null, true, 25)).jpql();
        assertTrue(account.endsWith("order by c.openKfid desc, c.lastMessageAt desc, c.id desc"), account);
        assertTrue(state.endsWith("order by c.serviceState asc, c.lastMessageAt asc, c.id asc"), state);
    }

    @Test
    void previousPageOfNewestWalksUpInTimeAscending() {
        JpqlQuery query = ConversationQuery.of(new ConversationFilter(null, null, false, null, null, null,
                Order.NEWEST, CURSOR, true, 25));
        assertTrue(query.jpql()
                .contains("(c.lastMessageAt > :cursorAt or (c.lastMessageAt = :cursorAt and c.id > :cursorId))"));
        assertTrue(query.jpql().endsWith("order by c.lastMessageAt asc, c.id asc"));
    }

    @Test
    void oldestFirstAscends() {
        JpqlQuery query = ConversationQuery.of(new ConversationFilter(null, null, false, null, null, null,
                Order.OLDEST, CURSOR, false, 25));
        assertTrue(query.jpql().contains("c.lastMessageAt > :cursorAt"));
        assertTrue(query.jpql().endsWith("order by c.lastMessageAt asc, c.id asc"));
    }

    @Test
    void neverCountsAndNeverSkipsByOffset() {
        String jpql = ConversationQuery.of(new ConversationFilter("a", ServiceState.BOT, true, Instant.EPOCH,
                Instant.now(), "x", Order.NEWEST, CURSOR, false, 25)).jpql().toLowerCase();
        assertFalse(jpql.contains("count("));
        assertFalse(jpql.contains("offset"));
    }

    @Test
    void pageSizeIsBounded() {
        assertEquals(ConversationFilter.MAX_PAGE, ConversationFilter.newest(1_000_000).pageSize());
        assertEquals(1, ConversationFilter.newest(0).pageSize());
    }
}
