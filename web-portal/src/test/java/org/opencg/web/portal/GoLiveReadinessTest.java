package org.opencg.web.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opencg.core.testlines.TestCallResult;
import org.opencg.web.portal.GoLiveReadiness.Check;
import org.opencg.web.portal.GoLiveReadiness.EmergencyRoute;
import org.opencg.web.portal.GoLiveReadiness.PeerState;

class GoLiveReadinessTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final List<PeerState> ALL_UP = List.of(new PeerState("sip", "teams", "1", true),
            new PeerState("sip2", "teams", "1", false), new PeerState("op1", "operator", "1", true),
            new PeerState("esrp1", "esrp", "1", true));
    private static final EmergencyRoute ROUTE = new EmergencyRoute(Set.of("911", "933"), "operator");

    private static TestCallResult call(int daysAgo, boolean passed) {
        return new TestCallResult(NOW.minus(Duration.ofDays(daysAgo)), "OC1", "OC2", "+1", "+2", passed,
                passed ? "answered" : "404 Not Found", null, passed ? 150 : 0);
    }

    private static List<TestCallResult> passingDays(int days) {
        List<TestCallResult> calls = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            calls.add(call(d, true));
        }
        return calls;
    }

    @Test
    void aGatewayWithEverythingUpAndAWeekOfPassingCallsIsReady() {
        List<Check> checks = GoLiveReadiness.checks(ALL_UP, passingDays(7), NOW, 0, ROUTE);
        assertTrue(checks.stream().allMatch(Check::passed), checks.toString());
        assertEquals("region 1 esrp 1/1 up, region 1 operator 1/1 up, region 1 teams 1/2 up", checks.get(0).detail());
        assertEquals("calls to 911, 933 leave on operator, 1 peer up", checks.get(3).detail());
    }

    @Test
    void eachMissingPartIsNamedWithWhy() {
        List<PeerState> operatorDown = List.of(new PeerState("sip", "teams", "1", true),
                new PeerState("op1", "operator", "1", false));
        List<TestCallResult> calls = new ArrayList<>(passingDays(5));
        calls.add(call(1, false));
        List<Check> checks = GoLiveReadiness.checks(operatorDown, calls, NOW, 3, ROUTE);
        assertFalse(checks.get(0).passed());
        assertTrue(checks.get(0).detail().startsWith("no peer up in region 1 operator"), checks.get(0).detail());
        assertFalse(checks.get(1).passed());
        assertTrue(checks.get(1).detail().startsWith("passing on 4 of the last 7 days; not on 2026-12-06 (1 of 2 "
                + "failed), 2026-12-02 (no calls)"), checks.get(1).detail());
        assertEquals("3 numbers whose sync to Teams failed (Numbers page)", checks.get(2).detail());
        assertFalse(checks.get(3).passed());
        assertEquals("no peer up in region 1 operator, region 1 teams", GoLiveReadiness.checks(List.of(
                new PeerState("sip", "teams", "1", false), new PeerState("op1", "operator", "1", false)),
                passingDays(7), NOW, 0, ROUTE).get(0).detail(), "every group down: named once, not twice");
        assertFalse(GoLiveReadiness.checks(ALL_UP, passingDays(7), NOW, 0,
                new EmergencyRoute(Set.of(), "operator")).get(3).passed(), "no dial strings");
    }
}
