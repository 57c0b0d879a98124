package com.kfgateway.conversation.control.sync;

import static com.kfgateway.conversation.control.sync.SyncFixture.ACCOUNT;
import static com.kfgateway.conversation.control.sync.SyncFixture.NOW;
import static com.kfgateway.conversation.control.sync.SyncFixture.customerText;
import static com.kfgateway.conversation.control.sync.SyncFixture.event;
import static com.kfgateway.conversation.control.sync.SyncFixture.otherEvent;
import static com.kfgateway.conversation.control.sync.SyncFixture.page;
import static com.kfgateway.conversation.control.sync.SyncFixture.servicerText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.conversation.entity.QuarantinedItem;
import com.kfgateway.conversation.entity.SyncCursor;
import com.kfgateway.wecom.entity.InboundItem;
import com.kfgateway.wecom.entity.SyncPage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A page stored exactly once, with its cursor, on the real schema; and the item-by-item fallback. */
class PageStoreTest {

    private final SyncFixture sync = new SyncFixture();
    private final PageStore pages = sync.pages;

    @AfterEach
    void close() {
        sync.close();
    }

    /** Breaks the message table's NOT NULL msgtype: fails at the commit, as a column WeCom surprises us with would. */
    private static InboundItem unstorable(String msgid) {
        return new InboundItem(msgid, ACCOUNT, "wmBad", InboundItem.ORIGIN_CUSTOMER, null, null, "?", null,
                NOW.minusSeconds(5), null, SyncFixture.raw(msgid));
    }

    @Test
    void anAccountNeverPulledHasNoCursor() {
        assertNull(pages.cursorOf(ACCOUNT));
    }

    @Test
    void aPageIsStoredAndItsCursorAdvancedTogether() {
        Ingested ingested = sync.store(page("c1", customerText("m1", "wmCustomer", "你好", NOW.minusSeconds(30)),
                customerText("m2", "wmCustomer", "在吗", NOW.minusSeconds(20))));

        assertEquals(2, ingested.stored());
        assertEquals(2, ingested.fromCustomers(), "counted for the doctor beside the callbacks");
        assertEquals(0, ingested.duplicates());
        assertEquals("c1", pages.cursorOf(ACCOUNT));
        assertEquals(NOW, sync.db.find(SyncCursor.class, ACCOUNT).getLastSyncAt());
        Conversation conversation = sync.conversation("wmCustomer");
        assertEquals(1, sync.conversationCount(), "one customer, one conversation, however many items in the page");
        Message first = sync.message("m1");
        assertEquals(conversation.getId(), first.getConversationId());
        assertEquals(Message.Direction.IN, first.getDirection());
        assertEquals(Message.Sender.CUSTOMER, first.getSender());
        assertEquals("你好", first.getText());
        assertEquals(SyncFixture.raw("m1"), first.getRawJson());
        assertEquals(NOW.minusSeconds(20), conversation.getLastMessageAt());
        assertEquals("在吗", conversation.getLastMessagePreview());
        assertEquals(2, conversation.getUnread());
    }

    @Test
    void aPageThatFailsAtCommitLeavesNeitherItsItemsNorTheCursorBehind() {
        sync.store(page("c1", customerText("m1", "wmCustomer", "one", NOW.minusSeconds(30))));

        assertThrows(RuntimeException.class, () -> sync.store(page("c2", customerText("m2", "wmCustomer", "two",
                NOW.minusSeconds(20)), unstorable("mBad"))));

        assertEquals("c1", pages.cursorOf(ACCOUNT), "the cursor moves only with the page it ends");
        assertNull(sync.message("m2"), "an item stored without its cursor would be replayed on top of itself");
        assertEquals(1, sync.conversation("wmCustomer").getUnread());
    }

    @Test
    void aPageServedTwiceStoresEachMsgidOnce() {
        sync.store(page("c1", customerText("m1", "wmCustomer", "one", NOW.minusSeconds(30)),
                customerText("m2", "wmCustomer", "two", NOW.minusSeconds(20))));

        Ingested again = sync.store(page("c2", customerText("m2", "wmCustomer", "two", NOW.minusSeconds(20)),
                customerText("m3", "wmCustomer", "three", NOW.minusSeconds(10)),
                customerText("m3", "wmCustomer", "three", NOW.minusSeconds(10))));

        assertEquals(1, again.stored());
        assertEquals(2, again.duplicates(), "one stored by the earlier page, one repeated within this page");
        assertEquals(3, sync.messageCount());
        assertEquals(3, sync.conversation("wmCustomer").getUnread(), "a replayed item is not unread twice");
        assertEquals("c2", pages.cursorOf(ACCOUNT));
    }

    @Test
    void aReplayedPageLargerThanOneLookUpIsStillRecognisedItemByItem() {
        // known() asks for msgids 500 at a time; an item past the first 500 must be found as well.
        List<InboundItem> items = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            items.add(customerText("m" + i, "wmCustomer", "text " + i, NOW.minusSeconds(60)));
        }
        SyncPage page = new SyncPage("c1", false, items);
        assertEquals(501, pages.store(ACCOUNT, null, page, NOW).stored());

        Ingested replay = pages.store(ACCOUNT, "c1", new SyncPage("c2", false, items), NOW);

        assertEquals(0, replay.stored());
        assertEquals(0, replay.fromCustomers(), "a replay is no new customer message");
        assertEquals(501, replay.duplicates());
    }

    @Test
    void aPageReadFromACursorThatMovedMeanwhileStoresNothing() {
        String read = pages.cursorOf(ACCOUNT);
        sync.store(page("c1", customerText("m1", "wmCustomer", "one", NOW.minusSeconds(30))));

        assertThrows(PageStore.CursorMoved.class, () -> pages.store(ACCOUNT, read, page("c2",
                customerText("m2", "wmCustomer", "two", NOW.minusSeconds(20))), NOW));

        assertNull(sync.message("m2"));
        assertEquals("c1", pages.cursorOf(ACCOUNT));
        assertThrows(PageStore.CursorMoved.class, () -> pages.store("wkNeverPulled", "c9", page("c10"), NOW),
                "a cursor read for a scope with no row is stale as well");
    }

    @Test
    void anEmptyPageStillAdvancesTheCursor() {
        Ingested ingested = sync.store(page("c1"));

        assertEquals(0, ingested.stored());
        assertEquals("c1", pages.cursorOf(ACCOUNT));
    }

    @Test
    void whenThePageFailsAsAWholeEachItemIsStoredAloneAndTheOneThatStillFailsIsSetAside() {
        SyncPage page = page("c1", customerText("m1", "wmCustomer", "one", NOW.minusSeconds(30)), unstorable("mBad"),
                customerText("m3", "wmCustomer", "three", NOW.minusSeconds(10)));
        assertThrows(RuntimeException.class, () -> sync.store(page));

        Ingested ingested = pages.storeEach(ACCOUNT, null, page, NOW);

        assertEquals(2, ingested.stored());
        assertEquals(1, ingested.quarantined());
        assertNotNull(sync.message("m1"));
        assertNotNull(sync.message("m3"));
        assertNull(sync.message("mBad"));
        assertEquals(List.of(sync.conversation("wmCustomer").getId()), List.copyOf(ingested.toAnswer()),
                "what each item left to do is gathered for after the commit");
        List<QuarantinedItem> aside = sync.quarantined();
        assertEquals(1, aside.size());
        assertEquals("mBad", aside.get(0).getMsgid());
        assertEquals(ACCOUNT, aside.get(0).getScope());
        assertEquals(SyncFixture.raw("mBad"), aside.get(0).getRawJson(), "WeCom's JSON kept whole for the console");
        assertEquals(NOW, aside.get(0).getQuarantinedAt());
        assertTrue(aside.get(0).getReason().contains("Exception"), aside.get(0).getReason());
        assertEquals("c1", pages.cursorOf(ACCOUNT), "the pull goes on past the item set aside");
    }

    @Test
    void aPageStoredItemByItemAndReplayedAfterACrashIsSkippedByMsgid() {
        SyncPage page = page("c1", customerText("m1", "wmCustomer", "one", NOW.minusSeconds(30)), unstorable("mBad"));
        pages.storeEach(ACCOUNT, null, page, NOW);

        // As if the node died before the cursor moved: the same page from the same cursor.
        sync.db.sql("UPDATE sync_cursor SET next_cursor = NULL");
        Ingested replay = pages.storeEach(ACCOUNT, null, page, NOW);

        assertEquals(0, replay.stored());
        assertEquals(2, replay.duplicates(), "the stored item and the one set aside are both known");
        assertEquals(0, replay.quarantined());
        assertEquals(1, sync.quarantined().size());
        assertTrue(pages.stored("m1"));
        assertTrue(pages.stored("mBad"), "an item set aside counts as handled");
        assertTrue(!pages.stored("mNever"));
    }

    @Test
    void theItemByItemFallbackAlsoRefusesToAdvanceACursorThatMoved() {
        sync.store(page("c1"));

        assertThrows(PageStore.CursorMoved.class, () -> pages.storeEach(ACCOUNT, null, page("c2",
                customerText("m1", "wmCustomer", "one", NOW.minusSeconds(30))), NOW));

        assertEquals("c1", pages.cursorOf(ACCOUNT));
    }

    @Test
    void anItemWhoseCustomerCannotBeNamedInOurColumnsIsSetAsideAndThePageGoesOn() {
        String tooLong = "w".repeat(65);

        Ingested ingested = sync.store(page("c1", customerText("m1", tooLong, "hi", NOW.minusSeconds(30)),
                customerText("m2", "wmCustomer", "hi", NOW.minusSeconds(20))));

        assertEquals(1, ingested.stored());
        assertEquals(1, ingested.quarantined());
        assertNull(sync.message("m1"));
        assertTrue(sync.quarantined().get(0).getReason().startsWith("external_userid is 65 characters"));
        assertEquals(1, sync.conversationCount());
        assertEquals("c1", pages.cursorOf(ACCOUNT));

        Ingested replay = sync.store(page("c2", customerText("m1", tooLong, "hi", NOW.minusSeconds(30))));
        assertEquals(1, replay.duplicates(), "set aside once, not again on every replay");
    }

    @Test
    void anOverlongMsgidIsStoredUnderItsStandInAndRecognisedWhenServedAgain() {
        String longMsgid = "m".repeat(200);
        sync.store(page("c1", customerText(longMsgid, "wmCustomer", "hi", NOW.minusSeconds(30))));

        Ingested replay = sync.store(page("c2", customerText(longMsgid, "wmCustomer", "hi", NOW.minusSeconds(30))));

        assertEquals(1, replay.duplicates());
        assertNotNull(sync.message(ItemFit.msgid(longMsgid)));
        assertTrue(pages.stored(ItemFit.msgid(longMsgid)));
    }

    @Test
    void aCustomerWithAConversationAlreadyGetsTheMessageInIt() {
        long existing = sync.db.conversation(ACCOUNT, "wmCustomer");

        sync.store(page("c1", customerText("m1", "wmCustomer", "hi", NOW.minusSeconds(30))));

        assertEquals(existing, sync.message("m1").getConversationId());
        assertEquals(1, sync.conversationCount());
    }

    @Test
    void eachItemIsStoredAsSpokenByWhoWroteIt() {
        sync.store(page("c1", servicerText("m1", "wmCustomer", "alice", "hello", NOW.minusSeconds(30)),
                event("m2", null, otherEvent("servicer_status_change"), NOW.minusSeconds(20))));

        Message staff = sync.message("m1");
        assertEquals(Message.Sender.STAFF_CLIENT, staff.getSender());
        assertEquals("alice", staff.getServicerUserid());
        assertEquals(Message.Handling.NONE, staff.getHandling());
        Message event = sync.message("m2");
        assertEquals(Message.Sender.SYSTEM, event.getSender());
        assertEquals("servicer_status_change", event.getEventType());
        assertEquals("servicer1", event.getServicerUserid(), "an event names its servicer inside the event");
        assertNull(event.getConversationId(), "an event naming no customer belongs to no conversation");
        assertEquals(1, sync.conversationCount());
        assertEquals(0, sync.conversation("wmCustomer").getUnread(), "staff's words are not unread");
    }
}
