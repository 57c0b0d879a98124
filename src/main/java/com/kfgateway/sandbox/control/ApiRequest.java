package com.kfgateway.sandbox.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * One parsed API call as an endpoint sees it.
 *
 * @param api   the path below {@code /cgi-bin/}, e.g. {@code kf/send_msg}
 * @param body  the JSON body, empty for GET
 * @param token the access token the call carried, already checked; null for gettoken
 * @param callerIp the address the call came from, as WeCom would see it
 */
record ApiRequest(String method, String api, Map<String, String> query, JsonObject body, IssuedToken token,
        String callerIp) {

    /** A string field of the body, or null when absent or not a string. */
    String text(String name) {
        JsonValue value = body.get(name);
        return value instanceof JsonString s ? s.getString() : null;
    }

    /** An integer field of the body; WeCom also accepts numbers sent as strings. */
    long number(String name, long absent) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return absent;
        }
        if (value instanceof JsonNumber n) {
            return n.longValue();
        }
        if (value instanceof JsonString s) {
            try {
                return Long.parseLong(s.getString().trim());
            } catch (NumberFormatException e) {
                throw new ApiError(ApiError.INVALID_PARAMETER, "invalid " + name);
            }
        }
        throw new ApiError(ApiError.INVALID_PARAMETER, "invalid " + name);
    }

    String required(String name) {
        String value = text(name);
        if (value == null || value.isEmpty()) {
            throw new ApiError(ApiError.INVALID_PARAMETER, "missing " + name);
        }
        return value;
    }
}
