package org.opencg.web.portal;

import java.io.Serializable;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
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
 * The dashboard: the gateway's meters as the page polls them (every 5 s): active calls and INVITEs per minute over
 * the last five minutes the page has been open, SIP responses sent by class, each peer's OPTIONS state by region,
 * and the sync backlog (numbers waiting to be synced). Charts are Chart.js configurations for {@code p:chart}.
 */
@Named
@ViewScoped
public class DashboardPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SAMPLES = 60;
    private static final List<String> CLASSES = List.of("1xx", "2xx", "3xx", "4xx", "5xx", "6xx");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Counts start at zero, and redraws are not animated (the page polls every 5 s). */
    private static final jakarta.json.JsonObject OPTIONS = Json.createObjectBuilder().add("animation", false)
            .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true)
                    .add("suggestedMax", 1))).build();

    @Inject
    transient MeterRegistry registry;

    @EJB(lookup = NumberService.JNDI)
    transient NumberService numbers;

    /** One poll: when, calls up, INVITEs received so far. */
    private record Sample(String at, double activeCalls, double invites, long nanos) implements Serializable {
    }

    /** A peer as the SBC's keep-alive sees it. */
    public record Peer(String name, String group, String region, boolean up) implements Serializable {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    /** Takes a sample (the page's poll calls this). */
    public void sample() {
        samples.addLast(new Sample(LocalTime.now(ZoneOffset.UTC).format(CLOCK), gauge("opencg_sbc_active_calls"),
                counter("opencg_sip_requests_received", "method", "INVITE"), System.nanoTime()));
        while (samples.size() > SAMPLES) {
            samples.removeFirst();
        }
    }

    public double getActiveCalls() {
        return gauge("opencg_sbc_active_calls");
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

    /** Active calls and INVITEs per minute, one point per sample. */
    public String getCallsChart() {
        if (samples.isEmpty()) {
            sample();
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder active = Json.createArrayBuilder();
        JsonArrayBuilder perMinute = Json.createArrayBuilder();
        Sample previous = null;
        for (Sample s : samples) {
            labels.add(s.at());
            active.add(s.activeCalls());
            double rate = previous == null ? 0
                    : (s.invites() - previous.invites()) * 60e9 / Math.max(1, s.nanos() - previous.nanos());
            perMinute.add(Math.max(0, Math.round(rate)));
            previous = s;
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

    private double gauge(String name) {
        Gauge gauge = registry.find(name).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private double counter(String name, String tag, String value) {
        FunctionCounter counter = registry.find(name).tag(tag, value).functionCounter();
        return counter == null ? 0 : counter.count();
    }
}
