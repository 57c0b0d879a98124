package com.kfgateway.wecom.control;

import com.kfgateway.sandbox.control.MutableClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.cluster.control.Leases;
import com.kfgateway.cluster.control.TestLeases;
import com.kfgateway.unit.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private static final String KF_SECRET = "kf-secret-value-123";
    private static final String APP_SECRET = "app-secret-value-456";
    private static final String BAD_SECRET_ANSWER = "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}";

    private FakeWeCom wecom;
    private InMemoryTokenStore store;
    private MutableClock clock;
    private Leases leases = TestLeases.alone();
    private TestDatabase cluster;

    @BeforeEach
    void start() throws Exception {
        wecom = new FakeWeCom();
        store = new InMemoryTokenStore();
        clock = new MutableClock(Instant.now());
    }

    @AfterEach
    void stop() {
        wecom.close();
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The tokens of node {@code name} of a cluster whose nodes share this test's token store and leases. */
    private AccessTokens node(String name) {
        return node(TestLeases.node(name, cluster()));
    }

    private AccessTokens node(Leases nodeLeases) {
        WeComConfig config = wecom.config(KF_SECRET, APP_SECRET);
        return new AccessTokens(config, new WeComHttp(config, Duration.ofSeconds(10)), store, nodeLeases, clock);
    }

    private TestDatabase cluster() {
        if (cluster == null) {
            cluster = new TestDatabase();
        }
        return cluster;
    }

    @Test
    void aTokenOneNodeFetchedIsUsedByTheOtherWhenItsOwnCopyIsDue() {
        AccessTokens a = node("a");
        AccessTokens b = node("b");
        assertEquals("token-1", a.token(Credential.KF));
        assertEquals("token-1", b.token(Credential.KF));
        clock.advance(Duration.ofSeconds(7196));

        assertEquals("token-2", a.token(Credential.KF));
        assertEquals("token-2", b.token(Credential.KF), "b reads the row a stored instead of asking WeCom");
        assertEquals(2, wecom.requests("gettoken").size());
    }

    @Test
    void aSecretRefusedOnOneNodeIsPausedOnTheOtherWithoutAskingWeCom() {
        AccessTokens a = node("a");
        AccessTokens b = node("b");
        assertEquals("token-1", a.token(Credential.KF));
        assertEquals("token-1", b.token(Credential.KF));
        clock.advance(Duration.ofSeconds(7196));
        wecom.script("gettoken", BAD_SECRET_ANSWER, BAD_SECRET_ANSWER);

        assertEquals(40001, assertThrows(TokenUnavailableException.class, () -> a.token(Credential.KF)).errcode());
        TokenUnavailableException onB = assertThrows(TokenUnavailableException.class, () -> b.token(Credential.KF));

        assertEquals(40001, onB.errcode());
        assertNotNull(onB.blockedUntil(), "paused on b too");
        assertEquals(2, wecom.requests("gettoken").size(), "refused once, for both");
    }

    @Test
    void aNodeWaitsForTheTokenAnotherNodeIsFetchingAndUsesIt() throws Exception {
        Leases bLeases = TestLeases.node("b", cluster());
        String lease = "token:" + TokenKey.of(wecom.config(KF_SECRET, APP_SECRET).corpId(), KF_SECRET).value();
        assertTrue(bLeases.take(lease, Duration.ofMinutes(1)), "b starts a gettoken");
        ExecutorService onA = Executors.newSingleThreadExecutor();
        try {
            Future<String> waiting = onA.submit(() -> node("a").token(Credential.KF));
            Thread.sleep(300);
            assertFalse(waiting.isDone(), "a waits for b");
            assertEquals(0, wecom.requests("gettoken").size());

            assertEquals("token-1", node(bLeases).token(Credential.KF));

            assertEquals("token-1", waiting.get(10, TimeUnit.SECONDS));
            assertEquals(1, wecom.requests("gettoken").size());
        } finally {
            onA.shutdownNow();
        }
    }

    private AccessTokens tokens(WeComConfig config) {
        return new AccessTokens(config, new WeComHttp(config, Duration.ofSeconds(10)), store, leases, clock);
    }

    private AccessTokens tokens() {
        return tokens(wecom.config(KF_SECRET, APP_SECRET));
    }

    @Test
    void fetchAnewAsksWeComAgainThoughACachedTokenLooksValid() {
        AccessTokens tokens = tokens();
        assertEquals("token-1", tokens.token(Credential.KF));
        assertEquals("token-1", tokens.token(Credential.KF), "cached");
        assertEquals("token-2", tokens.fetchAnew(Credential.KF));
        assertEquals("token-2", tokens.token(Credential.KF), "the new one is cached in turn");
        assertEquals(2, wecom.requests("gettoken").size());

        wecom.script("gettoken", BAD_SECRET_ANSWER);
        TokenUnavailableException refused = assertThrows(TokenUnavailableException.class,
                () -> tokens.fetchAnew(Credential.KF));
        assertEquals(40001, refused.errcode());
    }

    @Test
    void concurrentCallersWaitForOneGettoken() throws Exception {
        AccessTokens tokens = tokens();
        wecom.slowGettoken(300);
        ExecutorService callers = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(callers.submit(() -> {
                go.await();
                return tokens.token(Credential.KF);
            }));
        }
        go.countDown();
        for (Future<String> result : results) {
            assertEquals("token-1", result.get(10, TimeUnit.SECONDS));
        }
        callers.shutdown();

        assertEquals(1, wecom.requests("gettoken").size());
    }

    @Test
    void cachedTokenIsReusedUntilItIsAboutToExpire() {
        AccessTokens tokens = tokens();
        assertEquals("token-1", tokens.token(Credential.KF));
        clock.advance(Duration.ofSeconds(7190));
        assertEquals("token-1", tokens.token(Credential.KF));
        clock.advance(Duration.ofSeconds(6));
        assertEquals("token-2", tokens.token(Credential.KF));
        assertEquals(2, wecom.requests("gettoken").size());
    }

    @Test
    void badSecretBlocksGettokenWithoutAskingWeComAgain() {
        AccessTokens tokens = tokens();
        wecom.script("gettoken", BAD_SECRET_ANSWER, BAD_SECRET_ANSWER);

        TokenUnavailableException first = assertThrows(TokenUnavailableException.class,
                () -> tokens.token(Credential.KF));
        TokenUnavailableException second = assertThrows(TokenUnavailableException.class,
                () -> tokens.token(Credential.KF));

        assertEquals(1, wecom.requests("gettoken").size());
        assertEquals(40001, first.errcode());
        assertEquals(40001, second.errcode());
        assertEquals(clock.instant().plus(Duration.ofMinutes(10)), second.blockedUntil());
        assertFalse(second.getMessage().contains(KF_SECRET));
        StoredToken row = store.rows.values().iterator().next();
        assertEquals(second.blockedUntil(), row.blockedUntil());
        assertEquals(40001, row.lastErrcode());
        assertFalse(row.lastError().contains(KF_SECRET), row.lastError());
    }

    @Test
    void blockSurvivesARestart() {
        wecom.script("gettoken", BAD_SECRET_ANSWER);
        assertThrows(TokenUnavailableException.class, () -> tokens().token(Credential.KF));

        AccessTokens afterRestart = tokens();

        assertThrows(TokenUnavailableException.class, () -> afterRestart.token(Credential.KF));
        assertTrue(afterRestart.status(Credential.KF).blocked());
        assertEquals(1, wecom.requests("gettoken").size());
    }

    @Test
    void blockEndsByItselfAndDoublesOnTheNextRefusal() {
        AccessTokens tokens = tokens();
        wecom.script("gettoken", BAD_SECRET_ANSWER, BAD_SECRET_ANSWER);
        assertThrows(TokenUnavailableException.class, () -> tokens.token(Credential.KF));
        clock.advance(Duration.ofMinutes(10));

        TokenUnavailableException again = assertThrows(TokenUnavailableException.class,
                () -> tokens.token(Credential.KF));

        assertEquals(2, wecom.requests("gettoken").size());
        assertEquals(clock.instant().plus(Duration.ofMinutes(20)), again.blockedUntil());
    }

    @Test
    void resetBlockLetsGettokenBeTriedAgain() {
        AccessTokens tokens = tokens();
        wecom.script("gettoken", BAD_SECRET_ANSWER);
        assertThrows(TokenUnavailableException.class, () -> tokens.token(Credential.KF));

        tokens.resetBlock(Credential.KF);

        assertEquals("token-1", tokens.token(Credential.KF));
        assertEquals(2, wecom.requests("gettoken").size());
        TokenStatus status = tokens.status(Credential.KF);
        assertTrue(status.hasToken());
        assertFalse(status.blocked());
        assertEquals(0, status.failureCount());
    }

    @Test
    void changedSecretIsANewCredentialAndNotBlocked() {
        wecom.script("gettoken", BAD_SECRET_ANSWER);
        assertThrows(TokenUnavailableException.class, () -> tokens().token(Credential.KF));

        AccessTokens fixed = tokens(wecom.config("the-corrected-secret", APP_SECRET));

        assertEquals("token-1", fixed.token(Credential.KF));
    }

    @Test
    void otherErrorsDoNotBlock() {
        AccessTokens tokens = tokens();
        wecom.script("gettoken", "{\"errcode\":60020,\"errmsg\":\"not allow to access from your ip\"}");

        TokenUnavailableException failure = assertThrows(TokenUnavailableException.class,
                () -> tokens.token(Credential.KF));

        assertNull(failure.blockedUntil());
        assertEquals(60020, failure.errcode());
        assertEquals("token-1", tokens.token(Credential.KF));
    }

    @Test
    void identicalSecretsShareOneCachedToken() {
        AccessTokens tokens = tokens(wecom.config("one-secret", "one-secret"));

        assertEquals(tokens.token(Credential.KF), tokens.token(Credential.APP));
        assertEquals(1, wecom.requests("gettoken").size());
        assertEquals(1, store.rows.size());
    }

    @Test
    void differentSecretsGetTheirOwnTokens() {
        AccessTokens tokens = tokens();

        assertNotEquals(tokens.token(Credential.KF), tokens.token(Credential.APP));
        assertEquals(Set.of(KF_SECRET, APP_SECRET), Set.copyOf(wecom.requests("gettoken").stream()
                .map(r -> r.query().get("corpsecret")).toList()));
    }

    @Test
    void restartReusesTheStoredUnexpiredToken() {
        assertEquals("token-1", tokens().token(Credential.KF));

        AccessTokens afterRestart = tokens();

        assertEquals("token-1", afterRestart.token(Credential.KF));
        assertEquals(1, wecom.requests("gettoken").size());
    }

    @Test
    void storedTokenIsSealedAndOpensOnlyWithItsSecretAndRow() {
        AccessTokens tokens = tokens();
        String token = tokens.token(Credential.KF);
        StoredToken row = store.rows.values().iterator().next();

        assertFalse(row.tokenSealed().contains(token));
        assertEquals(token, new TokenSeal(KF_SECRET).unseal(row.tokenSealed(), row.credentialKey()));
        assertNull(new TokenSeal(APP_SECRET).unseal(row.tokenSealed(), row.credentialKey()));
        assertNull(new TokenSeal(KF_SECRET).unseal(row.tokenSealed(), "another-row"));
    }

    @Test
    void sealRoundTripsAndNeverContainsTheToken() {
        TokenSeal seal = new TokenSeal("secret");
        String token = "ACCESS_TOKEN_" + "x".repeat(500);

        String sealed = seal.seal(token, "key");

        assertFalse(sealed.contains("ACCESS_TOKEN"));
        assertTrue(sealed.length() <= 1200, "fits token_sealed VARCHAR(1200)");
        assertEquals(token, seal.unseal(sealed, "key"));
        assertNotEquals(sealed, seal.seal(token, "key"), "a fresh IV every time");
    }

    @Test
    void credentialKeyIsHexSha256OfCorpIdAndSecret() {
        assertEquals(64, TokenKey.hash("ww1", "s").length());
        assertEquals(TokenKey.hash("ww1", "s"), TokenKey.hash("ww1", "s"));
        assertNotEquals(TokenKey.hash("ww1", "s"), TokenKey.hash("ww2", "s"));
    }

    @Test
    void invalidatingAStaleTokenKeepsTheCurrentOne() {
        AccessTokens tokens = tokens();
        String first = tokens.token(Credential.KF);
        tokens.invalidate(Credential.KF, first);
        String second = tokens.token(Credential.KF);

        tokens.invalidate(Credential.KF, first);

        assertEquals(second, tokens.token(Credential.KF));
        assertEquals(2, wecom.requests("gettoken").size());
    }

    @Test
    void invalidatedTokenIsNotReusedAfterARestart() {
        AccessTokens tokens = tokens();
        tokens.invalidate(Credential.KF, tokens.token(Credential.KF));

        assertEquals("token-2", tokens().token(Credential.KF));
    }

    @Test
    void refreshIfDueFetchesOnlyWhenDueAndSaysWhenNext() {
        AccessTokens tokens = tokens();
        Instant fetched = clock.instant();

        assertEquals(fetched.plusSeconds(7000), tokens.refreshIfDue(Credential.KF));
        clock.advance(Duration.ofSeconds(100));
        assertEquals(fetched.plusSeconds(7000), tokens.refreshIfDue(Credential.KF));
        assertEquals(1, wecom.requests("gettoken").size());

        clock.advance(Duration.ofSeconds(6900));
        assertEquals(clock.instant().plusSeconds(7000), tokens.refreshIfDue(Credential.KF));
        assertEquals(2, wecom.requests("gettoken").size());
        assertEquals("token-2", tokens.token(Credential.KF));
    }

    @Test
    void failedRefreshKeepsTheStillValidToken() {
        AccessTokens tokens = tokens();
        tokens.token(Credential.KF);
        clock.advance(Duration.ofSeconds(7000));
        wecom.script("gettoken", "{\"errcode\":-1,\"errmsg\":\"system busy\"}");

        assertEquals(clock.instant().plusSeconds(15), tokens.refreshIfDue(Credential.KF));
        assertEquals("token-1", tokens.token(Credential.KF));
    }

    @Test
    void unconfiguredCredentialIsNeitherRefreshedNorFetched() {
        AccessTokens tokens = tokens(wecom.config(KF_SECRET, null));

        assertNull(tokens.refreshIfDue(Credential.APP));
        assertFalse(tokens.status(Credential.APP).configured());
        assertThrows(CredentialNotConfiguredException.class, () -> tokens.token(Credential.APP));
        assertTrue(wecom.requests().isEmpty());
    }

    @Test
    void statusShowsTheTokensTimesButNotTheToken() {
        AccessTokens tokens = tokens();
        Instant fetched = clock.instant();
        tokens.token(Credential.KF);

        TokenStatus status = tokens.status(Credential.KF);

        assertTrue(status.hasToken());
        assertEquals(fetched, status.refreshedAt());
        assertEquals(fetched.plusSeconds(7200), status.expiresAt());
        assertEquals(fetched.plusSeconds(7000), status.refreshDue());
        assertFalse(status.toString().contains("token-1"));
    }
}
