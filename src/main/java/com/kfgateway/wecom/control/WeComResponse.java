package com.kfgateway.wecom.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * One JSON answer from WeCom, kept whole: fields we do not model stay readable in {@link #body()} and
 * {@link #rawJson()}.
 *
 * <p>Success is judged by errcode alone (WeCom: "errmsg 不可作为是否调用成功的判据"); some successful responses omit
 * errcode, which therefore counts as 0. {@link #toString()} shows only errcode and errmsg because bodies such as
 * gettoken's carry an access token.
 */
public record WeComResponse(int errcode, String errmsg, JsonObject body, String rawJson) {

    /** Sent when WeCom could not parse our JSON; fields were then silently dropped. */
    static final String WRONG_JSON_FORMAT = "wrong json format";

    public static WeComResponse of(JsonObject body, String rawJson) {
        return new WeComResponse(errcodeOf(body), errmsgOf(body), body, rawJson);
    }

    public boolean ok() {
        return errcode == 0;
    }

    /** WeCom reported our request body as malformed, even if errcode is 0. */
    public boolean wrongJsonFormat() {
        return errmsg != null && errmsg.toLowerCase().contains(WRONG_JSON_FORMAT);
    }

    public String string(String field) {
        JsonValue value = body == null ? null : body.get(field);
        if (value instanceof JsonString text) {
            return text.getString();
        }
        return value instanceof JsonNumber number ? number.toString() : null;
    }

    private static int errcodeOf(JsonObject body) {
        JsonValue value = body.get("errcode");
        if (value instanceof JsonNumber number) {
            return number.intValue();
        }
        if (value instanceof JsonString text) {
            try {
                return Integer.parseInt(text.getString().trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return 0;
    }

    private static String errmsgOf(JsonObject body) {
        JsonValue value = body.get("errmsg");
        return value instanceof JsonString text ? text.getString() : null;
    }

    @Override
    public String toString() {
        return "WeComResponse[errcode=" + errcode + ", errmsg=" + errmsg + "]";
    }
}
