package dev.hypercare.alert;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Delivers alerts to one channel. One implementation per channel kind, each building its body with a pure
 * function and sending it through the same HTTP code; {@link #forChannel} picks it by an exhaustive switch
 * over the sealed {@link ChannelSpec}. Implementations are thread-safe and keep no delivery state: retries,
 * order and bookkeeping belong to {@link AlertOutbox}.
 */
public interface Notifier {

    /** The channel's name, as in probes.yaml. */
    String channel();

    /**
     * Fills the channel's URL, key and headers from the environment without sending anything; a
     * {@link dev.hypercare.BadInputException} names the channel and what is wrong (a missing variable, a URL
     * that is not http(s)), never a value.
     */
    void check();

    /**
     * One attempt to deliver {@code alert}. Never throws for a failed delivery: the result says whether it
     * is worth retrying.
     *
     * @throws InterruptedException when the thread is interrupted meanwhile (the outbox is closing)
     */
    Delivery send(Alert alert) throws InterruptedException;

    /**
     * The notifier of {@code spec}. {@code env} fills the templates when sending; {@code client} must not
     * follow redirects; {@code requestTimeout} bounds each whole exchange; {@code clock} reads Retry-After dates.
     */
    static Notifier forChannel(ChannelSpec spec, Map<String, String> env, HttpClient client, Duration requestTimeout,
            Clock clock) {
        HttpPoster poster = new HttpPoster(client, requestTimeout, clock);
        Map<String, String> environment = Map.copyOf(env);
        return switch (spec) {
            case ChannelSpec.Slack slack -> new SlackNotifier(slack, environment, poster);
            case ChannelSpec.PagerDuty pagerDuty -> new PagerDutyNotifier(pagerDuty, environment, poster);
            case ChannelSpec.Webhook webhook -> new WebhookNotifier(webhook, environment, poster);
        };
    }
}
