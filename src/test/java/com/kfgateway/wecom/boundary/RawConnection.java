package com.kfgateway.wecom.boundary;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection written by hand, to see what the server does with the connection itself: whether it keeps
 * it, answers before the body is in, closes it. HTTP clients hide exactly that.
 */
final class RawConnection implements AutoCloseable {

    /**
     * A guard, not a measure: an answer that does not wait for the body takes milliseconds. It is below the
     * listener's own 30 s timeout, which would otherwise end a server's wait and pass a test that should fail; 15 s is
     * as long as the HTTP client in issue 9 waited.
     */
    private static final int GUARD_MILLIS = 15_000;

    /** An answer: the status, the headers (names in lower case) and the body by its Content-Length. */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RawConnection(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(GUARD_MILLIS);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream());
    }

    RawConnection send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    synchronized RawConnection send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** A chunked body's next chunk of {@code size} bytes, without the last chunk that would end it. */
    synchronized RawConnection sendChunk(int size) throws IOException {
        send(Integer.toHexString(size) + "\r\n");
        send(filler(size));
        return send("\r\n");
    }

    /**
     * From now on sends one more byte of body (a one-byte chunk if {@code chunked}) every 200 ms, until the
     * connection fails or is closed: a sender that never idles, so no server timeout ends the wait for it.
     */
    RawConnection trickle(boolean chunked) {
        Thread trickler = new Thread(() -> {
            try {
                while (!socket.isClosed()) {
                    if (chunked) {
                        sendChunk(1);
                    } else {
                        send(filler(1));
                    }
                    Thread.sleep(200);
                }
            } catch (IOException | InterruptedException e) {
                // The server closed the connection, or the test did: either way the trickle is over.
            }
        }, "trickle");
        trickler.setDaemon(true);
        trickler.start();
        return this;
    }

    Answer read() throws IOException {
        String statusLine = line();
        Map<String, String> headers = new HashMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers, body);
    }

    /** True when the server closed its side: the next read meets the end of the stream, not more bytes. */
    boolean closedByServer() throws IOException {
        return in.read() == -1;
    }

    static byte[] filler(int size) {
        byte[] bytes = new byte[size];
        java.util.Arrays.fill(bytes, (byte) 'A');
        return bytes;
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c == -1) {
                throw new IOException("the connection ended inside a response head");
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
