package com.kfgateway.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kfgateway.sandbox.entity.ChatLine;
import com.kfgateway.sandbox.entity.ChatLine.Speaker;
import com.kfgateway.sandbox.entity.DeliveredMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatTranscriptTest {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");

    @Test
    void interleavesWhatTheCustomerDidWithWhatWasDeliveredByTime() {
        ChatTranscript transcript = new ChatTranscript();
        transcript.record("wkA", "wmC", Speaker.CUSTOMER, "hello", T0);
        transcript.record("wkA", "wmC", Speaker.CUSTOMER, "shipping?", T0.plusSeconds(10));
        transcript.record("wkA", "wmOther", Speaker.CUSTOMER, "not this chat", T0.plusSeconds(1));
        List<DeliveredMessage> delivered = List.of(
                new DeliveredMessage("wkA", "wmC", "m1", "text", "Hi!", T0.plusSeconds(2), "send_msg"),
                new DeliveredMessage("wkA", "wmC", "m2", "text", "3-5 days", T0.plusSeconds(12), "send_msg"));
        assertEquals(List.of("hello", "Hi!", "shipping?", "3-5 days"),
                transcript.chat("wkA", "wmC", delivered).stream().map(ChatLine::text).toList());
    }

    @Test
    void theCustomersLineComesFirstWhenItHasTheSameInstantAsTheReply() {
        ChatTranscript transcript = new ChatTranscript();
        transcript.record("wkA", "wmC", Speaker.CUSTOMER, "hello", T0);
        List<ChatLine> chat = transcript.chat("wkA", "wmC",
                List.of(new DeliveredMessage("wkA", "wmC", "m1", "text", "Hi!", T0, "send_msg")));
        assertEquals(List.of(Speaker.CUSTOMER, Speaker.ACCOUNT), chat.stream().map(ChatLine::speaker).toList());
    }

    @Test
    void showsAMenuAsItsLinesAndOtherTypesByName() {
        String menu = "{\"head_content\":\"Pick one\",\"list\":[{\"type\":\"click\",\"click\":{\"id\":\"1\","
                + "\"content\":\"Shipping\"}},{\"type\":\"view\",\"view\":{\"url\":\"https://x\",\"content\":\"Shop\"}}],"
                + "\"tail_content\":\"Thanks\"}";
        assertEquals("Pick one\n▸ Shipping\n▸ Shop\nThanks", ChatTranscript.readable(
                new DeliveredMessage("wkA", "wmC", "m", "msgmenu", menu, T0, "send_msg")));
        assertEquals("[image]", ChatTranscript.readable(
                new DeliveredMessage("wkA", "wmC", "m", "image", "{\"media_id\":\"x\"}", T0, "send_msg")));
    }
}
