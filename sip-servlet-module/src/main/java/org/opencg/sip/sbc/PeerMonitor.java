package org.opencg.sip.sbc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * What the SBC knows of its peers' health, from its OPTIONS keep-alive and from INVITE answers (acg-behaviour.md
 * §3.2, §3.3): a peer is usable after a 200 to OPTIONS, not after anything else or no answer, and not while resting
 * after a 503 with Retry-After. Thread-safe: calls read it while keep-alive answers change it.
 */
public final class PeerMonitor {

    private static final Logger LOG = Logger.getLogger(PeerMonitor.class.getName());

    private final Map<Peer, PeerHealth> health = new ConcurrentHashMap<>();

    /** The peers of a group a call should try, in order (see {@link PeerSelection#order}). */
    public List<Peer> order(List<Peer> group) {
        return PeerSelection.order(group, byName(group), Instant.now(),
                bound -> ThreadLocalRandom.current().nextInt(bound));
    }

    private Map<String, PeerHealth> byName(List<Peer> group) {
        Map<String, PeerHealth> named = new java.util.HashMap<>();
        for (Peer peer : group) {
            named.put(peer.name(), state(peer));
        }
        return named;
    }

    public PeerHealth state(Peer peer) {
        return health.getOrDefault(peer, PeerHealth.UNKNOWN);
    }

    /** An OPTIONS answer ({@code status} 0: none). A change of state is logged: it is what an engineer looks for. */
    public void optionsAnswered(Peer peer, int status) {
        PeerHealth before = state(peer);
        PeerHealth after = health.merge(peer, PeerHealth.UNKNOWN.afterOptions(status),
                (old, fresh) -> old.afterOptions(status));
        if (before.up() != after.up()) {
            LOG.info(() -> "peer " + peer.name() + " (" + peer.host() + ":" + peer.port() + ") is "
                    + (after.up() ? "up" : "down: " + after.lastResult()));
        }
    }

    /** An INVITE was answered 503 with Retry-After: the peer rests until then (§3.2). */
    public void resting(Peer peer, Duration retryAfter) {
        health.compute(peer, (p, old) -> (old == null ? PeerHealth.UNKNOWN : old).resting(Instant.now(), retryAfter));
    }

    /** 1 when usable now, else 0: for /metrics. */
    public double up(Peer peer) {
        return state(peer).usable(Instant.now()) ? 1 : 0;
    }
}
