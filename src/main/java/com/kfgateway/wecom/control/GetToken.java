package com.kfgateway.wecom.control;

import jakarta.json.JsonNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One gettoken, turned into the credential's next {@link TokenState}: a fresh token with its lifetime, or a failure
 * that says why (never the secret) and, when WeCom refused the secret or corp id, pauses gettoken (see
 * {@link CredentialBlock}) because repeated bad-secret calls get the server's IP banned.
 */
final class GetToken {

    private static final Logger LOG = Logger.getLogger(GetToken.class.getName());

    /** The state to remember, and the failure to throw when there is no token. */
    record Outcome(TokenState state, TokenUnavailableException failure) {
    }

    private GetToken() {
    }

    static Outcome ask(WeComHttp http, String corpId, Credential credential, TokenKey key, TokenState before,
            Clock clock) {
        Instant started = clock.instant();
        WeComResponse answer;
        try {
            answer = http.gettoken(corpId, key.secret());
        } catch (WeComException e) {
            TokenState failed = before.failed(null, "gettoken " + e.kind() + ": " + e.getMessage(), null);
            logFailure(credential, failed, e.getMessage());
            return new Outcome(failed, new TokenUnavailableException(credential, null, null, credential
                    + " access token unavailable: " + e.getMessage(), e));
        }
        String token = answer.string("access_token");
        if (answer.ok() && token != null && !token.isBlank()) {
            if (before.failureCount() > 0) {
                LOG.info(() -> credential + " access token fetched again after " + before.failureCount()
                        + " failure(s)");
            }
            return new Outcome(TokenState.fetched(token, TokenLifetime.of(started, expiresIn(answer))), null);
        }
        int errcode = answer.ok() ? -1 : answer.errcode();
        String error = "gettoken errcode " + answer.errcode()
                + (answer.errmsg() == null ? "" : ": " + WeComHttp.redact(answer.errmsg()))
                + (answer.ok() ? " (no access_token in the answer)" : "");
        Instant blockedUntil = CredentialBlock.blocks(errcode)
                ? clock.instant().plus(CredentialBlock.after(before.failureCount() + 1)) : null;
        TokenState failed = before.failed(errcode, error, blockedUntil);
        if (blockedUntil != null) {
            LOG.severe(() -> "WeCom refused the " + credential + " credential (" + error
                    + "). gettoken is paused until "
                    + blockedUntil + " because repeated bad-secret calls get this server's IP banned for an hour. "
                    + "Check WECOM_CORP_ID and " + credential.secretVariable() + ", then run the checks again.");
            return new Outcome(failed, blocked(credential, failed));
        }
        logFailure(credential, failed, error);
        return new Outcome(failed, new TokenUnavailableException(credential, errcode, null, credential
                + " access token unavailable: " + error, null));
    }

    static TokenUnavailableException blocked(Credential credential, TokenState state) {
        return new TokenUnavailableException(credential, state.lastErrcode(), state.blockedUntil(), credential
                + " access token unavailable: WeCom refused the credential (errcode " + state.lastErrcode()
                + "); gettoken is paused until " + state.blockedUntil(), null);
    }

    private static long expiresIn(WeComResponse answer) {
        return answer.body().get("expires_in") instanceof JsonNumber seconds ? seconds.longValue() : 0;
    }

    private static void logFailure(Credential credential, TokenState failed, String error) {
        // The first failure of a run is news; the rest of an outage is noise.
        Level level = failed.failureCount() == 1 ? Level.WARNING : Level.FINE;
        LOG.log(level, () -> credential + " access token could not be fetched (failure " + failed.failureCount()
                + "): " + error);
    }
}
