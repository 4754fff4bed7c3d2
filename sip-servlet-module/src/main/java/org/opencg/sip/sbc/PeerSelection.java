package org.opencg.sip.sbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/**
 * The order in which a call tries the peers of a group, and when it moves on (acg-behaviour.md §3.2): usable peers
 * only, lower priority first, equal priorities in a weighted random order (RFC 2782 §"Usage rules"); the next peer
 * after 408, 503, 504 or no answer, never after 603 or another final answer.
 */
public final class PeerSelection {

    private PeerSelection() {
    }

    /**
     * The peers to try, in order. {@code random} returns 0..n-1 for a bound n (injected so tests can fix it);
     * weights of zero get a small chance, as RFC 2782 says.
     */
    public static List<Peer> order(List<Peer> peers, Map<String, PeerHealth> health, Instant now,
            IntUnaryOperator random) {
        TreeMap<Integer, List<Peer>> byPriority = new TreeMap<>();
        for (Peer peer : peers) {
            if (health.getOrDefault(peer.name(), PeerHealth.UNKNOWN).usable(now)) {
                byPriority.computeIfAbsent(peer.priority(), p -> new ArrayList<>()).add(peer);
            }
        }
        List<Peer> ordered = new ArrayList<>();
        for (List<Peer> level : byPriority.values()) {
            List<Peer> left = new ArrayList<>(level);
            left.sort(Comparator.comparingInt(Peer::weight)); // zero weights first, as RFC 2782 orders them
            while (!left.isEmpty()) {
                int total = left.stream().mapToInt(p -> p.weight() + 1).sum();
                int pick = random.applyAsInt(total);
                int running = 0;
                for (int i = 0; i < left.size(); i++) {
                    running += left.get(i).weight() + 1;
                    if (pick < running) {
                        ordered.add(left.remove(i));
                        break;
                    }
                }
            }
        }
        return ordered;
    }

    /**
     * Should the INVITE go to the next peer after this final answer ({@code status} 0: no answer within the
     * failover time)? Teams' defaults: 408, 503, 504 and no answer do; 603 must not (several missed calls), nor any
     * other final answer, which is the callee's.
     */
    public static boolean tryNext(int status) {
        return status == 0 || status == 408 || status == 503 || status == 504;
    }
}
