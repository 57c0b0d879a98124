package com.kfgateway.sandbox.control;

import com.kfgateway.sandbox.entity.SimulatorResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** Serves a {@link WeComSimulator} under {@code /cgi-bin/} on 127.0.0.1; {@link #baseUri()} is the WECOM_API_BASE. */
public final class SimulatorHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private SimulatorHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds 127.0.0.1:{@code port} (0 = any free port) and starts serving. */
    public static SimulatorHttpServer start(WeComSimulator simulator, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ThreadFactory daemons = runnable -> {
            Thread thread = new Thread(runnable, "wecom-simulator-http");
            thread.setDaemon(true);
            return thread;
        };
        // Several threads: a delayed call must not hold up the product's other calls.
        ExecutorService executor = Executors.newFixedThreadPool(4, daemons);
        server.setExecutor(executor);
        server.createContext("/cgi-bin/", exchange -> serve(simulator, exchange));
        server.start();
        return new SimulatorHttpServer(server, executor);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void serve(WeComSimulator simulator, HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            SimulatorResponse response;
            try {
                response = simulator.handle(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        query(exchange.getRequestURI().getRawQuery()), body,
                        exchange.getRemoteAddress().getAddress().getHostAddress());
            } catch (RuntimeException e) {
                response = new SimulatorResponse(500, "text/plain; charset=UTF-8",
                        ("simulator failure: " + e).getBytes(StandardCharsets.UTF_8));
            }
            if (!response.answered()) {
                // Closing an exchange before its headers are sent closes the connection: the caller reads nothing.
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.httpStatus(),
                    response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    /** Decodes each parameter exactly once, as WeCom does. */
    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }
}
