package com.kfgateway.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.wecom.control.WeComConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxConfigSourceTest {

    private static final Set<String> WECOM_KEYS = Set.of("wecom.corp-id", "wecom.secret", "wecom.agent-id",
            "wecom.kf-secret", "wecom.callback-token", "wecom.callback-aes-key", "wecom.api-base");

    private static final SandboxActivation ON = SandboxActivation.of(List.of(FakeConfigSource.environment(Map.of())));
    private static final SandboxActivation OFF = SandboxActivation.of(List.of(
            FakeConfigSource.environment(Map.of("WECOM_CORP_ID", "ww0123456789abcdef"))));

    @AfterEach
    void stopSandbox() {
        SandboxWeCom.stop();
    }

    @Test
    void inSandboxModeTheDoctorsAlertsGoToAMemberOfTheSimulatedCorp() {
        SandboxConfigSource source = new SandboxConfigSource(() -> ON);
        assertEquals(SandboxSeed.RECEPTIONIST_ALICE, source.getValue("doctor.alert-to"));
        assertTrue(source.getPropertyNames().contains("doctor.alert-to"));
        assertNull(new SandboxConfigSource(() -> OFF).getValue("doctor.alert-to"), "a real corp keeps its own");
    }

    @Test
    void outsideSandboxModeSuppliesNothing() {
        SandboxConfigSource source = new SandboxConfigSource(() -> OFF);
        assertTrue(source.getPropertyNames().isEmpty());
        WECOM_KEYS.forEach(key -> assertNull(source.getValue(key), key));
    }

    @Test
    void doesNotDecideWhileTheConfigAsksForKeysOfOthers() {
        SandboxConfigSource source = new SandboxConfigSource(() -> {
            throw new AssertionError("decided while the Config was being built");
        });
        assertNull(source.getValue("mp.config.profile"));
    }

    @Test
    void ranksAboveSystemPropertiesAndEnvironment() {
        assertTrue(new SandboxConfigSource(() -> ON).getOrdinal() > 400);
    }

    @Test
    void inSandboxModeSuppliesAUsableConfigurationForEveryWeComKey() {
        SandboxConfigSource source = new SandboxConfigSource(() -> ON);
        assertTrue(source.getPropertyNames().containsAll(WECOM_KEYS), source.getPropertyNames().toString());
        WeComConfig config = new WeComConfig(source.getValue("wecom.corp-id"), source.getValue("wecom.secret"),
                source.getValue("wecom.agent-id"), source.getValue("wecom.kf-secret"),
                source.getValue("wecom.callback-token"), source.getValue("wecom.callback-aes-key"),
                source.getValue("wecom.api-base"));
        assertEquals(List.of(), config.problems());
        assertNull(source.getValue("wecom.http-timeout-seconds"));
    }

    @Test
    void theApiBaseIsTheSimulatorAcceptingTheSuppliedSecret() throws IOException, InterruptedException {
        SandboxConfigSource source = new SandboxConfigSource(() -> ON);
        URI gettoken = URI.create(source.getValue("wecom.api-base") + "/cgi-bin/gettoken?corpid="
                + source.getValue("wecom.corp-id") + "&corpsecret=" + source.getValue("wecom.kf-secret"));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(gettoken).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.body().contains("\"errcode\":0"), answer.body());
    }

    @Test
    void everyStartDrawsNewSecrets() {
        String first = new SandboxConfigSource(() -> ON).getValue("wecom.secret");
        SandboxWeCom.stop();
        String second = new SandboxConfigSource(() -> ON).getValue("wecom.secret");
        assertNotEquals(first, second);
    }
}
