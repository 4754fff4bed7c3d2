package org.opencg.core.trunks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.config.Config;

/**
 * The operator trunks' names and their rules as configured (docs/configuration.md), read the same way by the SBC,
 * which applies them, and by the portal, which shows them: {@code opencg.sbc.trunks}, and per trunk
 * {@code opencg.sbc.trunk.<name>.header-rule.<n>}, n from 1 to {@value #MOST_RULES}, applied in that order. Numbered
 * settings rather than a list, so that each rule can be set from an environment variable of its own.
 */
public final class TrunkRules {

    public static final String TRUNKS = "opencg.sbc.trunks";
    public static final int MOST_RULES = 99;

    private TrunkRules() {
    }

    /** The trunks' names, in their configured order ({@code operator} when none is set). */
    public static List<String> names(Config config) {
        return Arrays.stream(config.getOptionalValue(TRUNKS, String.class).orElse("operator").split(","))
                .map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    /** The setting of one header rule of a trunk. */
    public static String headerRuleSetting(String trunk, int number) {
        return "opencg.sbc.trunk." + trunk + ".header-rule." + number;
    }

    /**
     * A trunk's media settings that differ from the defaults, in plain words, for people to read: how its keys travel,
     * its codecs and SDP rules, comfort noise, ringback, provisional answers. The SBC reads and checks the same
     * settings (a bad value stops its start), so a running gateway only has values shown here.
     */
    public static List<String> mediaRules(Config config, String trunk) {
        String prefix = "opencg.sbc.trunk." + trunk + ".";
        List<String> rules = new ArrayList<>();
        switch (word(config, prefix + "dtmf", "rfc4733")) {
            case "info" -> rules.add("Keys as SIP INFO, turned into RFC 4733 events toward Microsoft and back");
            case "inband" -> rules.add("Keys as tones in the audio, detected and sent to Microsoft as RFC 4733 events");
            default -> rules.add("Keys as RFC 4733 events, passed as they are");
        }
        String codecs = config.getOptionalValue(prefix + "codecs", String.class).map(String::strip).orElse("");
        if (!codecs.isEmpty()) {
            rules.add("Codecs offered to the core: " + codecs);
        }
        String ptime = word(config, prefix + "sdp.ptime", "0");
        if (!ptime.equals("0")) {
            rules.add("Packets of " + ptime + " ms (a=ptime:" + ptime + ")");
        }
        String bandwidth = word(config, prefix + "sdp.bandwidth", "0");
        if (!bandwidth.equals("0")) {
            rules.add("Bandwidth line b=AS:" + bandwidth + " in each media section");
        }
        switch (word(config, prefix + "sdp.rtcp", "separate")) {
            case "mux" -> rules.add("RTCP multiplexed with RTP (RFC 5761)");
            case "no-attribute" -> rules.add("RTCP on the next port, without an a=rtcp line");
            default -> { }
        }
        if (word(config, prefix + "comfort-noise", "none").equals("inject")) {
            rules.add("Comfort noise toward Microsoft when the core goes quiet");
        }
        if (word(config, prefix + "ringback", "local").equals("inject")) {
            rules.add("Ringback played to the core's callers while Microsoft rings without media");
        }
        if (word(config, prefix + "early-media", "true").equals("false")) {
            rules.add("No early media to the core's callers");
        }
        if (word(config, prefix + "100rel", "false").equals("true")) {
            rules.add("Provisional answers sent reliably (RFC 3262) to callers that support it");
        }
        return List.copyOf(rules);
    }

    private static String word(Config config, String setting, String fallback) {
        return config.getOptionalValue(setting, String.class).map(v -> v.strip().toLowerCase(java.util.Locale.ROOT))
                .orElse(fallback);
    }

    /** A trunk's header rules in number order; a bad one is an IllegalArgumentException naming its setting. */
    public static List<HeaderRule> headerRules(Config config, String trunk) {
        List<HeaderRule> rules = new ArrayList<>();
        for (int n = 1; n <= MOST_RULES; n++) {
            String setting = headerRuleSetting(trunk, n);
            String text = config.getOptionalValue(setting, String.class).orElse(null);
            if (text == null || text.isBlank()) {
                continue;
            }
            try {
                rules.add(HeaderRule.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(setting + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(rules);
    }
}
