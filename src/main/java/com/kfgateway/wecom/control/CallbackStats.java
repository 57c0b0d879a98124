package com.kfgateway.wecom.control;

import com.kfgateway.metrics.boundary.OperatorMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import com.kfgateway.wecom.entity.CallbackCount;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the callback endpoint has seen since start, counted in memory: rejected requests come from whoever can reach
 * the URL, so none of them writes to the database. What is counted here is added to the stored counts every few
 * seconds ({@link #pending()}, {@link CallbackCounters}), so the doctor keeps them across restarts and nodes.
 */
@ApplicationScoped
public class CallbackStats {

    /** Why a request was turned away; the names are what the log and the doctor show. */
    public enum Rejection {
        NOT_CONFIGURED, MISSING_PARAMETERS, STALE_TIMESTAMP, BODY_TOO_LARGE, MALFORMED_XML,
        BAD_SIGNATURE, BAD_BASE64, DECRYPT_FAILED, BAD_BUFFER, WRONG_RECEIVE_ID, REPLAYED
    }

    @Inject
    OperatorMetrics metrics;

    private final Map<Rejection, AtomicLong> rejections = new EnumMap<>(Rejection.class);
    private final Map<Rejection, AtomicReference<Instant>> lastRejected = new EnumMap<>(Rejection.class);
    private final AtomicReference<Instant> lastVerifiedGet = new AtomicReference<>();
    private final AtomicReference<Instant> lastValidPost = new AtomicReference<>();
    private final AtomicReference<Instant> lastRejection = new AtomicReference<>();
    private final AtomicLong validPosts = new AtomicLong();
    private final AtomicLong verifiedGets = new AtomicLong();
    private final AtomicLong unannouncedMessages = new AtomicLong();
    private final AtomicReference<Instant> lastUnannouncedMessage = new AtomicReference<>();
    /** What has been added to the stored counts already, by kind; guarded by this. */
    private final Map<String, Long> stored = new HashMap<>();

    public CallbackStats() {
        for (Rejection r : Rejection.values()) {
            rejections.put(r, new AtomicLong());
            lastRejected.put(r, new AtomicReference<>());
        }
    }

    public void verifiedGet() {
        metrics.callback("verified");
        verifiedGets.incrementAndGet();
        lastVerifiedGet.set(Instant.now());
    }

    public void validPost() {
        metrics.callback("accepted");
        validPosts.incrementAndGet();
        lastValidPost.set(Instant.now());
    }

    /**
     * New customer messages that a pull found without a callback asking for it (the safety pull): each is one that
     * no callback announced.
     */
    public void unannouncedMessages(int count) {
        unannouncedMessages.addAndGet(count);
        lastUnannouncedMessage.set(Instant.now());
    }

    public Instant lastUnannouncedMessage() {
        return lastUnannouncedMessage.get();
    }

    public long rejected(Rejection reason) {
        metrics.callback(reason.name().toLowerCase(Locale.ROOT));
        Instant now = Instant.now();
        lastRejection.set(now);
        lastRejected.get(reason).set(now);
        return rejections.get(reason).incrementAndGet();
    }

    /** When a request was last turned away for one of {@code reasons}; null if never since start. */
    public Instant lastRejected(Set<Rejection> reasons) {
        Instant last = null;
        for (Rejection reason : reasons) {
            Instant at = lastRejected.get(reason).get();
            if (at != null && (last == null || at.isAfter(last))) {
                last = at;
            }
        }
        return last;
    }

    public long rejections(Rejection reason) {
        return rejections.get(reason).get();
    }

    public long signatureFailures() {
        return rejections(Rejection.BAD_SIGNATURE);
    }

    /** Signed right, but not decryptable with our EncodingAESKey (its padding or its length field is garbage). */
    public static final Set<Rejection> UNDECRYPTABLE = Collections.unmodifiableSet(EnumSet.of(
            Rejection.DECRYPT_FAILED, Rejection.BAD_BUFFER));

    public long decryptionFailures() {
        return UNDECRYPTABLE.stream().mapToLong(this::rejections).sum();
    }

    /** Decrypted, but addressed to another corp than WECOM_CORP_ID. */
    public long otherCorp() {
        return rejections(Rejection.WRONG_RECEIVE_ID);
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

    /** What was counted since the last {@link #stored}, by kind; kinds with nothing new are left out. */
    public synchronized List<CallbackCount> pending() {
        List<CallbackCount> pending = new ArrayList<>();
        addPending(pending, CallbackCount.VERIFIED_GET, verifiedGets.get(), lastVerifiedGet.get());
        addPending(pending, CallbackCount.VALID_POST, validPosts.get(), lastValidPost.get());
        addPending(pending, CallbackCount.UNANNOUNCED_MESSAGES, unannouncedMessages.get(),
                lastUnannouncedMessage.get());
        for (Rejection reason : Rejection.values()) {
            addPending(pending, reason.name(), rejections.get(reason).get(), lastRejected.get(reason).get());
        }
        return pending;
    }

    /** {@code written} (from {@link #pending()}) is in the stored counts now. */
    public synchronized void stored(List<CallbackCount> written) {
        written.forEach(count -> stored.merge(count.kind(), count.total(), Long::sum));
    }

    private void addPending(List<CallbackCount> pending, String kind, long total, Instant last) {
        long added = total - stored.getOrDefault(kind, 0L);
        if (added > 0) {
            pending.add(new CallbackCount(kind, added, last));
        }
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
