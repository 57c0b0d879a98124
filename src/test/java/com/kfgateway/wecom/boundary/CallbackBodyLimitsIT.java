package com.kfgateway.wecom.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.it.TestGateway;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import com.kfgateway.wecom.boundary.RawConnection.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Too much body, on a connection kept alive by an honest first request: the server answers 413 without waiting for
 * the rest and then closes the connection (end of stream), instead of keeping the socket open for bytes that may
 * never come. Each sender here sends the start of its body and then trickles the rest, a byte every 200 ms, as a
 * slow or hostile one would: the connection never idles, so no server timeout can end a wait for the body, and a
 * server that waits hangs until the socket's guard fails the test.
 */
@ExtendWith(TestGateway.Extension.class)
class CallbackBodyLimitsIT {

    private static final int MEGABYTES_3 = 3 * 1024 * 1024;
    /** Over the endpoint's 8 KiB, under the listener's 1 MiB: only the endpoint itself can refuse it. */
    private static final int KILOBYTES_512 = 512 * 1024;

    private final TestGateway gateway = TestGateway.get();

    @Test
    void threeMegabytesOnAKeptAliveConnectionGet413AndTheConnectionCloses() throws Exception {
        try (RawConnection connection = keptAlive()) {
            connection.send(post(MEGABYTES_3)).send(RawConnection.filler(16 * 1024)).trickle(false);

            Answer refused = connection.read();

            assertEquals(413, refused.status());
            assertEquals("close", refused.header("Connection"));
            assertTrue(connection.closedByServer(), "the server closes instead of waiting for the other 3 MB");
        }
    }

    @Test
    void declaredLengthOverTheEnvelopeLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
        try (RawConnection connection = keptAlive()) {
            connection.send(post(KILOBYTES_512)).send(RawConnection.filler(1024)).trickle(false);

            Answer refused = connection.read();

            assertEquals(413, refused.status(), "answered before the endpoint's 8 KiB could have come in");
            assertEquals(0, refused.body().length, "no detail for an attacker");
            assertEquals("close", refused.header("Connection"));
            assertTrue(connection.closedByServer(), "the server closes instead of waiting for the rest");
        }
    }

    @Test
    void chunkedBodyWithoutLengthIsCutOffWhileReading() throws Exception {
        try (RawConnection connection = keptAlive()) {
            connection.send(head("Transfer-Encoding: chunked"));
            connection.sendChunk(12 * 1024).trickle(true);

            Answer refused = connection.read();

            assertEquals(413, refused.status(), "refused once the cap was read, with no last chunk in sight");
            assertEquals("close", refused.header("Connection"));
            assertTrue(connection.closedByServer(), "the server closes instead of reading the chunks to their end");
        }
    }

    @Test
    void theListenerRefusesThreeMegabytesForAPageThatWouldReadThem() throws Exception {
        // The login form reads its parameters from the body: only the listener's own cap stands in the way.
        try (RawConnection connection = keptAlive()) {
            connection.send("POST /login.xhtml HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + MEGABYTES_3 + "\r\n\r\n")
                    .send("username=" + "a".repeat(16 * 1024)).trickle(false);

            Answer refused = connection.read();

            assertEquals(413, refused.status());
            assertTrue(connection.closedByServer(), "the server closes instead of waiting for the other 3 MB");
        }
    }

    @Test
    void anAnswerGivenWithTheBodyUnreadSaysTheConnectionCloses() throws Exception {
        // The listener never waits for an unread body, so it closes such a connection after answering. A client not
        // told so sends its next request on it and meets a reset, and the JDK's client does not retry a POST (on a
        // 2-core CI machine AdminApiForgeryIT's second forged POST met exactly that).
        try (RawConnection connection = keptAlive()) {
            connection.send(adminPost("application/x-www-form-urlencoded", 3));
            // The answer comes before the body does, as on a slow network: the body arrives after it, unread.
            Answer refused = connection.read();
            assertEquals(403, refused.status(), "the forgery guard answers without reading the body");
            assertEquals("close", refused.header("Connection"));
        }
        try (RawConnection connection = keptAlive()) {
            connection.send(adminPost("application/json", 2));
            Answer ran = connection.read();
            assertEquals(200, ran.status(), "the refresh takes no entity and runs");
            assertEquals("close", ran.header("Connection"));
        }
    }

    private static String adminPost(String contentType, int contentLength) {
        String basic = Base64.getEncoder().encodeToString((TestGateway.ADMIN_USER + ":" + TestGateway.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return "POST /api/admin/diagnostics/refresh HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + basic
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    /** A connection whose first request, a signed URL check, was answered and left open. */
    private RawConnection keptAlive() throws Exception {
        SignedCallbacks.Signed check = new SignedCallbacks().urlCheck(SignedCallbacks.now(), SignedCallbacks.nonce(),
                "5128374650912837465");
        RawConnection connection = new RawConnection(gateway.server().port());
        connection.send("GET " + check.pathAndQuery() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        Answer first = connection.read();
        assertEquals(200, first.status());
        assertNull(first.header("Connection"), "the first answer keeps the connection open");
        return connection;
    }

    private static String post(int contentLength) {
        return head("Content-Length: " + contentLength);
    }

    private static String head(String lengthHeader) {
        return "POST /api/wecom/callback?msg_signature=" + "a".repeat(40) + "&timestamp=" + SignedCallbacks.now()
                + "&nonce=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\n" + lengthHeader + "\r\n\r\n";
    }
}
