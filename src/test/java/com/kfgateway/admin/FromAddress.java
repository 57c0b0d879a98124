package com.kfgateway.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HTTP/1.1 requests sent from a chosen loopback address (any of 127.0.0.0/8 on Linux), so a test can play many
 * clients, each with its own socket address as the server sees it, without touching the 127.0.0.1 that every
 * other test uses. Java 17's HttpClient cannot bind a local address, hence a plain socket.
 */
final class FromAddress {

    /** Status and headers (names in lower case) of one answer. */
    record Reply(int status, Map<String, String> headers) {
    }

    private final InetAddress local;

    private FromAddress(InetAddress local) {
        this.local = local;
    }

    /** A loopback address no other test uses. */
    static FromAddress fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            return new FromAddress(InetAddress.getByAddress(new byte[]{127, (byte) random.nextInt(10, 250),
                (byte) random.nextInt(1, 250), (byte) random.nextInt(2, 250)}));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    String address() {
        return local.getHostAddress();
    }

    Reply get(URI base, String path, String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAuthorization: Basic " + credentials + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return parse(readHead(socket.getInputStream()));
        } catch (IOException e) {
            throw new AssertionError("request from " + address() + " failed", e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0d0a0d0a) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static Reply parse(String head) {
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return new Reply(status, headers);
    }
}
