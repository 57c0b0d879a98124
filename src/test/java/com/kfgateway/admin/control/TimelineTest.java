package com.kfgateway.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.kfgateway.admin.control.TimelineItem.Speaker;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.conversation.entity.ServiceStateChange;
import com.kfgateway.delivery.entity.Recipient;
import com.kfgateway.delivery.entity.SendChannel;
import com.kfgateway.delivery.entity.SendKind;
import com.kfgateway.delivery.entity.SendRequest;
import com.kfgateway.delivery.entity.SendLogEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void sendPartIsShownOnTheOutboundMessageWithTheSameMsgid() {
        Message answer = message("ours-1", Message.Direction.OUT, Message.Sender.BOT, T0.plusSeconds(2));
        SendLogEntry part = send("ours-1", SendKind.ANSWER, T0.plusSeconds(1));
        List<TimelineItem> items = Timeline.merge(List.of(answer), List.of(part), Map.of(), List.of(), Set.of());
        assertEquals(1, items.size());
        assertSame(part, items.get(0).send());
        assertEquals(Speaker.BOT, items.get(0).speaker());
    }

    @Test
    void sendPartWithoutStoredMessageAppearsOnItsOwnAndStaffRepliesAsStaff() {
        SendLogEntry reply = send("ours-2", SendKind.STAFF_REPLY, T0);
        List<TimelineItem> items = Timeline.merge(List.of(), List.of(reply), Map.of(), List.of(), Set.of());
        assertEquals(Speaker.STAFF, items.get(0).speaker());
        assertEquals("hello", items.get(0).text());
    }

    @Test
    void inboundMessagesNeverCarryASendEvenWithACollidingMsgid() {
        Message customer = message("same", Message.Direction.IN, Message.Sender.CUSTOMER, T0);
        SendLogEntry part = send("same", SendKind.ANSWER, T0.plusSeconds(1));
        List<TimelineItem> items = Timeline.merge(List.of(customer), List.of(part), Map.of(), List.of(), Set.of());
        assertEquals(2, items.size());
        assertNull(items.get(0).send());
    }

    @Test
    void everythingIsInTimeOrderWithStateChangesAsSystemLines() {
        Message customer = message("c1", Message.Direction.IN, Message.Sender.CUSTOMER, T0);
        ServiceStateChange change = new ServiceStateChange(1L, ServiceState.BOT, ServiceState.HUMAN, "alice",
                ServiceStateChange.Source.CONSOLE, null, T0.plusSeconds(5));
        SendLogEntry part = send("ours-3", SendKind.ANSWER, T0.plusSeconds(3));
        List<TimelineItem> items = Timeline.merge(List.of(customer), List.of(part), Map.of(), List.of(change),
                Set.of());
        assertEquals(List.of(Speaker.CUSTOMER, Speaker.BOT, Speaker.SYSTEM),
                items.stream().map(TimelineItem::speaker).toList());
        assertEquals("state:HUMAN", items.get(2).msgtype());
    }

    @Test
    void eventsWithoutTextShowTheirEventType() {
        Message event = message("e1", Message.Direction.IN, Message.Sender.SYSTEM, T0);
        event.setEventType("enter_session");
        assertEquals("enter_session", Timeline.merge(List.of(event), List.of(), Map.of(), List.of(), Set.of())
                .get(0).text());
    }

    private static Message message(String msgid, Message.Direction direction, Message.Sender sender, Instant at) {
        Message m = new Message(msgid, 1L, "wk1", direction, sender, 3, "text", "{}", at, at, Message.Handling.NONE);
        if (sender != Message.Sender.SYSTEM) {
            m.setText("hello");
        }
        return m;
    }

    private static SendLogEntry send(String msgid, SendKind kind, Instant at) {
        return new SendLogEntry(msgid, new SendRequest(new Recipient(1L, "wk1", "wm1"), null, null, kind, null),
                SendChannel.SEND_MSG, 1, 1, "hello", at);
    }
}
