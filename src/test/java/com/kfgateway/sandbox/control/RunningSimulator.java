package com.kfgateway.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kfgateway.sandbox.entity.SimulatedCorp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** A simulator seeded with one managed account, two servicers and a customer, served over real HTTP. */
final class RunningSimulator implements AutoCloseable {

    static final String CORP_ID = "ww5823bf96d3bd56c7";
    static final String APP_SECRET = "app-secret-0123456789";
    static final String KF_SECRET = "kf-secret-0123456789";
    static final int AGENT_ID = 1000002;
    static final String CALLBACK_TOKEN = "QDG6eK";
    static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final String KF = "wkAJ2GCAAAZSfhHCt7IFSvLKtMPxyJTw";
    static final String CUSTOMER = "wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw";
    static final String ALICE = "alice";
    static final String BOB = "bob";

    final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T08:00:00Z"));
    final WeComSimulator simulator;
    final SimulatorFaults faults;
    final SimulatorProbe probe;
    final SimulatorHttpServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    RunningSimulator() {
        this(new SimulatedCorp(CORP_ID, APP_SECRET, AGENT_ID, KF_SECRET, CALLBACK_TOKEN, AES_KEY));
    }

    RunningSimulator(SimulatedCorp corp) {
        simulator = new WeComSimulator(corp, clock);
        faults = new SimulatorFaults(simulator);
        probe = new SimulatorProbe(simulator);
        simulator.admin().addAccount(KF, "Support", true);
        simulator.admin().addServicer(KF, ALICE, true);
        simulator.admin().addServicer(KF, BOB, false);
        simulator.addCustomer(CUSTOMER, "Wang");
        try {
            server = SimulatorHttpServer.start(simulator, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonObject getToken(String corpId, String secret) {
        return get("gettoken", Map.of("corpid", corpId, "corpsecret", secret));
    }

    String kfToken() {
        return token(KF_SECRET);
    }

    String appToken() {
        return token(APP_SECRET);
    }

    private String token(String secret) {
        JsonObject answer = getToken(CORP_ID, secret);
        assertEquals(0, answer.getInt("errcode"), answer.toString());
        return answer.getString("access_token");
    }

    JsonObject get(String api, Map<String, String> query) {
        return json(send("GET", api, query, null));
    }

    JsonObject post(String api, String accessToken, String body) {
        return json(send("POST", api, Map.of("access_token", accessToken), body));
    }

    JsonObject post(String api, String accessToken, JsonObject body) {
        return post(api, accessToken, body.toString());
    }

    HttpResponse<byte[]> send(String method, String api, Map<String, String> query, String body) {
        String queryText = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(server.baseUri() + "/cgi-bin/" + api + (queryText.isEmpty() ? "" : "?" + queryText));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(HttpResponse<byte[]> response) {
        assertEquals(200, response.statusCode());
        return Json.createReader(new StringReader(new String(response.body(), StandardCharsets.UTF_8))).readObject();
    }

    static JsonObject body(String json) {
        return Json.createReader(new StringReader(json.replace('\'', '"'))).readObject();
    }

    @Override
    public void close() {
        server.close();
    }
}
