package com.kfgateway.assistant.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The model's HTTP answer, read up to a limit, for one exchange: one that says it is larger is refused unread; one
 * that turns out larger stops being read at the limit. Either way, and on {@link #stop}, the subscription is
 * cancelled, so the client drops the connection instead of reading on.
 */
final class CappedReply
        implements
            HttpResponse.BodyHandler<byte[]>,
            HttpResponse.BodySubscriber<byte[]> {

    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private final long limit;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;
    private volatile long declared = -1;

    CappedReply(long limit) {
        this.limit = limit;
    }

    /** Redirects are off, so there is one response, and this handler serves only it. */
    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return this;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declared > limit) {
            stop(new TooLarge());
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            if (body.isDone() || bytes.size() + (long) buffer.remaining() > limit) {
                stop(new TooLarge());
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
        }
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

    void stop(IOException reason) {
        Flow.Subscription current = subscription;
        if (body.completeExceptionally(reason) && current != null) {
            current.cancel();
        }
    }
}
