package com.kfgateway.conversation.control.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.wecom.entity.InboundEvent;
import com.kfgateway.wecom.entity.InboundItem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ItemFitTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private static InboundItem item(String msgid, String openKfid, String externalUserid, String servicer,
            String mediaId, InboundEvent event) {
        return new InboundItem(msgid, openKfid, externalUserid, 3, servicer, "text", "hi", mediaId, NOW, event,
                "{\"raw\":true}");
    }

    @Test
    void anOverlongMsgidBecomesAStableStandInThatFitsItsColumn() {
        String longId = "m".repeat(300);
        InboundItem fitted = ItemFit.fit(item(longId, "wk1", "wm1", null, null, null));

        assertTrue(fitted.msgid().length() <= ItemFit.MSGID, fitted.msgid());
        assertEquals(fitted.msgid(), ItemFit.fit(item(longId, "wk1", "wm1", null, null, null)).msgid(),
                "served twice, the same stand-in, so the item is still stored once");
        assertNotEquals(fitted.msgid(), ItemFit.msgid("m".repeat(299) + "n"));
        assertEquals("m1", ItemFit.msgid("m1"));
    }

    @Test
    void labelsAreCutAndAMediaIdThatCannotBeValidIsDropped() {
        InboundItem fitted = ItemFit.fit(item("m1", "wk1", "wm1", "s".repeat(90), "x".repeat(400), null));

        assertEquals(ItemFit.ID, fitted.servicerUserid().length());
        assertNull(fitted.mediaId());
        assertEquals("{\"raw\":true}", fitted.rawJson(), "the original stays whole in the raw JSON");
    }

    @Test
    void eventFieldsAreFittedAndAnOverlongCodeIsDropped() {
        InboundEvent event = new InboundEvent("e".repeat(80), null, null, "c".repeat(300), null, null, 3,
                "o".repeat(70), "n".repeat(70), "ok-code", "s".repeat(70), null, null);

        InboundEvent fitted = ItemFit.fit(item("m1", "wk1", "wm1", null, null, event)).event();

        assertEquals(ItemFit.ID, fitted.eventType().length());
        assertNull(fitted.welcomeCode());
        assertEquals("ok-code", fitted.msgCode());
        assertEquals(ItemFit.ID, fitted.newServicerUserid().length());
        assertEquals(ItemFit.ID, fitted.servicerUserid().length());
    }

    @Test
    void aCustomerWhoseIdsDoNotFitCannotBeAddressedAndIsSetAside() {
        assertTrue(ItemFit.unaddressable(item("m1", "wk1", "w".repeat(65), null, null, null))
                .contains("external_userid"));
        assertTrue(ItemFit.unaddressable(item("m1", "k".repeat(65), "wm1", null, null, null)).contains("open_kfid"));
        assertNull(ItemFit.unaddressable(item("m1", "wk1", "wm1", null, null, null)));
    }
}
