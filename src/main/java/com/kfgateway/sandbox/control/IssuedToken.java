package com.kfgateway.sandbox.control;

import java.time.Instant;

/**
 * An access token the simulator handed out. The kind is the app whose secret fetched it: "app" (message/send),
 * "kf" (the KF-enabled app) or "both" when the corp uses one app for both.
 */
record IssuedToken(String kind, Instant expiresAt) {

    boolean mayCallKf() {
        return !"app".equals(kind);
    }

    boolean isTheApp() {
        return !"kf".equals(kind);
    }

    IssuedToken expiredAt(Instant now) {
        return new IssuedToken(kind, now);
    }
}
