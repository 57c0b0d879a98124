package com.kfgateway.assistant.control;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An OpenAI-compatible server on loopback that records each request and answers as told: with {@link #status},
 * {@link #body} and {@link #delayMillis}, or, when a {@link #responder} is set, with whatever it decides per request
 * (integration tests answer each customer differently).
 */
public final class FakeChatModel implements AutoCloseable {

    public record Received(String method, String path, String authorization, JsonObject body) {

        /** The chat messages sent, as (role, content) pairs in order; empty when the body has none. */
        public List<ChatMessage> messages() {
            if (body == null || !body.containsKey("messages")) {
                return List.of();
            }
            return body.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                    .map(m -> new ChatMessage(m.getString("role", ""), m.getString("content", ""))).toList();
        }

        /** The content of the last "user" message: what the customer just asked. */
        public String lastUserMessage() {
            List<ChatMessage> messages = messages();
            for (int i = messages.size() - 1; i >= 0; i--) {
                if (messages.get(i).role().equals("user")) {
                    return messages.get(i).content();
                }
            }
            return "";
        }
    }

    /** One chat message as the model received it. */
    public record ChatMessage(String role, String content) {
    }

    /** What to answer: an HTTP status and body, after waiting {@code delayMillis} (a slow or hanging model). */
    public record Reply(int status, String body, long delayMillis) {

        public static Reply content(String content) {
            return new Reply(200, reply(content), 0);
        }
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();
    public volatile int status = 200;
    public volatile String body = reply("Hello from the model");
    public volatile long delayMillis;
    /** When set, decides every reply (may block); status, body and delayMillis are then ignored. */
    public volatile Function<Received, Reply> responder;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-chat-model");
        thread.setDaemon(true);
        return thread;
    });

    public FakeChatModel() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonObject json = request.isEmpty() ? null : Json.createReader(new StringReader(request)).readObject();
            Received call = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), json);
            received.add(call);
            Function<Received, Reply> decide = responder;
            Reply reply = decide == null ? new Reply(status, body, delayMillis) : decide.apply(call);
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    public static String reply(String content) {
        return Json.createObjectBuilder().add("id", "x").add("choices", Json.createArrayBuilder().add(Json
                .createObjectBuilder().add("index", 0).add("message", Json.createObjectBuilder().add("role",
                        "assistant").add("content", content))))
                .build().toString();
    }

    /** Like {@code http://127.0.0.1:port/v1} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
