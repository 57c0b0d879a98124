package com.kfgateway.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * How the bot handled one customer's messages, read from the admin API's timeline. Quick lines are answered together
 * as one turn, so "one answer per message" is no longer what holds; what holds is: every message answered, and
 * exactly one answer per turn (the newest message of a turn carries the answer, the others say they were answered
 * together with it).
 */
public record Turns(List<String> handlings, List<String> notes, int turns) {

    private static final String TOGETHER = "answered together with";

    /** The customer's messages as stored by the gateway at {@code base}; empty when it has no conversation yet. */
    public static Turns of(URI base, String externalUserid) {
        JsonArray found = get(base, "/api/admin/conversations?q=" + URLEncoder.encode(externalUserid,
                StandardCharsets.UTF_8)).getJsonArray("items");
        if (found.isEmpty()) {
            return new Turns(List.of(), List.of(), 0);
        }
        long id = found.getJsonObject(0).getJsonNumber("id").longValue();
        List<JsonObject> customer = get(base, "/api/admin/conversations/" + id + "/messages").getJsonArray("items")
                .getValuesAs(JsonObject.class).stream()
                .filter(item -> "CUSTOMER".equals(item.getString("speaker"))).toList();
        List<String> handlings = customer.stream().map(item -> item.getString("handling", "?")).toList();
        List<String> notes = customer.stream().map(item -> item.getString("handlingNote", "")).toList();
        int turns = (int) customer.stream().filter(item -> "ANSWERED".equals(item.getString("handling", null))
                && !item.getString("handlingNote", "").startsWith(TOGETHER)).count();
        return new Turns(handlings, notes, turns);
    }

    /** Every one of the customer's {@code expected} messages is stored and ANSWERED. */
    public boolean allAnswered(int expected) {
        return handlings.size() == expected && handlings.stream().allMatch("ANSWERED"::equals);
    }

    private static JsonObject get(URI base, String path) {
        String basic = Base64.getEncoder().encodeToString((TestGateway.ADMIN_USER + ":" + TestGateway.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Basic " + basic)
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return Json.createReader(new StringReader(response.body())).readObject();
        } catch (IOException e) {
            throw new AssertionError(path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
}
