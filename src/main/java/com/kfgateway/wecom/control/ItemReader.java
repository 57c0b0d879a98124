package com.kfgateway.wecom.control;

import com.kfgateway.wecom.entity.InboundEvent;
import com.kfgateway.wecom.entity.InboundItem;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.StringJoiner;

/**
 * Turns a kf/sync_msg item into an {@link InboundItem}: every msgtype gets a readable summary, unknown ones included
 * (WeCom keeps adding types; the raw JSON is stored whole), and event items get their customer from {@code event}.
 */
public final class ItemReader {

    private ItemReader() {
    }

    public static InboundItem read(JsonObject item, Instant now) {
        String msgtype = orElse(string(item, "msgtype"), "unknown");
        JsonObject body = item.get(msgtype) instanceof JsonObject object ? object : null;
        JsonObject event = "event".equals(msgtype) ? body : null;
        String openKfid = orElse(string(item, "open_kfid"), event == null ? null : string(event, "open_kfid"));
        String externalUserid = orElse(string(item, "external_userid"),
                event == null ? null : string(event, "external_userid"));
        Integer origin = item.get("origin") instanceof JsonNumber number ? number.intValue() : null;
        long sendTime = item.get("send_time") instanceof JsonNumber number ? number.longValue() : 0;
        String mediaId = body == null ? null : string(body, "media_id");
        return new InboundItem(orElse(string(item, "msgid"), standIn(item)), openKfid, externalUserid, origin,
                string(item, "servicer_userid"), msgtype, summary(msgtype, body), mediaId,
                sendTime > 0 ? Instant.ofEpochSecond(sendTime) : now, event == null ? null : event(event),
                item.toString());
    }

    static InboundEvent event(JsonObject event) {
        return new InboundEvent(string(event, "event_type"), string(event, "scene"), string(event, "scene_param"),
                string(event, "welcome_code"), string(event, "fail_msgid"), integer(event, "fail_type"),
                integer(event, "change_type"), string(event, "old_servicer_userid"),
                string(event, "new_servicer_userid"), string(event, "msg_code"), string(event, "servicer_userid"),
                integer(event, "status"), string(event, "recall_msgid"));
    }

    static String summary(String msgtype, JsonObject body) {
        JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        return switch (msgtype) {
            case "text" -> orElse(string(b, "content"), "");
            case "image" -> "[图片 image]";
            case "voice" -> "[语音 voice]";
            case "video" -> "[视频 video]";
            case "file" -> "[文件 file]";
            case "location" -> join("[位置 location]", string(b, "name"), string(b, "address"),
                    "(" + string(b, "latitude") + ", " + string(b, "longitude") + ")");
            case "link" -> join("[链接 link]", string(b, "title"), string(b, "url"));
            case "business_card" -> join("[名片 business card]", string(b, "userid"));
            case "miniprogram" -> join("[小程序 mini program]", string(b, "title"), string(b, "pagepath"));
            case "msgmenu" -> join("[菜单 menu]", string(b, "head_content"), menuItems(b), string(b, "tail_content"));
            case "channels_shop_product" -> join("[视频号商品 channels product]", string(b, "title"),
                    string(b, "sales_price"));
            case "channels_shop_order" -> join("[视频号订单 channels order]", string(b, "order_id"),
                    string(b, "product_titles"), string(b, "price_wording"));
            case "event" -> eventSummary(b);
            default -> join("[" + msgtype + "]", body == null ? null : string(b, "title"));
        };
    }

    private static String eventSummary(JsonObject event) {
        String type = orElse(string(event, "event_type"), "unknown");
        return switch (type) {
            case "enter_session" -> join("[进入会话 enter_session]", labelled("scene=", string(event, "scene")),
                    string(event, "welcome_code") == null ? null : "(welcome code)");
            case "msg_send_fail" -> join("[发送失败 msg_send_fail]", string(event, "fail_msgid"),
                    "fail_type=" + string(event, "fail_type"));
            case "session_status_change" -> join("[会话状态变更 session_status_change]",
                    "change_type=" + string(event, "change_type"), string(event, "old_servicer_userid"), "→",
                    string(event, "new_servicer_userid"));
            case "servicer_status_change" -> join("[接待人员状态 servicer_status_change]",
                    string(event, "servicer_userid"), "status=" + string(event, "status"));
            case "user_recall_msg", "servicer_recall_msg" -> join("[撤回 " + type + "]", string(event, "recall_msgid"));
            default -> "[event " + type + "]";
        };
    }

    private static String menuItems(JsonObject menu) {
        if (!(menu.get("list") instanceof JsonArray list)) {
            return null;
        }
        StringJoiner items = new StringJoiner(" / ");
        list.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).forEach(item -> {
            for (JsonValue value : item.values()) {
                if (value instanceof JsonObject inner && string(inner, "content") != null) {
                    items.add(string(inner, "content"));
                }
            }
        });
        return items.toString();
    }

    /** A field as text whether WeCom sent it as a string or a number; null when absent. */
    static String string(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value instanceof JsonString text) {
            return text.getString();
        }
        return value instanceof JsonNumber number ? number.toString() : null;
    }

    /** A number WeCom sent as a number or a numeric string; null when absent or not a number. */
    static Integer integer(JsonObject object, String field) {
        String value = string(object, field);
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A customer who opens the chat from the chat list brings no scene: say nothing rather than "scene=". */
    private static String labelled(String label, String value) {
        return value == null || value.isEmpty() ? null : label + value;
    }

    private static String join(String... pieces) {
        StringJoiner joined = new StringJoiner(" ");
        for (String piece : pieces) {
            if (piece != null && !piece.isBlank()) {
                joined.add(piece);
            }
        }
        return joined.toString();
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    /** The same item served twice gives the same stand-in, so de-duplication still holds without a msgid. */
    private static String standIn(JsonObject item) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(item.toString().getBytes(StandardCharsets.UTF_8));
            return "nomsgid-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
