package org.opencg.sip.sbc;

import java.util.List;

import org.opencg.core.trunks.HeaderRule;

/**
 * A trunk to the operator's network: its peers (the operator SBCs it sends to and takes calls from), whether it
 * carries fixed or mobile traffic (which decides where an unprovisioned number goes), its number rules, and whether
 * the tenant goes in an RFC 4904 trunk group ({@code tgrp}) instead of the X-MS-TenantID header, how its core sends
 * and takes keys ({@link Dtmf}: Microsoft's side takes RFC 4733 events only), and
 * whether the gateway fills the gaps in what its core sends with comfort noise ({@code comfortNoise}: Operator
 * Connect and Teams Phone Mobile require comfort noise of the core, and ACG injects it for a core that sends none,
 * acg-behaviour.md §3.7), and the adjustments its core needs on SIP headers ({@code headerRules}, in order) and on the SDP it is sent
 * ({@code sdp}).
 */
public record Trunk(String name, CallRouting.TrunkKind kind, List<Peer> peers, NumberNormalisation numbers,
        boolean tenantInTgrp, Dtmf dtmf, Redirection.Form redirection, List<String> codecs,
        Provisional provisional, boolean comfortNoise, List<HeaderRule> headerRules, TrunkSdp sdp) {

    /**
     * How the trunk's callers take provisional answers: early media (18x with SDP) or not, reliably (RFC 3262
     * 100rel, when their INVITE supports it) or not, and whether they need ringback played to them when the far
     * side rings without media (their network plays none of its own).
     */
    public record Provisional(boolean earlyMedia, boolean reliable, boolean injectRingback) {
    }

    /**
     * How a core sends and takes keys: RFC 4733 events (passed as they are), SIP INFO (the gateway turns each into
     * events and back, {@link DtmfRelay}), or tones in the audio ({@link InbandDtmf}: rtpengine detects them).
     */
    public enum Dtmf {
        RFC4733, INFO, INBAND
    }

    /** Whether the core's keys come and go as SIP INFO. */
    public boolean dtmfInfo() {
        return dtmf == Dtmf.INFO;
    }


    public Trunk {
        codecs = List.copyOf(codecs);
        headerRules = List.copyOf(headerRules);
    }

    /** Is this address one of the trunk's peers? Calls are taken from a trunk's own peers only. */
    public boolean hasPeerAt(String address) {
        return peers.stream().anyMatch(p -> p.host().equals(address));
    }
}
