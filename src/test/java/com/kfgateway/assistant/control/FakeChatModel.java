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

/** An OpenAI-compatible server on loopback that records each request and answers as told. */
public final class FakeChatModel implements AutoCloseable {

    public record Received(String method, String path, String authorization, JsonObject body) {
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();
    public volatile int status = 200;
    public volatile String body = reply("Hello from the model");
    public volatile long delayMillis;
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
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), json));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    public static String reply(String content) {
        return Json.createObjectBuilder().add("id", "x").add("choices", Json.createArrayBuilder().add(Json
                .createObjectBuilder().add("index", 0).add("message", Json.createObjectBuilder().add("role",
                        "assistant").add("content", content)))).build().toString();
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
