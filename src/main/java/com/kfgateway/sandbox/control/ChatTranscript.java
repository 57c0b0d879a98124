package com.kfgateway.sandbox.control;

import com.kfgateway.sandbox.entity.ChatLine;
import com.kfgateway.sandbox.entity.ChatLine.Speaker;
import com.kfgateway.sandbox.entity.DeliveredMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What happened on the customer's side of each chat (what the simulator does not keep in a readable form), merged
 * with what the product delivered into one time-ordered conversation. Thread-safe.
 */
public final class ChatTranscript {

    private final Map<String, List<ChatLine>> linesByChat = new HashMap<>();

    public void record(String openKfid, String externalUserid, Speaker speaker, String text) {
        record(openKfid, externalUserid, speaker, text, Instant.now());
    }

    public synchronized void record(String openKfid, String externalUserid, Speaker speaker, String text,
            Instant at) {
        linesByChat.computeIfAbsent(key(openKfid, externalUserid), k -> new ArrayList<>())
                .add(new ChatLine(at, speaker, text));
    }

    /** The chat in time order; at equal times what the customer side did comes first (it caused the reply). */
    public List<ChatLine> chat(String openKfid, String externalUserid, List<DeliveredMessage> delivered) {
        List<ChatLine> lines;
        synchronized (this) {
            lines = new ArrayList<>(linesByChat.getOrDefault(key(openKfid, externalUserid), List.of()));
        }
        delivered.forEach(message -> lines.add(new ChatLine(message.at(), Speaker.ACCOUNT, readable(message))));
        lines.sort(Comparator.comparing(ChatLine::at));
        return lines;
    }

    /** Text as it is; a menu as its lines; other types by name, as a phone would hint at them. */
    static String readable(DeliveredMessage message) {
        if (message.msgtype().equals("text")) {
            return message.content();
        }
        if (message.msgtype().equals("msgmenu")) {
            JsonObject menu = parse(message.content());
            String items = menu.getJsonArray("list") == null ? "" : menu.getJsonArray("list").stream()
                    .map(JsonValue::asJsonObject)
                    .map(ChatTranscript::menuItemText)
                    .collect(Collectors.joining("\n", "\n", ""));
            return (menu.getString("head_content", "") + items + "\n" + menu.getString("tail_content", "")).strip();
        }
        return "[" + message.msgtype() + "]";
    }

    private static String menuItemText(JsonObject item) {
        for (String type : List.of("click", "view", "miniprogram", "text")) {
            if (item.get(type) instanceof JsonObject body) {
                return "▸ " + body.getString("content", body.getString("title", type));
            }
        }
        return "▸ …";
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static String key(String openKfid, String externalUserid) {
        return openKfid + "\n" + externalUserid;
    }
}
