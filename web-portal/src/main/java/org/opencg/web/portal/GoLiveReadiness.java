package org.opencg.web.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.opencg.core.testlines.TestCallResult;

/**
 * Whether the gateway is ready for live traffic (acg-behaviour.md §10, the go-live checklist's parts a gateway can
 * see for itself): every peer group up in every region, synthetic test calls passing on each of the last days, the
 * provisioning sync not failing, and an emergency route with a peer up. Pure: facts in, checks out.
 */
public final class GoLiveReadiness {

    /** One check: its name, whether it passes, and why in plain words. */
    public record Check(String name, boolean passed, String detail) {
    }

    /** A peer as the keep-alive sees it. */
    public record PeerState(String name, String group, String region, boolean up) {
    }

    /** What the emergency route is: the dial strings, and the peer group emergency calls leave on. */
    public record EmergencyRoute(Set<String> numbers, String group) {
    }

    static final int DAYS = 7;

    private GoLiveReadiness() {
    }

    static List<Check> checks(List<PeerState> peers, List<TestCallResult> calls, Instant now, long failedSyncs,
            EmergencyRoute emergency) {
        return List.of(peers(peers), testCalls(calls, now), sync(failedSyncs), emergency(peers, emergency));
    }

    private static Check peers(List<PeerState> peers) {
        if (peers.isEmpty()) {
            return new Check("SIP peers up", false, "no SIP peer is configured");
        }
        Map<String, List<PeerState>> groups = peers.stream().collect(Collectors.groupingBy(
                p -> "region " + p.region() + " " + p.group(), TreeMap::new, Collectors.toList()));
        List<String> down = new ArrayList<>();
        List<String> all = new ArrayList<>();
        groups.forEach((group, members) -> {
            long up = members.stream().filter(PeerState::up).count();
            all.add(group + " " + up + "/" + members.size() + " up");
            if (up == 0) {
                down.add(group);
            }
        });
        return new Check("SIP peers up", down.isEmpty(), down.isEmpty() ? String.join(", ", all)
                : "no peer up in " + String.join(", ", down) + (down.size() == all.size() ? ""
                        : " (" + String.join(", ", all) + ")"));
    }

    private static Check testCalls(List<TestCallResult> calls, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int passing = 0;
        List<String> bad = new ArrayList<>();
        for (int back = 0; back < DAYS; back++) {
            LocalDate day = today.minusDays(back);
            List<TestCallResult> ofDay = calls.stream()
                    .filter(c -> LocalDate.ofInstant(c.startedAt(), ZoneOffset.UTC).equals(day)).toList();
            long failed = ofDay.stream().filter(c -> !c.passed()).count();
            if (!ofDay.isEmpty() && failed == 0) {
                passing++;
            } else {
                bad.add(day + (ofDay.isEmpty() ? " (no calls)" : " (" + failed + " of " + ofDay.size() + " failed)"));
            }
        }
        String detail = "passing on " + passing + " of the last " + DAYS + " days"
                + (bad.isEmpty() ? "" : "; not on " + String.join(", ", bad.subList(0, Math.min(3, bad.size())))
                        + (bad.size() > 3 ? " and " + (bad.size() - 3) + " more" : ""));
        return new Check("Synthetic test calls passing for " + DAYS + " days", passing == DAYS, detail);
    }

    private static Check sync(long failedSyncs) {
        return new Check("Provisioning sync", failedSyncs == 0, failedSyncs == 0
                ? "no number whose sync to Teams failed"
                : failedSyncs + " number" + (failedSyncs == 1 ? "" : "s") + " whose sync to Teams failed (Numbers page)");
    }

    private static Check emergency(List<PeerState> peers, EmergencyRoute route) {
        if (route.numbers().isEmpty()) {
            return new Check("Emergency route", false, "no emergency dial string is configured "
                    + "(opencg.emergency.numbers)");
        }
        long up = peers.stream().filter(p -> p.group().equals(route.group()) && p.up()).count();
        return new Check("Emergency route", up > 0, "calls to " + String.join(", ", new java.util.TreeSet<>(
                route.numbers())) + " leave on " + route.group() + ", " + (up > 0 ? up + " peer" + (up == 1 ? "" : "s")
                + " up" : "no peer up"));
    }
}
