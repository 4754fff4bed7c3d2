package org.opencg.sip.sbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import javax.servlet.sip.SipServletRequest;

import org.opencg.core.trunks.HeaderRule;

/**
 * A trunk's header rules ({@link HeaderRule}) applied to one request: toward the trunk on what the gateway has built
 * to send, from the trunk on what it received before it reads it. A replacement whose result the SIP parser refuses
 * leaves the header as it was, and is logged once per rule, not per call.
 */
final class TrunkHeaders {

    private static final Logger LOG = Logger.getLogger(TrunkHeaders.class.getName());
    private static final Set<HeaderRule> WARNED = ConcurrentHashMap.newKeySet();

    private TrunkHeaders() {
    }

    static void apply(Trunk trunk, HeaderRule.Direction way, SipServletRequest request) {
        if (trunk == null) {
            return;
        }
        for (HeaderRule rule : trunk.headerRules()) {
            if (!rule.appliesTo(way, request.getMethod())) {
                continue;
            }
            switch (rule.action()) {
                case ADD -> request.addHeader(rule.header(), rule.value());
                case REMOVE -> request.removeHeader(rule.header());
                case REPLACE -> replace(trunk, rule, request);
            }
        }
    }

    private static void replace(Trunk trunk, HeaderRule rule, SipServletRequest request) {
        List<String> before = new ArrayList<>();
        request.getHeaders(rule.header()).forEachRemaining(before::add);
        if (before.isEmpty()) {
            return;
        }
        List<String> after = before.stream().map(rule::replaced).toList();
        if (after.equals(before)) {
            return;
        }
        try {
            put(request, rule.header(), after);
        } catch (IllegalArgumentException e) {
            put(request, rule.header(), before);
            if (WARNED.add(rule)) {
                LOG.warning(() -> "trunk " + trunk.name() + ": rule '" + rule.describe() + "' left " + rule.header()
                        + " as it was: " + e.getMessage());
            }
        }
    }

    private static void put(SipServletRequest request, String header, List<String> values) {
        request.removeHeader(header);
        values.forEach(value -> request.addHeader(header, value));
    }
}
