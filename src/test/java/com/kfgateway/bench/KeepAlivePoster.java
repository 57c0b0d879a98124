package com.kfgateway.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection that POSTs and reads the status, on a plain socket: no selector thread, no
 * futures, hardly an allocation per request, so the client's share of the 2 cores stays small and the same for both
 * targets. Understands what the two endpoints answer (Content-Length, or chunked) and reconnects when the server
 * closes. One per client thread; not thread-safe.
 */
final class KeepAlivePoster implements AutoCloseable {

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    KeepAlivePoster(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends the request and reads the whole response; returns the HTTP status. */
    int post(String pathAndQuery, byte[] body) throws IOException {
        if (socket == null) {
            connect();
        }
        byte[] head = ("POST " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        out.write(head);
        out.write(body);
        out.flush();
        return readResponse();
    }

    private int readResponse() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.split(" ", 3)[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0; size = Long.parseLong(
                    line().split(";")[0].trim(), 16)) {
                skip(size);
                line();
            }
            line();
        } else if (length > 0) {
            skip(length);
        }
        if (close) {
            close();
        }
        return code;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void skip(long bytes) throws IOException {
        for (long left = bytes; left > 0;) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed in a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setSoTimeout(30_000);
        out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        in = new BufferedInputStream(socket.getInputStream(), 8192);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
