package com.kfgateway.wecom.control;

import com.kfgateway.http.Jsons;
import com.kfgateway.wecom.entity.WeComReply;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How {@link WeComClient} turns a call into a {@link WeComReply} and reads and builds WeCom's JSON: an errcode is
 * WeCom's answer, a call that got none (no connection, no token, not configured) is an outcome of its own, and
 * nothing here throws for WeCom's sake.
 */
final class WeComReplies {

    private WeComReplies() {
    }

    static <T> WeComReply<T> reply(Supplier<WeComResponse> call, Function<WeComResponse, T> read) {
        return outcome(() -> {
            WeComResponse answer = call.get();
            return answer.ok() ? WeComReply.ok(read.apply(answer)) : failed(answer);
        });
    }

    static <T> WeComReply<T> failed(WeComResponse answer) {
        return WeComReply.errcode(answer.errcode(), answer.errmsg());
    }

    /** The one place where a call that did not get WeCom's answer becomes an outcome instead of an exception. */
    static <T> WeComReply<T> outcome(Supplier<WeComReply<T>> call) {
        try {
            return call.get();
        } catch (WeComException e) {
            return WeComReply.unreachable(e.getMessage(), e.httpStatus());
        } catch (TokenUnavailableException e) {
            return WeComReply.noToken(e.errcode() == null ? 0 : e.errcode(), e.getMessage());
        } catch (CredentialNotConfiguredException e) {
            return WeComReply.notConfigured(e.getMessage());
        }
    }

    static List<JsonObject> objects(JsonValue value) {
        if (!(value instanceof JsonArray list)) {
            return List.of();
        }
        return list.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
    }

    static JsonObjectBuilder customer(String openKfid, String externalUserid) {
        return Jsons.object().add("open_kfid", openKfid).add("external_userid", externalUserid);
    }

    static JsonObjectBuilder text(String content) {
        return Jsons.object().add("content", content);
    }

    static boolean hasMore(JsonValue value) {
        return value == JsonValue.TRUE || value instanceof JsonNumber number && number.intValue() == 1;
    }

    static void putIfPresent(JsonObjectBuilder builder, String field, String value) {
        if (value != null && !value.isEmpty()) {
            builder.add(field, value);
        }
    }

    /** The longest prefix of {@code text} within {@code maxBytes} of UTF-8 that does not split a character. */
    static String truncateUtf8(String text, int maxBytes) {
        if (text.length() * 3 <= maxBytes || text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }
}
