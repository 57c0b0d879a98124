package com.kfgateway.sandbox.control;

import static com.kfgateway.sandbox.control.RunningSimulator.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WeComSimulatorSyncTest {

    private final RunningSimulator wecom = new RunningSimulator();
    private final String token;

    WeComSimulatorSyncTest() {
        wecom.faults.setTokenLifetime(Duration.ofDays(30));
        token = wecom.kfToken();
    }

    @AfterEach
    void stop() {
        wecom.close();
    }

    private JsonObject sync(String cursor, String syncToken, int limit) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("limit", limit);
        if (cursor != null) {
            body.add("cursor", cursor);
        }
        if (syncToken != null) {
            body.add("token", syncToken);
        }
        return wecom.post("kf/sync_msg", token, body.build());
    }

    private List<String> contents(JsonObject page) {
        List<String> contents = new ArrayList<>();
        page.getJsonArray("msg_list").getValuesAs(JsonObject.class)
                .forEach(item -> contents.add(item.getJsonObject("text").getString("content")));
        return contents;
    }

    private void customerWrites(String... texts) {
        for (String text : texts) {
            wecom.simulator.customerSendsText(KF, CUSTOMER, text);
        }
    }

    @Test
    void pagesWithHasMoreAndAnAdvancingCursor() {
        customerWrites("1", "2", "3", "4", "5");
        wecom.faults.setPageSize(2);
        JsonObject first = sync(null, null, 1000);
        assertEquals(List.of("1", "2"), contents(first));
        assertEquals(1, first.getInt("has_more"));
        JsonObject second = sync(first.getString("next_cursor"), null, 1000);
        assertEquals(List.of("3", "4"), contents(second));
        JsonObject third = sync(second.getString("next_cursor"), null, 1);
        assertEquals(List.of("5"), contents(third));
        assertEquals(0, third.getInt("has_more"));
        JsonObject after = sync(third.getString("next_cursor"), null, 1000);
        assertTrue(after.getJsonArray("msg_list").isEmpty());
        customerWrites("6");
        assertEquals(List.of("6"), contents(sync(after.getString("next_cursor"), null, 1000)));
    }

    @Test
    void servesItemsInTheExactShapeOfTheDoc() {
        wecom.simulator.customerSendsText(KF, CUSTOMER, "hello");
        wecom.simulator.staffSendsText(KF, CUSTOMER, ALICE, "hi from alice");
        wecom.faults.sendFailed(KF, CUSTOMER, "reply-1", 6);
        List<JsonObject> items = sync(null, null, 1000).getJsonArray("msg_list").getValuesAs(JsonObject.class);
        JsonObject customer = items.get(0);
        assertEquals(3, customer.getInt("origin"));
        assertEquals(KF, customer.getString("open_kfid"));
        assertEquals(CUSTOMER, customer.getString("external_userid"));
        assertEquals(wecom.clock.instant().getEpochSecond(), customer.getJsonNumber("send_time").longValue());
        assertEquals("text", customer.getString("msgtype"));
        assertTrue(customer.getString("msgid").startsWith("from_msgid_"));
        JsonObject staff = items.get(1);
        assertEquals(5, staff.getInt("origin"));
        assertEquals(ALICE, staff.getString("servicer_userid"));
        JsonObject failure = items.get(2);
        assertEquals(4, failure.getInt("origin"));
        assertEquals("event", failure.getString("msgtype"));
        assertFalse(failure.containsKey("open_kfid"));
        assertFalse(failure.containsKey("external_userid"));
        JsonObject event = failure.getJsonObject("event");
        assertEquals("msg_send_fail", event.getString("event_type"));
        assertEquals(KF, event.getString("open_kfid"));
        assertEquals(CUSTOMER, event.getString("external_userid"));
        assertEquals("reply-1", event.getString("fail_msgid"));
        assertEquals(6, event.getInt("fail_type"));
    }

    @Test
    void canAnswerHasMoreWithAnEmptyPage() {
        customerWrites("1");
        wecom.faults.emptyPageWithMoreNext();
        JsonObject empty = sync(null, null, 1000);
        assertTrue(empty.getJsonArray("msg_list").isEmpty());
        assertEquals(1, empty.getInt("has_more"));
        assertEquals(List.of("1"), contents(sync(empty.getString("next_cursor"), null, 1000)));
    }

    @Test
    void canServeAPageTwice() {
        customerWrites("1", "2");
        wecom.faults.servePageTwice();
        JsonObject first = sync(null, null, 1000);
        JsonObject again = sync(first.getString("next_cursor"), null, 1000);
        assertEquals(List.of("1", "2"), contents(first));
        assertEquals(List.of("1", "2"), contents(again));
        assertEquals(0, again.getInt("has_more"));
        assertTrue(sync(again.getString("next_cursor"), null, 1000).getJsonArray("msg_list").isEmpty());
    }

    @Test
    void acceptsACallbackTokenForTenMinutesThenAnswers95007() {
        customerWrites("1");
        String syncToken = wecom.faults.issueSyncToken();
        wecom.clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertEquals(0, sync(null, syncToken, 1000).getInt("errcode"));
        wecom.clock.advance(Duration.ofSeconds(1));
        assertEquals(95007, sync(null, syncToken, 1000).getInt("errcode"));
        assertEquals(95007, sync(null, "ENCnotIssued", 1000).getInt("errcode"));
    }

    @Test
    void countsCallsWithoutTokenAndRecordsTheTokenOfOthers() {
        String syncToken = wecom.faults.issueSyncToken();
        sync(null, null, 1000);
        sync(null, syncToken, 1000);
        assertEquals(1, wecom.probe.syncCallsWithoutToken());
        var calls = wecom.simulator.calls();
        assertNull(calls.get(calls.size() - 2).syncToken());
        assertEquals(syncToken, calls.get(calls.size() - 1).syncToken());
    }

    @Test
    void forgetsMessagesOlderThanThreeDays() {
        customerWrites("old");
        wecom.clock.advance(Duration.ofDays(3));
        customerWrites("new");
        assertEquals(List.of("new"), contents(sync(null, null, 1000)));
    }

    @Test
    void filtersByAccountWhenAskedAndHidesUnmanagedAccounts() {
        wecom.simulator.admin().addAccount("wkSecondAccount", "Sales", true);
        wecom.simulator.admin().addAccount("wkNotOurs", "Other app", false);
        customerWrites("support");
        wecom.simulator.customerSendsText("wkSecondAccount", CUSTOMER, "sales");
        wecom.simulator.customerSendsText("wkNotOurs", CUSTOMER, "hidden");
        assertEquals(List.of("support", "sales"), contents(sync(null, null, 1000)));
        JsonObject onlySales = wecom.post("kf/sync_msg", token, body("{'open_kfid':'wkSecondAccount'}"));
        assertEquals(List.of("sales"), contents(onlySales));
    }

    @Test
    void rejectsACursorItNeverIssued() {
        assertEquals(40058, sync("garbage", null, 1000).getInt("errcode"));
    }
}
