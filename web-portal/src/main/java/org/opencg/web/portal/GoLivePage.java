package org.opencg.web.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.eclipse.microprofile.config.Config;
import org.opencg.core.config.EmergencySettings;
import org.opencg.core.numbers.NumberFilter;
import org.opencg.core.numbers.NumberService;
import org.opencg.core.testlines.TestCallService;
import org.opencg.core.trunks.TrunkRules;

/** The go-live page: {@link GoLiveReadiness}'s checks on what the gateway sees now, and one verdict. */
@Named
@RequestScoped
public class GoLivePage {

    @Inject
    MeterRegistry registry;

    @Inject
    Config config;

    @EJB(lookup = NumberService.JNDI)
    NumberService numbers;

    @EJB(lookup = TestCallService.JNDI)
    TestCallService calls;

    private List<GoLiveReadiness.Check> checks;

    public List<GoLiveReadiness.Check> getChecks() {
        if (checks == null) {
            Instant now = Instant.now();
            checks = GoLiveReadiness.checks(peers(),
                    calls.since(now.minus(Duration.ofDays(GoLiveReadiness.DAYS))), now,
                    numbers.count(new NumberFilter(null, null, null, "failed", null)), emergencyRoute());
        }
        return checks;
    }

    public boolean isReady() {
        return getChecks().stream().allMatch(GoLiveReadiness.Check::passed);
    }

    public String getVerdict() {
        List<String> failing = getChecks().stream().filter(c -> !c.passed()).map(GoLiveReadiness.Check::name).toList();
        return failing.isEmpty() ? "Ready for live traffic." : "Not ready for live traffic: " + failing.size()
                + " of " + getChecks().size() + " checks fail (" + String.join(", ", failing) + ").";
    }

    private List<GoLiveReadiness.PeerState> peers() {
        List<GoLiveReadiness.PeerState> peers = new ArrayList<>();
        for (Gauge g : registry.find("opencg_sbc_peer_up").gauges()) {
            peers.add(new GoLiveReadiness.PeerState(g.getId().getTag("peer"), g.getId().getTag("group"),
                    g.getId().getTag("region"), g.value() == 1.0));
        }
        return peers;
    }

    /** Emergency calls leave on the ESRPs with DirectToEsrp, else on the first trunk (the fixed one, by default). */
    private GoLiveReadiness.EmergencyRoute emergencyRoute() {
        return new GoLiveReadiness.EmergencyRoute(EmergencySettings.numbers(config),
                EmergencySettings.directToEsrp(config) ? "esrp" : TrunkRules.names(config).get(0));
    }
}
