package com.kfgateway.sandbox.control;

import static com.kfgateway.sandbox.control.FakeConfigSource.environment;
import static com.kfgateway.sandbox.control.FakeConfigSource.systemProperties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxActivationTest {

    private static final Map<String, String> UNRELATED = Map.of("PATH", "/usr/bin", "HOME", "/home/kf", "LANG", "C");
    private static final Map<String, String> COMPLETE_CORP = Map.of("WECOM_CORP_ID", "ww0123456789abcdef",
            "WECOM_SECRET", "s", "WECOM_AGENT_ID", "1000002", "WECOM_KF_SECRET", "s", "WECOM_CALLBACK_TOKEN", "t",
            "WECOM_CALLBACK_AES_KEY", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C");

    private static SandboxActivation decide(ConfigSource... sources) {
        return SandboxActivation.of(List.of(sources));
    }

    private static SandboxActivation withEnvironment(Map<String, String> variables) {
        return decide(environment(variables), systemProperties(Map.of("java.version", "17")));
    }

    @Test
    void isOnWhenNothingOfARealInstallationIsConfigured() {
        SandboxActivation decision = withEnvironment(UNRELATED);
        assertTrue(decision.active());
        assertTrue(decision.problems().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"WECOM_CORP_ID", "WECOM_SECRET", "WECOM_AGENT_ID", "WECOM_KF_SECRET",
        "WECOM_CALLBACK_TOKEN", "WECOM_CALLBACK_AES_KEY", "WECOM_API_BASE"})
    void anyOneWeComCredentialKeepsItOff(String variable) {
        SandboxActivation decision = withEnvironment(Map.of(variable, "x"));
        assertFalse(decision.active());
        assertEquals(List.of(variable), decision.mode().credentialsSet());
    }

    @Test
    void aCorpIdInMicroprofileConfigPropertiesKeepsItOff() {
        assertFalse(decide(environment(UNRELATED), new FakeConfigSource(
                "PropertiesConfigSource[source=META-INF/microprofile-config.properties]", 100,
                Map.of("wecom.corp-id", "ww0123456789abcdef"))).active());
    }

    @Test
    void aCorpIdSetWithTheServersOwnConfigKeepsItOff() {
        // asadmin set-config-property, a secrets directory: sources of the server, below the environment's ordinal.
        assertFalse(decide(environment(UNRELATED), new FakeConfigSource("Domain", 110,
                Map.of("wecom.corp-id", "ww0123456789abcdef"))).active());
        assertFalse(decide(environment(UNRELATED), new FakeConfigSource("Secrets Directory", 120,
                Map.of("wecom.kf-secret", "s3cret"))).active());
    }

    @Test
    void aLowercaseEnvironmentVariableKeepsItOff() {
        SandboxActivation decision = withEnvironment(Map.of("wecom_corp_id", "ww0123456789abcdef"));
        assertFalse(decision.active());
        assertEquals(List.of("WECOM_CORP_ID"), decision.mode().credentialsSet());
    }

    @Test
    void aMisspeltWeComVariableKeepsItOffAndSaysWhatItProbablyMeans() {
        SandboxActivation decision = withEnvironment(Map.of("WECOM_CORPID", "ww0123456789abcdef"));
        assertFalse(decision.active());
        assertEquals(List.of("WECOM_CORPID (WECOM_CORP_ID?)"), decision.mode().unknownSettings());
        assertEquals(1, decision.problems().size());
        assertTrue(decision.problems().get(0).contains("WECOM_CORPID (WECOM_CORP_ID?)"), decision.problems().get(0));
    }

    @Test
    void theHttpTimeoutIsNoCredential() {
        assertTrue(withEnvironment(Map.of("WECOM_HTTP_TIMEOUT_SECONDS", "5")).active());
    }

    @Test
    void aHalfConfiguredCorpIsLoudAndNamesWhatIsMissing() {
        SandboxActivation decision = withEnvironment(Map.of("WECOM_CORP_ID", "ww0123456789abcdef",
                "WECOM_KF_SECRET", "s"));
        assertFalse(decision.active());
        assertEquals(List.of("WECOM_SECRET", "WECOM_AGENT_ID", "WECOM_CALLBACK_TOKEN", "WECOM_CALLBACK_AES_KEY"),
                decision.mode().credentialsMissing());
        assertEquals(1, decision.problems().size());
        assertTrue(decision.problems().get(0).contains("WECOM_SECRET, WECOM_AGENT_ID"), decision.problems().get(0));
        assertFalse(decision.problems().get(0).contains("ww0123456789abcdef"), "names only, never values");
    }

    @Test
    void aCompleteCorpIsQuietEvenWithoutTheApiBase() {
        SandboxActivation decision = withEnvironment(COMPLETE_CORP);
        assertFalse(decision.active());
        assertTrue(decision.problems().isEmpty(), decision.problems().toString());
    }

    @Test
    void sandboxEnabledTrueCannotForceItOnBesideACorpAndSaysSo() {
        SandboxActivation decision = decide(environment(COMPLETE_CORP),
                systemProperties(Map.of("sandbox.enabled", "true")));
        assertFalse(decision.active());
        assertEquals(1, decision.problems().size());
        assertTrue(decision.problems().get(0).startsWith("SANDBOX_ENABLED=true is IGNORED"),
                decision.problems().get(0));
    }

    @Test
    void sandboxEnabledFalseKeepsItOffWithoutACorp() {
        assertFalse(withEnvironment(Map.of("SANDBOX_ENABLED", "false")).active());
    }

    @Test
    void theHighestOrdinalSaysWhetherTheSandboxIsEnabled() {
        assertFalse(decide(environment(Map.of("SANDBOX_ENABLED", "true")),
                systemProperties(Map.of("sandbox.enabled", "false"))).active());
    }

    @Test
    void aBlankCorpIdCountsAsUnset() {
        assertTrue(withEnvironment(Map.of("WECOM_CORP_ID", "  ")).active());
    }

    @Test
    void anotherDatabaseKeepsItOffUnlessTheSandboxIsAskedFor() {
        Map<String, String> postgres = Map.of("DB_URL", "jdbc:postgresql://db:5432/kfgateway");
        SandboxActivation decision = withEnvironment(postgres);
        assertFalse(decision.active());
        assertTrue(decision.mode().customDatabase());
        assertTrue(decision.notice().orElseThrow().contains("no WeCom corp is configured"));
        assertTrue(decide(environment(postgres), systemProperties(Map.of("sandbox.enabled", "true"))).active());
    }

    @Test
    void aCorpOnAnotherDatabaseNeedsNoNotice() {
        Map<String, String> corp = new java.util.HashMap<>(COMPLETE_CORP);
        corp.put("DB_URL", "jdbc:postgresql://db:5432/kfgateway");
        SandboxActivation decision = withEnvironment(corp);
        assertFalse(decision.active());
        assertTrue(decision.notice().isEmpty(), "a corp is configured: " + decision.notice());
    }

    @Test
    void theBuiltInH2FileIsTheDefaultDatabaseWithOrWithoutOptions() {
        assertTrue(withEnvironment(Map.of("DB_URL", "jdbc:h2:file:./data/kf-gateway")).active());
        assertTrue(withEnvironment(Map.of("DB_URL", "jdbc:h2:file:./data/kf-gateway;WRITE_DELAY=0")).active());
        assertFalse(withEnvironment(Map.of("DB_URL", "jdbc:h2:file:./data/kf-gateway-prod")).active());
    }

    @Test
    void theSandboxsOwnSourceHasNoVote() {
        SandboxConfigSource own = new SandboxConfigSource(() -> {
            throw new AssertionError("the decision asked the sandbox's own source");
        });
        assertTrue(decide(own, environment(UNRELATED)).active());
    }

    @Test
    void callbackUrlComesFromTheConfiguration() {
        assertNull(withEnvironment(UNRELATED).configuredCallbackUrl());
        assertEquals("http://127.0.0.1:9000/kf/api/wecom/callback",
                withEnvironment(Map.of("SANDBOX_CALLBACK_URL", "http://127.0.0.1:9000/kf/api/wecom/callback"))
                        .configuredCallbackUrl());
    }
}
