package com.kfgateway.sandbox.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** The §2.3 body rules of kf/send_msg and kf/send_msg_on_event; answers what the customer would see. */
final class MessageBodies {

    static final int MAX_TEXT_BYTES = 2048;
    private static final Set<String> MEDIA_TYPES = Set.of("image", "voice", "video", "file");
    private static final Set<String> MENU_ITEM_TYPES = Set.of("click", "view", "miniprogram", "text");

    private MessageBodies() {
    }

    /**
     * Checks the body of {@code msgtype} and returns the delivered content: the text itself for text, otherwise the
     * JSON of the msgtype's object.
     */
    static String validate(JsonObject body, String msgtype, Set<String> allowedTypes) {
        if (msgtype == null || !allowedTypes.contains(msgtype)) {
            throw new ApiError(ApiError.INVALID_MSGTYPE, "invalid message type");
        }
        JsonObject content = body.get(msgtype) instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        if (msgtype.equals("text")) {
            return text(content);
        }
        if (MEDIA_TYPES.contains(msgtype)) {
            required(content, "media_id");
        } else if (msgtype.equals("msgmenu")) {
            menu(content);
        } else if (msgtype.equals("link")) {
            required(content, "title");
            required(content, "url");
        } else if (msgtype.equals("miniprogram")) {
            required(content, "appid");
            required(content, "thumb_media_id");
        } else if (msgtype.equals("location")) {
            location(content);
        }
        return content.toString();
    }

    static String text(JsonObject content) {
        String text = content.get("content") instanceof JsonString s ? s.getString() : "";
        if (text.isEmpty()) {
            throw new ApiError(ApiError.EMPTY_CONTENT, "empty content");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            throw new ApiError(ApiError.CONTENT_TOO_LONG, "content size out of limit");
        }
        return text;
    }

    private static void menu(JsonObject menu) {
        JsonArray items = menu.get("list") instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY;
        if (items.size() > 10) {
            throw new ApiError(ApiError.TOO_MANY_MENU_ITEMS, "too many menu items");
        }
        for (JsonValue item : items) {
            String type = item instanceof JsonObject object ? object.getString("type", "") : "";
            if (!MENU_ITEM_TYPES.contains(type)) {
                throw new ApiError(ApiError.BAD_MENU_ITEM_TYPE, "invalid menu item type");
            }
        }
    }

    private static void location(JsonObject location) {
        if (!(location.get("latitude") instanceof JsonNumber latitude)
                || !(location.get("longitude") instanceof JsonNumber longitude)
                || Math.abs(latitude.doubleValue()) > 90 || Math.abs(longitude.doubleValue()) > 180) {
            throw new ApiError(ApiError.INVALID_PARAMETER, "invalid latitude or longitude");
        }
    }

    private static void required(JsonObject content, String field) {
        if (!(content.get(field) instanceof JsonString s) || s.getString().isEmpty()) {
            throw new ApiError(field.endsWith("media_id") ? ApiError.INVALID_MEDIA_ID : ApiError.INVALID_PARAMETER,
                    "missing " + field);
        }
    }
}
