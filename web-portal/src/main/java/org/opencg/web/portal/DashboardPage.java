package org.opencg.web.portal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.opencg.core.numbers.NumberFilter;
import org.opencg.core.numbers.NumberService;

/**
 * The dashboard, polled every 5 s: active calls and INVITEs per minute over the last hour ({@link CallActivity}
 * samples them on the server), SIP responses sent by class, each peer's OPTIONS state by region, and the sync backlog
 * (numbers waiting to be synced). Charts are Chart.js configurations for {@code p:chart}.
 */
@Named
@RequestScoped
public class DashboardPage {

    private static final List<String> CLASSES = List.of("1xx", "2xx", "3xx", "4xx", "5xx", "6xx");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    /** Counts start at zero, and redraws are not animated (the page polls every 5 s). */
    private static final jakarta.json.JsonObject OPTIONS = Json.createObjectBuilder().add("animation", false)
            .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true)
                    .add("suggestedMax", 1))).build();

    @Inject
    MeterRegistry registry;

    @EJB
    CallActivity activity;

    @EJB(lookup = NumberService.JNDI)
    NumberService numbers;

    /** A peer as the SBC's keep-alive sees it. */
    public record Peer(String name, String group, String region, boolean up) {
    }

    public double getActiveCalls() {
        return activity.activeCalls();
    }

    public long getSyncBacklog() {
        return numbers.count(new NumberFilter(null, null, null, "pending", null));
    }

    public List<Peer> getPeers() {
        List<Peer> peers = new ArrayList<>();
        for (Gauge g : registry.find("opencg_sbc_peer_up").gauges()) {
            peers.add(new Peer(g.getId().getTag("peer"), g.getId().getTag("group"), g.getId().getTag("region"),
                    g.value() == 1.0));
        }
        peers.sort(java.util.Comparator.comparing(Peer::region).thenComparing(Peer::group).thenComparing(Peer::name));
        return peers;
    }

    /** Active calls and INVITEs per minute over the last hour, one point per server-side sample (UTC times). */
    public String getCallsChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder active = Json.createArrayBuilder();
        JsonArrayBuilder perMinute = Json.createArrayBuilder();
        for (ActivitySeries.Point p : activity.points()) {
            labels.add(CLOCK.format(p.at()));
            active.add(p.activeCalls());
            perMinute.add(p.invitesPerMinute());
        }
        return Json.createObjectBuilder().add("type", "line").add("data", Json.createObjectBuilder()
                .add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", "active calls").add("data", active))
                        .add(Json.createObjectBuilder().add("label", "INVITEs per minute").add("data", perMinute))))
                .add("options", OPTIONS).build().toString();
    }

    /** SIP responses the gateway sent, by class, since it started. */
    public String getResponsesChart() {
        JsonArrayBuilder counts = Json.createArrayBuilder();
        CLASSES.forEach(c -> counts.add(counter("opencg_sip_responses_sent", "class", c)));
        return Json.createObjectBuilder().add("type", "bar").add("data", Json.createObjectBuilder()
                .add("labels", Json.createArrayBuilder(CLASSES)).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", "responses sent").add("data", counts))))
                .add("options", OPTIONS).build().toString();
    }

    private double counter(String name, String tag, String value) {
        FunctionCounter counter = registry.find(name).tag(tag, value).functionCounter();
        return counter == null ? 0 : counter.count();
    }
}
