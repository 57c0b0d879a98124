package com.kfgateway.conversation.control.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.unit.TestDatabase;
import com.kfgateway.unit.Wiring;
import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.entity.Customer;
import com.kfgateway.wecom.entity.WeComReply;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Nicknames for a page's conversations: asked in batches of 100, stored on each conversation WeCom knew. */
class NicknamesTest {

    private final TestDatabase db = new TestDatabase();
    private final List<List<String>> asked = new ArrayList<>();
    private final WeComClient wecom = new WeComClient() {
        @Override
        public WeComReply<List<Customer>> customers(List<String> externalUserids) {
            asked.add(List.copyOf(externalUserids));
            // WeCom leaves out customers it does not know: here, every one whose id ends in 7.
            return WeComReply.ok(externalUserids.stream().filter(id -> !id.endsWith("7"))
                    .map(id -> new Customer(id, "nick of " + id)).toList());
        }
    };
    private final Nicknames nicknames = nicknames();

    private Nicknames nicknames() {
        Nicknames wired = Wiring.of(Nicknames.class).with(db, wecom).get();
        wired.self = wired;
        return wired;
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aPageOfConversationsGetsItsNicknamesInBatchesOfAHundred() {
        List<Long> ids = IntStream.range(0, 150).mapToObj(i -> db.conversation("wkA", "wmNick" + i)).toList();

        nicknames.refresh(ids);

        assertEquals(List.of(100, 50), asked.stream().map(List::size).toList());
        for (int i = 0; i < ids.size(); i++) {
            Conversation conversation = db.find(Conversation.class, ids.get(i));
            if (i % 10 == 7) {
                assertNull(conversation.getNickname(), "WeCom did not know wmNick" + i);
            } else {
                assertEquals("nick of wmNick" + i, conversation.getNickname());
                assertNotNull(conversation.getNicknameFetchedAt());
            }
        }
    }
}
