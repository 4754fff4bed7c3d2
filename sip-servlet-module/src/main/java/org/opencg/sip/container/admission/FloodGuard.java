package org.opencg.sip.container.admission;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;

/**
 * Kamailio's pike for the SIP sides: each source's requests pass a token bucket (Bucket4j) of its rate per second
 * with a burst of two seconds' worth; a source over it is banned for the ban time, during which everything it sends
 * is dropped unanswered. The rate depends on what the source is to the side ({@link Standing}). A ban is logged once,
 * when it starts. Both tables are bounded and forget a source that has gone quiet, so a flood from many addresses
 * cannot fill the heap.
 */
final class FloodGuard {

    private static final Logger LOG = Logger.getLogger(FloodGuard.class.getName());
    private static final int TABLE_SIZE = 100_000;

    /** What a source is to the side it sends to, which sets its rate. */
    enum Standing {
        /** A peer the application named, or the gateway itself. */
        PEER,
        /** Inside one of the side's address blocks (Microsoft's ranges on the Teams side). */
        LISTED,
        /** Nobody the side takes: its requests get 403, and its rate only bounds how many. */
        STRANGER
    }

    private final int peerRate;
    private final int listedRate;
    private final int strangerRate;
    private final int banSeconds;
    private final Cache<InetAddress, Bucket> buckets;
    private final Cache<InetAddress, Boolean> bans;
    private final AtomicLong bansStarted = new AtomicLong();

    FloodGuard(int peerRate, int listedRate, int strangerRate, int banSeconds) {
        this.peerRate = peerRate;
        this.listedRate = listedRate;
        this.strangerRate = strangerRate;
        this.banSeconds = banSeconds;
        this.buckets = Caffeine.newBuilder().maximumSize(TABLE_SIZE).expireAfterAccess(Duration.ofSeconds(10)).build();
        this.bans = Caffeine.newBuilder().maximumSize(TABLE_SIZE).expireAfterWrite(Duration.ofSeconds(banSeconds))
                .build();
    }

    boolean banned(InetAddress source) {
        return bans.getIfPresent(source) != null;
    }

    /**
     * Counts one request of the source; false when that takes it over its rate, which bans it. A named peer has no
     * rate by default (a Teams proxy or trunk carries every call, and overload control sheds its excess instead).
     */
    boolean withinRate(InetAddress source, Standing standing) {
        int limit = switch (standing) {
            case PEER -> peerRate;
            case LISTED -> listedRate;
            case STRANGER -> strangerRate;
        };
        if (limit <= 0) {
            return true;
        }
        Bucket bucket = buckets.get(source, s -> Bucket.builder()
                .addLimit(l -> l.capacity(2L * limit).refillGreedy(limit, Duration.ofSeconds(1))).build());
        if (bucket.tryConsume(1)) {
            return true;
        }
        ban(source, "more than " + limit + " requests a second");
        return false;
    }

    /** Bans the source for the ban time; says so in the log when the ban is new. */
    void ban(InetAddress source, String why) {
        if (bans.asMap().putIfAbsent(source, Boolean.TRUE) == null) {
            bansStarted.incrementAndGet();
            LOG.warning(() -> "SIP: " + source.getHostAddress() + " banned for " + banSeconds + " s: " + why);
        }
    }

    long bannedNow() {
        bans.cleanUp();
        return bans.estimatedSize();
    }

    long bansStarted() {
        return bansStarted.get();
    }
}
