package org.opencg.sip.container.admission;

import java.net.InetAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.opencg.core.net.SourceAllowlist;

/**
 * Which sources each side takes: its configured address blocks and the peers its application named. A side that
 * is not known takes nobody, and neither does a known side with no blocks and no peers: refusing is the default.
 */
final class SideAccess {

    private final Map<String, SourceAllowlist> blocks;
    private final Map<String, Set<InetAddress>> peers = new ConcurrentHashMap<>();

    SideAccess(Map<String, SourceAllowlist> blocks) {
        this.blocks = Map.copyOf(blocks);
    }

    void admitPeer(String side, InetAddress address) {
        if (!blocks.containsKey(side)) {
            throw new IllegalArgumentException("no SIP side named " + side);
        }
        peers.computeIfAbsent(side, s -> ConcurrentHashMap.newKeySet()).add(address);
    }

    /** Is this source one of the side's named peers? */
    boolean isPeer(String side, InetAddress source) {
        Set<InetAddress> named = side == null ? null : peers.get(side);
        return named != null && named.contains(source);
    }

    /** What the source is to the side: a named peer, inside its address blocks, or a stranger it refuses. */
    FloodGuard.Standing standing(String side, InetAddress source) {
        if (isPeer(side, source)) {
            return FloodGuard.Standing.PEER;
        }
        SourceAllowlist configured = side == null ? null : blocks.get(side);
        return configured != null && configured.allows(source) ? FloodGuard.Standing.LISTED
                : FloodGuard.Standing.STRANGER;
    }

    boolean allows(String side, InetAddress source) {
        return standing(side, source) != FloodGuard.Standing.STRANGER;
    }
}
