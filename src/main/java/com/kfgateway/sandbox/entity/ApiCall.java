package com.kfgateway.sandbox.entity;

import java.time.Instant;

/**
 * One API call the simulator answered, as a test or the sandbox panel wants to see it. Access tokens and secrets are
 * not kept: only which kind of credential the token belonged to.
 *
 * @param credential  "app", "kf", "both", or null when the call carried no valid token (and for gettoken)
 * @param syncToken   the {@code token} parameter of a sync_msg call, null for others or when absent
 * @param httpStatus  the HTTP status answered
 * @param errcode     the errcode answered (0 on success, also 0 for non-JSON answers such as media bytes)
 * @param requestJson the request body as sent (null for GET)
 */
public record ApiCall(Instant at, String method, String path, String credential, String syncToken, int httpStatus,
        int errcode, String requestJson) {
}
