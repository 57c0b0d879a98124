package com.kfgateway.sandbox.control;

import com.kfgateway.sandbox.entity.SimulatedCorp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** gettoken and the token check every other call passes. Not thread-safe: the simulator's lock guards it. */
final class TokenDesk {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SimulatedCorp corp;
    private final Clock clock;
    /** Every token issued, expired ones too: none is ever forgotten, so a stale one answers 42001, not 40014. */
    final Map<String, IssuedToken> tokens = new HashMap<>();
    /** WeCom's expires_in; tests shorten it to see the product refresh. */
    Duration lifetime = Duration.ofSeconds(7200);
    private boolean corpIdRejected;
    private boolean kfSecretReset;

    TokenDesk(SimulatedCorp corp, Clock clock) {
        this.corp = corp;
        this.clock = clock;
    }

    JsonObject getToken(ApiRequest request) {
        String corpId = request.query().get("corpid");
        String secret = request.query().get("corpsecret");
        if (corpId == null || corpId.isEmpty()) {
            throw new ApiError(ApiError.MISSING_CORPID, "corpid missing");
        }
        if (secret == null || secret.isEmpty()) {
            throw new ApiError(ApiError.MISSING_SECRET, "corpsecret missing");
        }
        if (!corp.corpId().equals(corpId) || corpIdRejected) {
            throw new ApiError(ApiError.INVALID_CORPID, "invalid corpid");
        }
        String kind = kindOf(secret);
        if (kind == null) {
            throw new ApiError(ApiError.INVALID_SECRET, "invalid credential");
        }
        byte[] random = new byte[48];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        tokens.put(token, new IssuedToken(kind, clock.instant().plus(lifetime)));
        return Json.createObjectBuilder()
                .add("access_token", token)
                .add("expires_in", lifetime.toSeconds())
                .build();
    }

    /** The token the call carries, or the errcode WeCom gives for a missing, unknown or expired one. */
    IssuedToken authenticate(Map<String, String> query) {
        String token = query.get("access_token");
        if (token == null || token.isEmpty()) {
            throw new ApiError(ApiError.MISSING_TOKEN, "access_token missing");
        }
        IssuedToken issued = tokens.get(token);
        if (issued == null) {
            throw new ApiError(ApiError.INVALID_TOKEN, "invalid access_token");
        }
        if (!clock.instant().isBefore(issued.expiresAt())) {
            throw new ApiError(ApiError.TOKEN_EXPIRED, "access_token expired");
        }
        return issued;
    }

    /** The kind of a token without checking it, for the call record; null when it is not one of ours. */
    String kindOfToken(String token) {
        IssuedToken issued = token == null ? null : tokens.get(token);
        return issued == null ? null : issued.kind();
    }

    void expireAll() {
        Instant now = clock.instant();
        tokens.replaceAll((token, issued) -> issued.expiresAt().isAfter(now) ? issued.expiredAt(now) : issued);
    }

    /** Models a product configured with another corp's id: gettoken answers 40013 whatever id it sends. */
    void setCorpIdRejected(boolean rejected) {
        this.corpIdRejected = rejected;
    }

    boolean corpIdRejected() {
        return corpIdRejected;
    }

    /** Models a KF secret reset in WeCom's admin after the product was configured: the old one answers 40001. */
    void setKfSecretReset(boolean reset) {
        this.kfSecretReset = reset;
    }

    boolean kfSecretReset() {
        return kfSecretReset;
    }

    private String kindOf(String secret) {
        boolean app = secret.equals(corp.appSecret());
        boolean kf = secret.equals(corp.kfSecret());
        if (kf && kfSecretReset) {
            // The secret was reset on WeCom's side: the one the product has is no longer valid, for either use.
            return null;
        }
        if (app && kf) {
            return "both";
        }
        return app ? "app" : kf ? "kf" : null;
    }
}
