package org.opencg.sip.sbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Peer order, health and failover (acg-behaviour.md §3.2-§3.3, checklist 23 and 33). */
class PeerSelectionTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Peer SIP = new Peer("sip", "sip.pstnhub.microsoft.com", 5061, "tls", 1, 0);
    private static final Peer SIP2 = new Peer("sip2", "sip2.pstnhub.microsoft.com", 5061, "tls", 2, 0);
    private static final Peer SIP3 = new Peer("sip3", "sip3.pstnhub.microsoft.com", 5061, "tls", 3, 0);

    private static Map<String, PeerHealth> allUp(Peer... peers) {
        Map<String, PeerHealth> health = new HashMap<>();
        for (Peer peer : peers) {
            health.put(peer.name(), PeerHealth.UNKNOWN.afterOptions(200));
        }
        return health;
    }

    @Test
    void teamsProxiesAreTriedInPriorityOrderSkippingThoseDown() {
        Map<String, PeerHealth> health = allUp(SIP, SIP2, SIP3);
        assertEquals(List.of(SIP, SIP2, SIP3), PeerSelection.order(List.of(SIP3, SIP, SIP2), health, NOW, n -> 0));
        health.put("sip", health.get("sip").afterOptions(0));
        assertEquals(List.of(SIP2, SIP3), PeerSelection.order(List.of(SIP, SIP2, SIP3), health, NOW, n -> 0),
                "no answer to OPTIONS: skipped until it answers again");
        health.put("sip", health.get("sip").afterOptions(200));
        assertEquals(SIP, PeerSelection.order(List.of(SIP, SIP2, SIP3), health, NOW, n -> 0).get(0));
        assertEquals(List.of(), PeerSelection.order(List.of(SIP), Map.of(), NOW, n -> 0),
                "never asked: not used before its first 200");
    }

    @Test
    void a503WithRetryAfterRestsThePeerUntilThen() {
        Map<String, PeerHealth> health = allUp(SIP, SIP2);
        health.put("sip", health.get("sip").resting(NOW, Duration.ofSeconds(30)));
        assertEquals(List.of(SIP2), PeerSelection.order(List.of(SIP, SIP2), health, NOW.plusSeconds(29), n -> 0));
        assertEquals(List.of(SIP, SIP2), PeerSelection.order(List.of(SIP, SIP2), health, NOW.plusSeconds(30), n -> 0));
    }

    @Test
    void equalPrioritiesShareByWeight() {
        Peer a = new Peer("a", "10.0.0.1", 5060, "udp", 1, 90);
        Peer b = new Peer("b", "10.0.0.2", 5060, "udp", 1, 10);
        Map<String, PeerHealth> health = allUp(a, b);
        Random random = new Random(7);
        int aFirst = 0;
        for (int i = 0; i < 10_000; i++) {
            List<Peer> order = PeerSelection.order(List.of(a, b), health, NOW, random::nextInt);
            assertEquals(2, order.size());
            aFirst += order.get(0) == a ? 1 : 0;
        }
        assertTrue(aFirst > 8700 && aFirst < 9300, "weight 90 of 100 goes first about 90 % of the time: " + aFirst);
    }

    @Test
    void failoverOn408503504AndSilenceButNeverOnADecline() {
        for (int status : new int[] {0, 408, 503, 504}) {
            assertTrue(PeerSelection.tryNext(status), String.valueOf(status));
        }
        for (int status : new int[] {603, 486, 404, 480, 500, 600}) {
            assertFalse(PeerSelection.tryNext(status), String.valueOf(status));
        }
    }
}
