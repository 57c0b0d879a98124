package com.kfgateway.wecom.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.logging.Logger;

/**
 * One WeCom API call with a token and the retries WeCom documents: a rejected or expired token is replaced and the
 * call repeated once; "系统繁忙" (-1) is retried up to three times, but only for calls that are safe to repeat.
 * Sending and state changes are never repeated here: the delivery layer retries them with a fixed msgid. Answers
 * are WeCom's raw JSON; {@link WeComClient} turns them into our types.
 */
@ApplicationScoped
public class WeComCalls {

    /** 不合法的secret参数, 不合法的access_token, access_token已过期: a new token may fix it. */
    static final Set<Integer> TOKEN_REJECTED = Set.of(40001, 40014, 42001);
    static final int SYSTEM_BUSY = -1;
    static final Set<String> NOT_IDEMPOTENT = Set.of("kf/send_msg", "kf/send_msg_on_event",
            "kf/service_state/trans", "message/send");
    private static final Logger LOG = Logger.getLogger(WeComCalls.class.getName());

    @Inject
    WeComHttp http;

    @Inject
    AccessTokens tokens;

    List<Duration> busyBackoff = List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));

    public WeComResponse get(Credential credential, String path, Map<String, String> query) {
        return call(credential, path, token -> http.get(path, query, token), WeComResponse::errcode);
    }

    public WeComResponse post(Credential credential, String path, JsonObject body) {
        return call(credential, path, token -> http.post(path, Map.of(), token, body), WeComResponse::errcode);
    }

    public MediaDownload download(Credential credential, String path, Map<String, String> query) {
        return call(credential, path, token -> http.download(path, query, token), MediaDownload::errcode);
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
}
