package com.kfgateway.sandbox.control;

import com.kfgateway.sandbox.entity.DeliveredMessage;
import com.kfgateway.sandbox.entity.SimulatedCorp;
import com.kfgateway.sandbox.entity.StaffNotification;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the simulated corp holds: accounts, customers, sessions, the sync log, codes, deliveries and the
 * misconfiguration switches. Not thread-safe: the simulator's lock guards it.
 */
final class CorpState {

    static final Duration SYNC_TOKEN_VALIDITY = Duration.ofMinutes(10);
    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    final SimulatedCorp corp;
    final Clock clock;
    final Map<String, Account> accounts = new LinkedHashMap<>();
    /** external_userid → nickname */
    final Map<String, String> customers = new LinkedHashMap<>();
    /** Members outside any account's servicers who may still receive message/send. */
    final Set<String> members = new HashSet<>();
    final Map<String, Session> sessions = new HashMap<>();
    final List<SyncItem> syncLog = new ArrayList<>();
    final Map<String, Instant> syncTokens = new HashMap<>();
    final Map<String, EventCode> codes = new HashMap<>();
    final Set<String> mediaIds = new HashSet<>();
    final List<DeliveredMessage> delivered = new ArrayList<>();
    /** open_kfid → msgid → the delivery it caused; msgids are unique per account. */
    final Map<String, Map<String, DeliveredMessage>> msgidsByAccount = new HashMap<>();
    final List<StaffNotification> staffNotifications = new ArrayList<>();

    boolean kfSecretWithoutKfRights;
    boolean untrustedIp;
    volatile boolean callbackTokenMismatch;
    volatile boolean callbackAesKeyMismatch;
    volatile boolean callbacksLost;
    boolean routeToOnlineServicers;
    /** sync_msg's largest page; WeCom's is 1000, tests make it smaller to see paging. */
    int pageSize = 1000;
    private long nextSeq = 1;

    CorpState(SimulatedCorp corp, Clock clock) {
        this.corp = corp;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** The account named by a request, with WeCom's two codes: malformed (95000) and well-formed but unknown. */
    Account account(String openKfid) {
        if (openKfid == null || !openKfid.startsWith("wk") || openKfid.length() < 4) {
            throw new ApiError(ApiError.MALFORMED_OPEN_KFID, "invalid open_kfid");
        }
        Account account = accounts.get(openKfid);
        if (account == null) {
            throw new ApiError(ApiError.UNKNOWN_OPEN_KFID, "open_kfid not exist");
        }
        return account;
    }

    /** The account for a seeding or action method, where an unknown id is the caller's bug. */
    Account seededAccount(String openKfid) {
        Account account = accounts.get(openKfid);
        if (account == null) {
            throw new IllegalArgumentException("no such simulated KF account: " + openKfid);
        }
        return account;
    }

    String customer(String externalUserid) {
        if (externalUserid == null || !customers.containsKey(externalUserid)) {
            throw new ApiError(ApiError.INVALID_EXTERNAL_USERID, "invalid external_userid");
        }
        return externalUserid;
    }

    Session session(String openKfid, String externalUserid) {
        return sessions.computeIfAbsent(openKfid + "\n" + externalUserid, key -> new Session());
    }

    void appendSync(String openKfid, JsonObject item) {
        syncLog.add(new SyncItem(nextSeq++, openKfid, now(), item));
    }

    String issueSyncToken() {
        String token = "ENC" + randomAlphanumeric(44);
        syncTokens.put(token, now());
        return token;
    }

    EventCode issueCode(boolean welcome, String openKfid, String externalUserid, Duration validity,
            Integer requiredState) {
        EventCode code = new EventCode(randomAlphanumeric(43), welcome, openKfid, externalUserid,
                now().plus(validity), requiredState);
        codes.put(code.code, code);
        return code;
    }

    String issueMediaId() {
        String mediaId = "3" + randomAlphanumeric(63);
        mediaIds.add(mediaId);
        return mediaId;
    }

    static String randomDigits(int length) {
        StringBuilder digits = new StringBuilder(length);
        digits.append(1 + RANDOM.nextInt(9));
        while (digits.length() < length) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }

    static String randomAlphanumeric(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }
}
