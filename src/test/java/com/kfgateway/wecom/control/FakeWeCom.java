package com.kfgateway.wecom.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A scripted WeCom on loopback for unit tests: each path answers from its queue of replies, then with a default
 * ({@code gettoken} hands out token-1, token-2, …). Every request is recorded.
 */
final class FakeWeCom implements AutoCloseable {

    record Request(String method, String path, Map<String, String> query, String body) {
    }

    /**
     * What to answer. A streamed reply writes {@code stream}'s bytes instead of {@code body}, declaring
     * {@code length} (or chunked when it is 0), in pieces of {@code piece} bytes with {@code pauseMillis} between
     * them: a large or a trickling body that the fake never holds in memory.
     */
    record Reply(int status, String contentType, Map<String, String> headers, byte[] body, long delayMillis,
            Supplier<InputStream> stream, long length, int piece, long pauseMillis) {

        Reply(int status, String contentType, Map<String, String> headers, byte[] body, long delayMillis) {
            this(status, contentType, headers, body, delayMillis, null, body.length, 0, 0);
        }

        static Reply json(String json) {
            return new Reply(200, "application/json; charset=UTF-8", Map.of(), json.getBytes(StandardCharsets.UTF_8),
                    0);
        }

        /** {@code length} bytes from {@code stream}; {@code declared} false sends them chunked, without a length. */
        static Reply streamed(String contentType, long length, boolean declared, int piece, long pauseMillis,
                Supplier<InputStream> stream) {
            return new Reply(200, contentType, Map.of(), new byte[0], 0, stream, declared ? length : 0, piece,
                    pauseMillis);
        }

        Reply delayed(long millis) {
            return new Reply(status, contentType, headers, body, millis, stream, length, piece, pauseMillis);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private volatile long gettokenDelayMillis;

    FakeWeCom() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cgi-bin/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    WeComConfig config(String kfSecret, String appSecret) {
        return new WeComConfig("wwcorp", appSecret, "1000002", kfSecret, "cbtoken",
                "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", apiBase());
    }

    FakeWeCom script(String path, Reply... replies) {
        Deque<Reply> queue = scripts.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>());
        for (Reply reply : replies) {
            queue.add(reply);
        }
        return this;
    }

    FakeWeCom script(String path, String... jsonReplies) {
        for (String json : jsonReplies) {
            script(path, Reply.json(json));
        }
        return this;
    }

    void slowGettoken(long millis) {
        gettokenDelayMillis = millis;
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/cgi-bin/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), path, query(exchange.getRequestURI().getRawQuery()),
                body));
        Deque<Reply> queue = scripts.get(path);
        Reply reply = queue == null ? null : queue.poll();
        if (reply == null) {
            reply = path.equals("gettoken")
                    ? Reply.json("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"token-"
                            + tokensIssued.incrementAndGet() + "\",\"expires_in\":7200}").delayed(gettokenDelayMillis)
                    : Reply.json("{\"errcode\":0,\"errmsg\":\"ok\"}");
        }
        try {
            Thread.sleep(reply.delayMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.getResponseHeaders().add("Content-Type", reply.contentType());
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        try {
            exchange.sendResponseHeaders(reply.status(), reply.length());
            try (OutputStream out = exchange.getResponseBody()) {
                if (reply.stream() == null) {
                    out.write(reply.body());
                } else {
                    stream(reply, out);
                }
            }
        } catch (IOException e) {
            // The client gave up (timeout and limit tests): it closed the connection while we were still writing.
            abandoned.incrementAndGet();
        }
        exchange.close();
    }

    private static void stream(Reply reply, OutputStream out) throws IOException {
        try (InputStream in = reply.stream().get()) {
            byte[] buffer = new byte[reply.piece()];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
                Thread.sleep(reply.pauseMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("stopped", e);
        }
    }

    /** Replies the client stopped reading before they were complete. */
    int abandoned() {
        return abandoned.get();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
