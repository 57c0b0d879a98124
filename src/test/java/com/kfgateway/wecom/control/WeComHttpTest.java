package com.kfgateway.wecom.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Answers too large or too slow: the transport stops reading at the limit or at the exchange's deadline, fails with
 * a {@link WeComException}, and drops the connection (the fake sees its writing fail). A transport that reads on
 * would hang these tests, so each has a generous {@link Timeout} as a guard, not as a measure.
 */
@Timeout(120)
class WeComHttpTest {

    private static final long MEDIA_LIMIT = 1024 * 1024;
    private static final long HUNDRED_MEGABYTES = 100L * 1024 * 1024;
    private static final byte[] JSON_HEAD = "{\"errcode\":0,\"pad\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] JSON_TAIL = "\",\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
    private static final int JSON_FRAME = JSON_HEAD.length + JSON_TAIL.length;

    private FakeWeCom wecom;
    private WeComHttp http;

    @BeforeEach
    void start() throws Exception {
        wecom = new FakeWeCom();
        WeComConfig config = wecom.config("kf", "app");
        config.mediaMaxBytes = Optional.of(Long.toString(MEDIA_LIMIT));
        http = new WeComHttp(config, Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() {
        wecom.close();
    }

    @Test
    void mediaOfTheLimitIsDownloaded() {
        wecom.script("media/get", FakeWeCom.Reply.streamed("image/png", MEDIA_LIMIT, true, 64 * 1024, 0,
                () -> filler(MEDIA_LIMIT)));

        MediaDownload media = http.download("media/get", Map.of("media_id", "M"), "token-1");

        assertEquals(MEDIA_LIMIT, media.bytes().length);
    }

    @Test
    void mediaDeclaredLargerThanTheLimitIsRefusedAndTheConnectionDropped() {
        wecom.script("media/get", FakeWeCom.Reply.streamed("image/png", HUNDRED_MEGABYTES, true, 64 * 1024, 0,
                () -> filler(HUNDRED_MEGABYTES)));

        WeComException failure = assertThrows(WeComException.class,
                () -> http.download("media/get", Map.of("media_id", "M"), "token-1"));

        assertEquals(WeComException.Kind.IO, failure.kind());
        assertTrue(failure.getMessage().contains("larger than " + MEDIA_LIMIT + " bytes"), failure.getMessage());
        assertFalse(failure.getMessage().contains("token-1"), failure.getMessage());
        awaitAbandoned();
    }

    @Test
    void chunkedMediaWithoutALengthIsCutOffAtTheLimit() {
        wecom.script("media/get", FakeWeCom.Reply.streamed("video/mp4", HUNDRED_MEGABYTES, false, 64 * 1024, 0,
                () -> filler(HUNDRED_MEGABYTES)));

        WeComException failure = assertThrows(WeComException.class,
                () -> http.download("media/get", Map.of("media_id", "M"), "token-1"));

        assertTrue(failure.getMessage().contains("larger than " + MEDIA_LIMIT + " bytes"), failure.getMessage());
        awaitAbandoned();
    }

    @Test
    void mediaTrickledSlowerThanTheDeadlineIsCutOff() {
        // Headers at once, then a kilobyte every 100 ms: the request timeout is met, the body would take a minute.
        wecom.script("media/get", FakeWeCom.Reply.streamed("image/png", 600 * 1024, true, 1024, 100,
                () -> filler(600 * 1024)));

        WeComException failure = assertThrows(WeComException.class,
                () -> http.download("media/get", Map.of("media_id", "M"), "token-1"));

        assertEquals(WeComException.Kind.TIMEOUT, failure.kind());
        assertTrue(failure.getMessage().contains("no complete answer within 6 s"), failure.getMessage());
        awaitAbandoned();
    }

    @Test
    void jsonAnswerLargerThanItsLimitIsRefused() {
        long padding = 4 * WeComHttp.JSON_MAX_BYTES;
        wecom.script("kf/sync_msg",
                FakeWeCom.Reply.streamed("application/json", padding + JSON_FRAME, false, 64 * 1024, 0,
                        () -> json(padding)));

        WeComException failure = assertThrows(WeComException.class, () -> http.post("kf/sync_msg", Map.of(),
                "token-1", Json.createObjectBuilder().build()));

        assertTrue(failure.getMessage().contains("larger than " + WeComHttp.JSON_MAX_BYTES + " bytes"),
                failure.getMessage());
        awaitAbandoned();
    }

    @Test
    void jsonTrickledSlowerThanTheDeadlineIsCutOff() {
        wecom.script("kf/sync_msg", FakeWeCom.Reply.streamed("application/json", 1000 + JSON_FRAME, true, 10, 100,
                () -> json(1000)));

        WeComException failure = assertThrows(WeComException.class, () -> http.post("kf/sync_msg", Map.of(),
                "token-1", Json.createObjectBuilder().build()));

        assertEquals(WeComException.Kind.TIMEOUT, failure.kind());
        assertTrue(failure.getMessage().contains("no complete answer within 2 s"), failure.getMessage());
        assertFalse(failure.getMessage().contains("token-1"), failure.getMessage());
        awaitAbandoned();
    }

    @Test
    void jsonWithinItsLimitAndDeadlineIsRead() {
        wecom.script("kf/sync_msg",
                FakeWeCom.Reply.streamed("application/json", 100_000 + JSON_FRAME, false, 8 * 1024, 0,
                        () -> json(100_000)));

        WeComResponse answer = http.post("kf/sync_msg", Map.of(), "token-1", Json.createObjectBuilder().build());

        assertTrue(answer.ok());
        assertEquals(100_000, answer.string("pad").length());
    }

    /** The fake's writing failed: the client closed the connection rather than reading the body to its end. */
    private void awaitAbandoned() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (wecom.abandoned() == 0) {
            assertTrue(System.nanoTime() < deadline, "the client kept the connection and went on reading");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** {@code {"errcode":0,"pad":"xxx…","errmsg":"ok"}} with {@code padding} x's: {@link #JSON_FRAME} bytes more. */
    private static InputStream json(long padding) {
        return new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(JSON_HEAD), filler(padding)),
                new ByteArrayInputStream(JSON_TAIL));
    }

    /** {@code size} bytes of 'x', made as they are read. */
    private static InputStream filler(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
    }
}
