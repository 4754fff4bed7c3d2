package org.opencg.sip.sbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.eclipse.microprofile.config.Config;
import org.opencg.core.config.EmergencySettings;
import org.opencg.core.trunks.TrunkRules;

/**
 * The SBC's settings (MicroProfile Config, docs/configuration.md). Each bad value is an IllegalArgumentException that
 * names its setting, so the deployment stops with one clear line.
 */
public record SbcSettings(int region, String baseDomain, String xMsSbc, String customHeader,
        String trunkContext, List<Peer> teams, List<Peer> zoom, List<Trunk> trunks, Duration optionsInterval,
        Duration failoverTime, Duration ringTime, Duration maxCallDuration, boolean provisionedCallersOnly,
        EmergencyCalls emergency, CallAdmission admission) {

    /** Microsoft's commercial-cloud proxies, tried in this order (acg-behaviour.md §3.2). */
    public static final String TEAMS_DEFAULT = "sip=tls:sip.pstnhub.microsoft.com:5061;priority=1,"
            + "sip2=tls:sip2.pstnhub.microsoft.com:5061;priority=2,sip3=tls:sip3.pstnhub.microsoft.com:5061;priority=3";

    public static SbcSettings from(Config config) {
        String base = config.getOptionalValue("opencg.dr.base-domain", String.class).orElse(null);
        String placement = placement(config, "opencg.sbc.tenant-placement", "header");
        String customHeader = text(config, "opencg.sbc.custom-header", "X-MS-Operator-Content");
        if (!customHeader.matches("[A-Za-z0-9-]{1,32}")) {
            throw bad("opencg.sbc.custom-header", "'" + customHeader + "' is not a header name");
        }
        List<Trunk> trunks = new ArrayList<>();
        for (String trunk : TrunkRules.names(config)) {
            String prefix = "opencg.sbc.trunk." + trunk + ".";
            String kind = choice(config, prefix + "kind", "fixed", "mobile").toUpperCase(Locale.ROOT);
            NumberNormalisation numbers = parse(prefix + "to-e164", null, text -> NumberNormalisation.parse(
                    config.getOptionalValue(prefix + "to-e164", String.class).orElse(""),
                    config.getOptionalValue(prefix + "from-e164", String.class).orElse("")));
            String dtmf = oneOf(config, prefix + "dtmf", List.of("rfc4733", "info", "inband"));
            String redirection = choice(config, prefix + "redirection", "history-info", "diversion");
            String ringback = choice(config, prefix + "ringback", "local", "inject");
            String comfortNoise = choice(config, prefix + "comfort-noise", "none", "inject");
            List<String> codecs = parse(prefix + "codecs", text(config, prefix + "codecs", ""), OperatorCodecs::parse);
            if (!codecs.isEmpty() && dtmf.equals("rfc4733") && !codecs.contains("telephone-event")) {
                // The trunk's keys travel as RFC 4733 events: a codec list must not mask them away.
                codecs = java.util.stream.Stream.concat(codecs.stream(), java.util.stream.Stream.of("telephone-event"))
                        .toList();
            }
            trunks.add(new Trunk(trunk, CallRouting.TrunkKind.valueOf(kind),
                    peers(config, prefix + "peers", ""), numbers,
                    placement(config, prefix + "tenant-placement", placement).equals("tgrp"),
                    Trunk.Dtmf.valueOf(dtmf.toUpperCase(Locale.ROOT)),
                    redirection.equals("diversion") ? Redirection.Form.DIVERSION : Redirection.Form.HISTORY_INFO,
                    codecs, new Trunk.Provisional(flag(config, prefix + "early-media", true),
                            flag(config, prefix + "100rel", false), ringback.equals("inject")),
                    comfortNoise.equals("inject"), TrunkRules.headerRules(config, trunk), sdp(config, prefix)));
        }
        return new SbcSettings(
                number(config, "opencg.sbc.region", 1),
                base,
                parse("opencg.sbc.x-ms-sbc", text(config, "opencg.sbc.x-ms-sbc", "OpenCG/OpenCG SBC/0.1"), v -> {
                    String[] parts = v.split("/", -1);
                    return TeamsLeg.xMsSbc(parts[0], parts.length > 1 ? parts[1] : null,
                            parts.length > 2 ? parts[2] : null);
                }),
                customHeader,
                text(config, "opencg.sbc.trunk-context", base != null ? base : "opencg.invalid"),
                peers(config, "opencg.sbc.peers.teams", TEAMS_DEFAULT),
                peers(config, "opencg.sbc.peers.zoom", ""),
                List.copyOf(trunks),
                Duration.ofSeconds(number(config, "opencg.sbc.options-interval-seconds", 60)),
                Duration.ofSeconds(number(config, "opencg.sbc.failover-seconds", 10)),
                Duration.ofSeconds(number(config, "opencg.sbc.ring-seconds", 180)),
                Duration.ofSeconds(number(config, "opencg.sbc.max-call-seconds", 4 * 3600)),
                config.getOptionalValue("opencg.sbc.provisioned-callers-only", Boolean.class).orElse(false),
                emergency(config),
                new CallAdmission(number(config, "opencg.sbc.max-calls", 0),
                        number(config, "opencg.sbc.max-calls-percent-of-numbers", 0)));
    }

    /** A trunk's SDP rules: {@code sdp.ptime}, {@code sdp.bandwidth} (kbps), {@code sdp.rtcp}. */
    private static TrunkSdp sdp(Config config, String prefix) {
        String rtcp = text(config, prefix + "sdp.rtcp", "separate").toLowerCase(Locale.ROOT);
        if (!List.of("separate", "mux", "no-attribute").contains(rtcp)) {
            throw bad(prefix + "sdp.rtcp", "'" + rtcp + "' is not separate, mux or no-attribute");
        }
        int ptime = number(config, prefix + "sdp.ptime", 0);
        int bandwidth = number(config, prefix + "sdp.bandwidth", 0);
        return parse(prefix + "sdp", "", v -> new TrunkSdp(ptime, bandwidth,
                org.opencg.sip.media.Rtcp.valueOf(rtcp.toUpperCase(Locale.ROOT).replace('-', '_'))));
    }

    private static EmergencyCalls emergency(Config config) {
        boolean directToEsrp = EmergencySettings.directToEsrp(config);
        List<Peer> esrp = peers(config, "opencg.emergency.esrp-peers", "");
        return parse("opencg.emergency.esrp-peers", "", v -> new EmergencyCalls(EmergencySettings.numbers(config),
                directToEsrp, esrp, flag(config, "opencg.emergency.elin-as-caller", false)));
    }

    /** The trunk whose peers include this address, else null (a call from a stranger is refused). */
    public Trunk trunkOf(String address) {
        return trunks.stream().filter(t -> t.hasPeerAt(address)).findFirst().orElse(null);
    }

    /** The trunk a call to the operator leaves on: the first of the kind the call needs, else the first. */
    public Trunk trunkFor(CallRouting.TrunkKind kind) {
        return trunks.stream().filter(t -> t.kind() == kind).findFirst().orElse(trunks.get(0));
    }

    /** A setting that takes one of two words (any case): its first word when not set. */
    private static String choice(Config config, String key, String first, String second) {
        return choice(config, key, first, first, second);
    }

    private static String choice(Config config, String key, String fallback, String first, String second) {
        String value = text(config, key, fallback).toLowerCase(Locale.ROOT);
        if (!value.equals(first) && !value.equals(second)) {
            throw bad(key, "'" + value + "' is not " + first + " or " + second);
        }
        return value;
    }

    /** A setting that takes one of several words (any case): the first when not set. */
    private static String oneOf(Config config, String key, List<String> words) {
        String value = text(config, key, words.get(0)).toLowerCase(Locale.ROOT);
        if (!words.contains(value)) {
            throw bad(key, "'" + value + "' is not one of " + String.join(", ", words));
        }
        return value;
    }

    /** Where the tenant goes on the operator leg: {@code header} (X-MS-TenantID) or {@code tgrp} (RFC 4904). */
    private static String placement(Config config, String setting, String fallback) {
        return choice(config, setting, fallback, "header", "tgrp");
    }

    private static List<Peer> peers(Config config, String setting, String fallback) {
        return parse(setting, config.getOptionalValue(setting, String.class).orElse(fallback), PeerList::parse);
    }

    private static String text(Config config, String setting, String fallback) {
        return config.getOptionalValue(setting, String.class).map(String::strip).orElse(fallback);
    }

    private static boolean flag(Config config, String setting, boolean fallback) {
        String value = text(config, setting, String.valueOf(fallback)).toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw bad(setting, "'" + value + "' is not true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private static int number(Config config, String setting, int fallback) {
        String value = text(config, setting, String.valueOf(fallback));
        return parse(setting, value, v -> {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new IllegalArgumentException("is negative");
            }
            return n;
        });
    }

    private static <T> T parse(String setting, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw bad(setting, e.getMessage());
        }
    }

    private static IllegalArgumentException bad(String setting, String problem) {
        return new IllegalArgumentException(setting + ": " + problem);
    }
}
