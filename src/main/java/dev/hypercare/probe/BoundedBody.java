package dev.hypercare.probe;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read one chunk at a time up to a cap: past it the subscription is cancelled (the
 * connection is dropped) and only the fact is kept, so a hostile endpoint cannot make a probe hold
 * more than {@code cap} bytes plus one chunk.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Body> {
    /** The bytes read, or {@code tooLarge} with none kept. */
    record Body(byte[] bytes, boolean tooLarge) {}

    private final long cap;
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    BoundedBody(long cap) {
        this.cap = cap;
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (out.size() + (long) buffer.remaining() > cap) {
                subscription.cancel();
                out.reset();
                result.complete(new Body(new byte[0], true));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            out.writeBytes(chunk);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(new Body(out.toByteArray(), false));
    }
}
