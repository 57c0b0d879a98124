package com.kfgateway.wecom.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeComConfigTest {

    private static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private static final String KF_SECRET = "kf-secret-value-123";

    private static WeComConfig config(String corpId, String appSecret, String agentId, String kfSecret, String token,
            String aesKey, String apiBase) {
        return new WeComConfig(corpId, appSecret, agentId, kfSecret, token, aesKey, apiBase);
    }

    @Test
    void completeConfigurationHasNoProblems() {
        assertEquals(List.of(), config("ww0123456789abcdef", "app", "1000002", KF_SECRET, "tok", AES_KEY, null)
                .problems());
    }

    @Test
    void eachMissingVariableIsNamedWithWhatItIs() {
        List<String> problems = config(null, null, null, null, null, null, null).problems();
        for (String variable : List.of("WECOM_CORP_ID", "WECOM_KF_SECRET", "WECOM_CALLBACK_TOKEN",
                "WECOM_CALLBACK_AES_KEY", "WECOM_SECRET", "WECOM_AGENT_ID")) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(variable + " is not set")), variable);
        }
    }

    @Test
    void blankValuesCountAsMissing() {
        WeComConfig config = config("  ", "", "1", KF_SECRET, "t", AES_KEY, null);
        assertNull(config.corpId());
        assertFalse(config.corpConfigured());
        assertTrue(config.problems().stream().anyMatch(p -> p.startsWith("WECOM_CORP_ID is not set")));
    }

    @Test
    void aesKeyOfWrongLengthIsMalformedWithoutEchoingIt() {
        String shortKey = AES_KEY.substring(0, 40);
        List<String> problems = config("ww1", "a", "1", KF_SECRET, "t", shortKey, null).problems();
        String problem = problems.stream().filter(p -> p.startsWith("WECOM_CALLBACK_AES_KEY is malformed"))
                .findFirst().orElseThrow();
        assertTrue(problem.contains("40 characters"), problem);
        assertFalse(problem.contains(shortKey), "the key itself never appears in a message");
    }

    @Test
    void theCallbackIsUsableOnlyWithATokenAndAWellFormedKey() {
        assertTrue(config("ww1", "a", "1", KF_SECRET, "t", AES_KEY, null).callbackUsable());
        assertFalse(config("ww1", "a", "1", KF_SECRET, "t", AES_KEY.substring(0, 42), null).callbackUsable());
        assertFalse(config("ww1", "a", "1", KF_SECRET, " ", AES_KEY, null).callbackUsable());
    }

    @Test
    void agentIdMustBeANumber() {
        WeComConfig config = config("ww1", "a", "10000x2", KF_SECRET, "t", AES_KEY, null);
        assertNull(config.agentId());
        assertTrue(config.problems().contains("WECOM_AGENT_ID is malformed: it must be a whole number (the app's "
                + "AgentId)"));
    }

    @Test
    void apiBaseDefaultsToWeComAndLosesItsTrailingSlash() {
        assertEquals(WeComConfig.DEFAULT_API_BASE, config("ww1", "a", "1", KF_SECRET, "t", AES_KEY, null).apiBase());
        assertEquals("http://127.0.0.1:9000", config("ww1", "a", "1", KF_SECRET, "t", AES_KEY,
                "http://127.0.0.1:9000/").apiBase());
    }

    @Test
    void apiBaseThatIsNotAnHttpUrlIsAProblem() {
        assertTrue(config("ww1", "a", "1", KF_SECRET, "t", AES_KEY, "qyapi.weixin.qq.com").problems().stream()
                .anyMatch(p -> p.startsWith("WECOM_API_BASE is malformed")));
    }

    @Test
    void noProblemEverContainsASecret() {
        String secret = "s3cr3t-value-that-must-not-leak";
        String joined = String.join("\n", config("ww1 bad id!", secret, "x", secret, secret, secret + "!", "nope")
                .problems());
        assertFalse(joined.contains(secret), joined);
    }
}
