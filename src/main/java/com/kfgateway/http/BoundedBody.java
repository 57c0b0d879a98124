package com.kfgateway.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit, for one exchange. A body that says it is larger is refused before a
 * byte of it is read; one that turns out larger (chunked, or lying) stops being read the moment it passes the limit.
 * Either way the subscription is cancelled, so the client drops the connection instead of draining it, and the body
 * fails with {@link TooLarge}. {@link #abort()} does the same for a caller whose deadline passed, or who stops waiting.
 */
public final class BoundedBody implements HttpResponse.BodyHandler<byte[]> {

    /** The body was larger than the limit; the message says only the limit. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("answer larger than " + limit + " bytes: stopped reading");
        }
    }

    private final long limit;
    private volatile Reader reader;

    public BoundedBody(long limit) {
        this.limit = limit;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        Reader created = new Reader(limit, info.headers().firstValueAsLong("Content-Length").orElse(-1));
        reader = created;
        return created;
    }

    /** Stops reading the body, if it is being read: the exchange's deadline has passed. */
    public void abort() {
        Reader current = reader;
        if (current != null) {
            current.fail(new IOException("aborted"));
        }
    }

    private static final class Reader implements HttpResponse.BodySubscriber<byte[]> {

        private final long limit;
        private final long declared;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private volatile Flow.Subscription subscription;
        private long received;

        Reader(long limit, long declared) {
            this.limit = limit;
            this.declared = declared;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (declared > limit) {
                fail(new TooLarge(limit));
            } else {
                subscription.request(1);
            }
        }

        /** The Flow contract calls this one item at a time, so {@code bytes} needs no lock. */
        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                received += buffer.remaining();
                if (received > limit) {
                    fail(new TooLarge(limit));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        void fail(IOException reason) {
            if (body.completeExceptionally(reason)) {
                Flow.Subscription current = subscription;
                if (current != null) {
                    current.cancel();
                }
            }
        }
    }
}
