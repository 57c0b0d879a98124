package com.kfgateway.sandbox.control;

import com.kfgateway.wecom.control.CallbackCrypto;
import com.kfgateway.wecom.control.CallbackCryptoException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The product's side of the callback, reduced to what WeCom checks: it records every request and answers the URL
 * check by decrypting echostr with the corp's real callback Token.
 */
final class CallbackReceiver implements AutoCloseable {

    record Received(String method, Map<String, String> query, String body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    volatile String echoSuffix = "";
    private final CallbackCrypto crypto;
    private final HttpServer server;

    CallbackReceiver() {
        try {
            crypto = new CallbackCrypto(RunningSimulator.CALLBACK_TOKEN, RunningSimulator.AES_KEY,
                    RunningSimulator.CORP_ID);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CallbackCryptoException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/wecom/callback", this::receive);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/wecom/callback");
    }

    CallbackCrypto crypto() {
        return crypto;
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = decodeOnce(exchange.getRequestURI().getRawQuery());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), query, body));
            byte[] answer = new byte[0];
            if (exchange.getRequestMethod().equals("GET")) {
                try {
                    answer = (crypto.verifyAndDecrypt(query.get("msg_signature"), query.get("timestamp"),
                            query.get("nonce"), query.get("echostr")) + echoSuffix).getBytes(StandardCharsets.UTF_8);
                } catch (CallbackCryptoException e) {
                    exchange.sendResponseHeaders(403, -1);
                    return;
                }
            }
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static Map<String, String> decodeOnce(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
