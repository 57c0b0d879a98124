package com.kfgateway.wecom.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.logging.Logger;

/**
 * The WeCom server API as this gateway uses it, with the retry policy WeCom documents: a rejected or expired token
 * is replaced and the call repeated once; "系统繁忙" (-1) is retried up to three times, but only for calls that are
 * safe to repeat. Sending and state changes are never repeated here: the delivery layer retries them with a fixed
 * msgid.
 */
@ApplicationScoped
public class WeComClient {

    /** 不合法的secret参数, 不合法的access_token, access_token已过期: a new token may fix it. */
    static final Set<Integer> TOKEN_REJECTED = Set.of(40001, 40014, 42001);
    static final int SYSTEM_BUSY = -1;
    static final Set<String> NOT_IDEMPOTENT = Set.of("kf/send_msg", "kf/send_msg_on_event",
            "kf/service_state/trans", "message/send");
    /** WeCom's limit for a text message's content, in UTF-8 bytes. */
    static final int TEXT_MAX_BYTES = 2048;
    private static final int ACCOUNT_PAGE = 100;
    private static final int MAX_ACCOUNT_PAGES = 100;
    private static final Logger LOG = Logger.getLogger(WeComClient.class.getName());

    @Inject
    WeComConfig config;

    @Inject
    WeComHttp http;

    @Inject
    AccessTokens tokens;

    List<Duration> busyBackoff = List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));

    public WeComClient() {
    }

    WeComClient(WeComConfig config, WeComHttp http, AccessTokens tokens) {
        this.config = config;
        this.http = http;
        this.tokens = tokens;
    }

    public WeComResponse get(Credential credential, String path, Map<String, String> query) {
        return call(credential, path, token -> http.get(path, query, token), WeComResponse::errcode);
    }

    public WeComResponse post(Credential credential, String path, JsonObject body) {
        return call(credential, path, token -> http.post(path, Map.of(), token, body), WeComResponse::errcode);
    }

    /** Empty or null cursor, sync token and account are left out of the request (they are optional). */
    public SyncPage syncMsg(String cursor, String syncToken, String openKfid, int limit) {
        JsonObjectBuilder request = Json.createObjectBuilder();
        putIfPresent(request, "cursor", cursor);
        putIfPresent(request, "token", syncToken);
        putIfPresent(request, "open_kfid", openKfid);
        if (limit > 0) {
            request.add("limit", limit);
        }
        WeComResponse answer = post(Credential.KF, "kf/sync_msg", request.build());
        List<JsonObject> items = new ArrayList<>();
        if (answer.ok() && answer.body().get("msg_list") instanceof JsonArray list) {
            list.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).forEach(items::add);
        }
        return new SyncPage(answer.string("next_cursor"), answer.ok() && hasMore(answer.body().get("has_more")),
                List.copyOf(items), answer);
    }

    public WeComResponse sendMsg(JsonObject message) {
        return post(Credential.KF, "kf/send_msg", message);
    }

    public WeComResponse sendMsgOnEvent(JsonObject message) {
        return post(Credential.KF, "kf/send_msg_on_event", message);
    }

    public WeComResponse serviceStateGet(String openKfid, String externalUserid) {
        return post(Credential.KF, "kf/service_state/get", Json.createObjectBuilder().add("open_kfid", openKfid)
                .add("external_userid", externalUserid).build());
    }

    /** {@code servicerUserid} is required by WeCom only for state 3 (人工接待); null leaves it out. */
    public WeComResponse serviceStateTrans(String openKfid, String externalUserid, int state, String servicerUserid) {
        JsonObjectBuilder request = Json.createObjectBuilder().add("open_kfid", openKfid)
                .add("external_userid", externalUserid).add("service_state", state);
        putIfPresent(request, "servicer_userid", servicerUserid);
        return post(Credential.KF, "kf/service_state/trans", request.build());
    }

    public AccountList accountList() {
        List<JsonObject> accounts = new ArrayList<>();
        WeComResponse answer = null;
        for (int page = 0; page < MAX_ACCOUNT_PAGES; page++) {
            answer = post(Credential.KF, "kf/account/list", Json.createObjectBuilder()
                    .add("offset", page * ACCOUNT_PAGE).add("limit", ACCOUNT_PAGE).build());
            if (!answer.ok() || !(answer.body().get("account_list") instanceof JsonArray list)) {
                break;
            }
            list.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).forEach(accounts::add);
            if (list.size() < ACCOUNT_PAGE) {
                break;
            }
        }
        return new AccountList(List.copyOf(accounts), answer);
    }

    public WeComResponse servicerList(String openKfid) {
        return get(Credential.KF, "kf/servicer/list", Map.of("open_kfid", openKfid));
    }

    /** At most 100 ids per call, as WeCom allows; the enter-session context is not requested. */
    public WeComResponse customerBatchGet(List<String> externalUserids) {
        if (externalUserids.isEmpty() || externalUserids.size() > 100) {
            throw new IllegalArgumentException("kf/customer/batchget takes 1 to 100 ids, not " + externalUserids.size());
        }
        return post(Credential.KF, "kf/customer/batchget", Json.createObjectBuilder()
                .add("external_userid_list", Json.createArrayBuilder(externalUserids))
                .add("need_enter_session_context", 0).build());
    }

    /** A text to staff through the self-built app; {@code toUser} may list several userids joined by "|". */
    public WeComResponse messageSend(String toUser, String text) {
        Integer agentId = config.agentId();
        if (agentId == null) {
            throw new CredentialNotConfiguredException(Credential.APP, "WECOM_AGENT_ID");
        }
        JsonObject request = Json.createObjectBuilder().add("touser", toUser).add("msgtype", "text")
                .add("agentid", agentId)
                .add("text", Json.createObjectBuilder().add("content", truncateUtf8(text, TEXT_MAX_BYTES))).build();
        return post(Credential.APP, "message/send", request);
    }

    public MediaDownload mediaGet(String mediaId) {
        return call(Credential.KF, "media/get", token -> http.download("media/get", Map.of("media_id", mediaId), token),
                MediaDownload::errcode);
    }

    /** A token fetch outside the cache, for checks that must see WeCom's own answer. Never retried. */
    public WeComResponse gettoken(String corpId, String secret) {
        return http.gettoken(corpId, secret);
    }

    private <T> T call(Credential credential, String path, Function<String, T> exchange, ToIntFunction<T> errcodeOf) {
        boolean repeatable = !NOT_IDEMPOTENT.contains(path);
        boolean tokenReplaced = false;
        int busyRetries = 0;
        while (true) {
            String token = tokens.token(credential);
            T answer = exchange.apply(token);
            int errcode = errcodeOf.applyAsInt(answer);
            if (TOKEN_REJECTED.contains(errcode) && !tokenReplaced) {
                LOG.fine(() -> path + " answered errcode " + errcode + ": replacing the token and asking once more");
                tokens.invalidate(credential, token);
                tokenReplaced = true;
            } else if (errcode == SYSTEM_BUSY && repeatable && busyRetries < busyBackoff.size()) {
                pause(busyBackoff.get(busyRetries++));
            } else {
                return answer;
            }
        }
    }

    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WeComException(WeComException.Kind.INTERRUPTED, 0, "interrupted while waiting to retry", e);
        }
    }

    private static boolean hasMore(JsonValue value) {
        return value == JsonValue.TRUE || value instanceof JsonNumber number && number.intValue() == 1;
    }

    private static void putIfPresent(JsonObjectBuilder builder, String field, String value) {
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
