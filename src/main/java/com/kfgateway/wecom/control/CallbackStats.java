package com.kfgateway.wecom.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the callback endpoint has seen since start: kept in memory on purpose, because rejected requests come from
 * whoever can reach the URL and must not be able to write to the database.
 */
@ApplicationScoped
public class CallbackStats {

    /** Why a request was turned away; the names are what the log and the doctor show. */
    public enum Rejection {
        NOT_CONFIGURED, MISSING_PARAMETERS, STALE_TIMESTAMP, BODY_TOO_LARGE, MALFORMED_XML,
        BAD_SIGNATURE, BAD_BASE64, DECRYPT_FAILED, BAD_BUFFER, WRONG_RECEIVE_ID, REPLAYED
    }

    private final Map<Rejection, AtomicLong> rejections = new EnumMap<>(Rejection.class);
    private final AtomicReference<Instant> lastVerifiedGet = new AtomicReference<>();
    private final AtomicReference<Instant> lastValidPost = new AtomicReference<>();
    private final AtomicReference<Instant> lastRejection = new AtomicReference<>();
    private final AtomicLong validPosts = new AtomicLong();

    public CallbackStats() {
        for (Rejection r : Rejection.values()) {
            rejections.put(r, new AtomicLong());
        }
    }

    public void verifiedGet() {
        lastVerifiedGet.set(Instant.now());
    }

    public void validPost() {
        validPosts.incrementAndGet();
        lastValidPost.set(Instant.now());
    }

    public long rejected(Rejection reason) {
        lastRejection.set(Instant.now());
        return rejections.get(reason).incrementAndGet();
    }

    public long rejections(Rejection reason) {
        return rejections.get(reason).get();
    }

    public long signatureFailures() {
        return rejections(Rejection.BAD_SIGNATURE);
    }

    public long totalRejections() {
        return rejections.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long validPosts() {
        return validPosts.get();
    }

    public Instant lastVerifiedGet() {
        return lastVerifiedGet.get();
    }

    public Instant lastValidPost() {
        return lastValidPost.get();
    }

    public Instant lastRejection() {
        return lastRejection.get();
    }

    public static Rejection rejectionFor(CryptoError error) {
        return switch (error) {
            case VALIDATE_SIGNATURE -> Rejection.BAD_SIGNATURE;
            case DECODE_BASE64 -> Rejection.BAD_BASE64;
            case DECRYPT_AES -> Rejection.DECRYPT_FAILED;
            case ILLEGAL_BUFFER -> Rejection.BAD_BUFFER;
            case VALIDATE_RECEIVE_ID -> Rejection.WRONG_RECEIVE_ID;
            case ILLEGAL_AES_KEY -> Rejection.NOT_CONFIGURED;
            default -> Rejection.MALFORMED_XML;
        };
    }
}
