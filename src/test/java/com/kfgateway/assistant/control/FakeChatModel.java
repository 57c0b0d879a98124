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
import java.util.concurrent.atomic.AtomicInteger;
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

    /**
     * What to answer: an HTTP status and body, after waiting {@code delayMillis} (a slow or hanging model); the body
     * chunked, without a length, if {@code chunked}, and in pieces of {@code piece} bytes with {@code pauseMillis}
     * between them if {@code piece} is positive (a model that trickles).
     */
    public record Reply(int status, String body, long delayMillis, boolean chunked, int piece, long pauseMillis) {

        public Reply(int status, String body, long delayMillis) {
            this(status, body, delayMillis, false, 0, 0);
        }

        public static Reply content(String content) {
            return new Reply(200, reply(content), 0);
        }
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger abandoned = new AtomicInteger();
    public volatile int status = 200;
    public volatile String body = reply("Hello from the model");
    public volatile long delayMillis;
    /** See {@link Reply}: without a length, and in pieces with pauses between them. */
    public volatile boolean chunked;
    public volatile int piece;
    public volatile long pauseMillis;
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
            Reply reply = decide == null ? new Reply(status, body, delayMillis, chunked, piece, pauseMillis)
                    : decide.apply(call);
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(reply.status(), reply.chunked() ? 0 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    write(reply, bytes, out);
                }
            } catch (IOException e) {
                // The client stopped reading and closed the connection while the reply was still being written.
                abandoned.incrementAndGet();
            }
        });
        server.start();
    }

    private static void write(Reply reply, byte[] bytes, OutputStream out) throws IOException {
        int piece = reply.piece() > 0 ? reply.piece() : Math.max(1, bytes.length);
        for (int offset = 0; offset < bytes.length; offset += piece) {
            out.write(bytes, offset, Math.min(piece, bytes.length - offset));
            out.flush();
            try {
                Thread.sleep(reply.pauseMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("stopped", e);
            }
        }
    }

    /** Replies the client stopped reading before they were complete. */
    public int abandoned() {
        return abandoned.get();
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
