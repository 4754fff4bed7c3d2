package org.opencg.sip.sbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Topology hiding and in-dialog parameters (issue 5; acg-behaviour.md §3.10-§3.11). */
class LegHeadersTest {

    @Test
    void pathDialogAndEquipmentHeadersStayOnTheirLeg() {
        for (String own : new String[] {"Via", "v", "Record-Route", "Route", "Contact", "m", "Call-ID", "CSeq",
            "User-Agent", "Server", "P-Charging-Vector", "X-MS-FMC", "x-ms-sbc"}) {
            assertFalse(LegHeaders.copied(own), own);
        }
        for (String passes : new String[] {"P-Asserted-Identity", "Privacy", "Diversion", "History-Info",
            "Supported", "Allow", "Session-Expires", "Content-Type"}) {
            assertTrue(LegHeaders.copied(passes), passes);
        }
    }

    @Test
    void inDialogRequestsKeepOnlyTheParametersTheDialogStartedWith() {
        Map<String, String> initial = Map.of("user", "phone", "transport", "tls");
        Map<String, String> later = new LinkedHashMap<>();
        later.put("user", "phone");
        later.put("maddr", "203.0.113.9");
        later.put("transport", "tls");
        assertEquals(Map.of("user", "phone", "transport", "tls"), LegHeaders.inDialogParameters(initial, later));
    }

    @Test
    void theTenantCanTravelAsATrunkGroup() {
        assertEquals("sip:+442071234567;tgrp=0f3c6a8e-1b2d-4c5e-8f70-9a1b2c3d4e5f;trunk-context=teams.example.net"
                + "@core.example.net;user=phone", LegHeaders.trunkGroupUri("+442071234567",
                        "0f3c6a8e-1b2d-4c5e-8f70-9a1b2c3d4e5f", "teams.example.net", "core.example.net"));
    }
}
