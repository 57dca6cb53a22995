package dev.hypercare.alert;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The first {@code cap} bytes of a response body; past them the subscription is cancelled, so a receiver
 * that answers with a flood costs at most the cap plus one chunk. Only ever used for an error snippet.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int cap;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    CappedBody(int cap) {
        this.cap = cap;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
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
            int take = Math.min(buffer.remaining(), cap - out.size());
            byte[] chunk = new byte[take];
            buffer.get(chunk);
            out.writeBytes(chunk);
            if (out.size() >= cap) {
                subscription.cancel();
                result.complete(out.toByteArray());
                return;
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
        // a body cut short still tells what the status said; the snippet is only for people
        result.complete(out.toByteArray());
    }

    @Override
    public void onComplete() {
        result.complete(out.toByteArray());
    }
}
