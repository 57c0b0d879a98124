package com.kfgateway.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.delivery.control.RetryPolicy.Kind;
import com.kfgateway.wecom.control.ErrorCatalogue;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final ErrorCatalogue CATALOGUE = new ErrorCatalogue();
    private final RetryPolicy policy = new RetryPolicy(5);

    @ParameterizedTest(name = "errcode {0} → {1}")
    @CsvSource({
        "0, SENT",
        "-1, RETRY", "45009, RETRY", "45033, RETRY",
        "40014, RETRY", "42001, RETRY",
        "95001, FAIL", "95002, FAIL", "95018, FAIL", "95013, FAIL",
        "40096, FAIL", "44004, FAIL", "45002, FAIL", "48002, FAIL", "60020, FAIL", "95017, FAIL",
        "123456, FAIL",
    })
    void retriesOnlyWhatCanSucceedLater(int errcode, Kind expected) {
        assertEquals(expected, policy.afterErrcode(CATALOGUE.lookup(errcode), 1).kind());
    }

    @Test
    void permanentFailureCarriesTheCataloguesExplanationInBothLanguages() {
        String explanation = policy.afterErrcode(CATALOGUE.lookup(95018), 1).explanation();
        assertTrue(explanation.startsWith("95018 发送客服消息时当前会话状态不允许发送 / "), explanation);
        assertTrue(explanation.contains("Fix:"), explanation);
    }

    @Test
    void backsOffOneTwoFourEightSeconds() {
        assertEquals(Duration.ofSeconds(1), policy.afterErrcode(CATALOGUE.lookup(-1), 1).delay());
        assertEquals(Duration.ofSeconds(2), policy.afterErrcode(CATALOGUE.lookup(-1), 2).delay());
        assertEquals(Duration.ofSeconds(4), policy.afterErrcode(CATALOGUE.lookup(-1), 3).delay());
        assertEquals(Duration.ofSeconds(8), policy.afterErrcode(CATALOGUE.lookup(-1), 4).delay());
    }

    @Test
    void givesUpAtTheFifthAttempt() {
        RetryPolicy.Verdict verdict = policy.afterErrcode(CATALOGUE.lookup(-1), 5);
        assertEquals(Kind.FAIL, verdict.kind());
        assertTrue(verdict.explanation().contains("gave up after 5 attempts"));
    }

    @ParameterizedTest(name = "{0} HTTP {1} → {2}")
    @CsvSource({
        "0, RETRY", "502, RETRY", "503, RETRY", "429, RETRY", "404, FAIL", "403, FAIL",
    })
    void transportFailuresRetryUnlessTheRequestItselfIsWrong(int status, Kind expected) {
        assertEquals(expected, policy.afterTransportFailure("no answer", status, 1).kind());
    }

    @Test
    void missingTokenIsRetriedWithinTheLimit() {
        assertEquals(Kind.RETRY, policy.afterNoToken("gettoken failed", 2).kind());
        assertEquals(Kind.FAIL, policy.afterNoToken("gettoken failed", 5).kind());
    }
}
