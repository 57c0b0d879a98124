package com.kfgateway.admin.api;

import com.kfgateway.admin.control.Page;
import com.kfgateway.admin.control.TimelineItem;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.delivery.entity.SendAttempt;
import com.kfgateway.delivery.entity.SendOutcome;
import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.doctor.entity.Check;
import com.kfgateway.doctor.entity.Diagnosis;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The admin API's JSON shapes, in one place; the API returns what the console shows and never a secret. */
final class AdminJson {

    private AdminJson() {
    }

    static <T> JsonObject page(Page<T> page, Function<T, JsonObject> item) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        page.rows().forEach(row -> items.add(item.apply(row)));
        JsonObjectBuilder json = Json.createObjectBuilder().add("items", items);
        put(json, "next", page.next());
        put(json, "previous", page.previous() == null || page.previous().isEmpty() ? null : page.previous());
        return json.build();
    }

    static JsonObject conversation(Conversation c) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", c.getId()).add("openKfid", c.getOpenKfid())
                .add("externalUserid", c.getExternalUserid()).add("displayName", c.getDisplayName())
                .add("serviceState", c.getServiceState().name()).add("serviceStateCode", c.getServiceState().code())
                .add("unread", c.getUnread()).add("failedSends", c.getFailedSends());
        put(json, "nickname", c.getNickname());
        put(json, "servicerUserid", c.getServicerUserid());
        put(json, "lastMessageAt", c.getLastMessageAt());
        put(json, "lastMessagePreview", c.getLastMessagePreview());
        put(json, "lastCustomerMessageAt", c.getLastCustomerMessageAt());
        return json.build();
    }

    static JsonObject timelineItem(TimelineItem item) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("speaker", item.speaker().name())
                .add("msgtype", item.msgtype()).add("hasImage", item.hasImage());
        put(json, "at", item.at());
        put(json, "text", item.text());
        put(json, "servicer", item.servicer());
        put(json, "handling", item.handling());
        put(json, "handlingNote", item.handlingNote());
        if (item.messageId() != null) {
            json.add("messageId", item.messageId());
        }
        if (item.send() != null) {
            json.add("send", send(item.send(), item.attempts()));
        }
        return json.build();
    }

    static JsonObject send(SendLogEntry s, List<SendAttempt> attempts) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", s.getId()).add("msgid", s.getMsgid())
                .add("conversationId", s.getConversationId()).add("kind", s.getKind().name())
                .add("channel", s.getChannel().name()).add("partNo", s.getPartNo()).add("partCount", s.getPartCount())
                .add("text", s.getText()).add("status", s.getStatus().name()).add("attempts", s.getAttempts());
        put(json, "lastErrcode", s.getError().getErrcode());
        put(json, "lastErrmsg", s.getError().getErrmsg());
        put(json, "explanation", s.getError().getExplanation());
        put(json, "failType", s.getError().getFailType());
        put(json, "requestedBy", s.getRequestedBy());
        put(json, "createdAt", s.getCreatedAt());
        put(json, "updatedAt", s.getUpdatedAt());
        put(json, "sentAt", s.getSentAt());
        if (attempts != null) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (SendAttempt a : attempts) {
                JsonObjectBuilder attempt = Json.createObjectBuilder().add("attemptNo", a.getAttemptNo())
                        .add("outcome", a.getOutcome().name());
                put(attempt, "attemptedAt", a.getAttemptedAt());
                put(attempt, "errcode", a.getErrcode());
                put(attempt, "errmsg", a.getErrmsg());
                put(attempt, "requestedBy", a.getRequestedBy());
                list.add(attempt);
            }
            json.add("attemptList", list);
        }
        return json.build();
    }

    static JsonObject outcome(SendOutcome outcome) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("accepted", outcome.accepted());
        put(json, "entryId", outcome.entryId());
        put(json, "status", outcome.status() == null ? null : outcome.status().name());
        put(json, "errcode", outcome.errcode());
        put(json, "reason", outcome.reason());
        return json.build();
    }

    static JsonObject diagnosis(Diagnosis d, Locale locale) {
        JsonArrayBuilder checks = Json.createArrayBuilder();
        for (Check check : d.checks()) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("id", check.id())
                    .add("verdict", check.verdict().name()).add("title", check.title(locale));
            put(json, "finding", check.finding(locale));
            String fix = check.fix(locale);
            put(json, "fix", fix == null || fix.isBlank() ? null : fix);
            checks.add(json);
        }
        return Json.createObjectBuilder().add("at", d.at().toString())
                .add("fingerprints", Json.createObjectBuilder().add("app", d.appFingerprint()).add("kf",
                        d.kfFingerprint()))
                .add("identicalSecrets", d.identicalSecrets()).add("secretVerdict", d.secretVerdict().name())
                .add("healthy", d.healthy()).add("checks", checks).build();
    }

    static JsonObject error(String reason) {
        return Json.createObjectBuilder().add("error", reason).build();
    }

    private static void put(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else if (value instanceof Integer i) {
            json.add(name, i);
        } else if (value instanceof Long l) {
            json.add(name, l);
        } else if (value instanceof Instant at) {
            json.add(name, at.toString());
        } else {
            json.add(name, value.toString());
        }
    }
}
