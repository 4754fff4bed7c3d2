package org.opencg.core.sync;

import java.time.Duration;

import org.eclipse.microprofile.config.Config;

/**
 * The flow-through sync's settings (docs/configuration.md): where the Operator Connect API is ({@code opencg.oc.url};
 * empty means not configured, and changes wait in the outbox until it is), how often the outbox is read, how
 * many tasks are worked at once, the retry back-off, and how often consents are pulled.
 */
public record SyncSettings(String url, String token, Duration timeout, Duration poll, Duration retryInitial,
        Duration retryMax, Duration consentPull, int workers, CallDurationRounding rounding) {

    public static SyncSettings from(Config config) {
        return new SyncSettings(config.getOptionalValue("opencg.oc.url", String.class).orElse(""),
                config.getOptionalValue("opencg.oc.token", String.class).orElse(null),
                Duration.ofMillis(config.getOptionalValue("opencg.oc.timeout-ms", Long.class).orElse(5000L)),
                Duration.ofMillis(config.getOptionalValue("opencg.sync.poll-ms", Long.class).orElse(1000L)),
                Duration.ofMillis(config.getOptionalValue("opencg.sync.retry-initial-ms", Long.class).orElse(1000L)),
                Duration.ofMillis(config.getOptionalValue("opencg.sync.retry-max-ms", Long.class).orElse(60_000L)),
                Duration.ofSeconds(config.getOptionalValue("opencg.sync.consent-pull-seconds", Long.class)
                        .orElse(60L)),
                Math.max(1, config.getOptionalValue("opencg.sync.workers", Integer.class).orElse(8)),
                CallDurationRounding.of(config.getOptionalValue("opencg.oc.call-duration-rounding", String.class)
                        .orElse("second")));
    }

    public boolean configured() {
        return !url.isBlank();
    }

    /** Exponential back-off: the initial delay doubled per failed attempt, never above the maximum. */
    public Duration backoff(int attempts) {
        long millis = retryInitial.toMillis() << Math.min(attempts, 20);
        return Duration.ofMillis(Math.min(millis, retryMax.toMillis()));
    }
}
