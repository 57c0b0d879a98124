package com.kfgateway.wecom.control;

import java.time.Instant;

/** CDI event: a new access token was fetched; its refresh falls due at {@code refreshDue}. */
public record TokenFetched(Credential credential, Instant refreshDue) {
}
