package org.opencg.sip.sbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Topology hiding and the tenant's trunk group (issue 5; acg-behaviour.md §3.10). */
class LegHeadersTest {

    @Test
    void pathEquipmentAndPrivateHeadersStayOnTheirLeg() {
        for (String own : new String[] {"User-Agent", "Server", "P-Charging-Vector", "P-Access-Network-Info",
            "P-Asserted-Identity", "X-MS-FMC", "x-ms-sbc", "X-MS-RegionInfo", "X-Operator-Trace",
            "History-Info", "Diversion", // rebuilt for the leg (Redirection), never copied
            "P-Preferred-Identity", "Remote-Party-ID", "P-Charging-Function-Addresses", "P-Called-Party-ID",
            "Alert-Info", "Call-Info", "Organization", "Warning", "Any-Header-Invented-Tomorrow"}) {
            assertTrue(LegHeaders.removedFromCopy(own), own);
        }
        for (String passes : new String[] {"Privacy", "Supported", "Allow", "Session-Expires", "x", "Content-Type",
            "c", "Reason", "Refer-To", "Event", "Subscription-State", "Info-Package",
            "Geolocation", "Geolocation-Routing"}) { // RFC 6442: an emergency call's location travels with it
            assertFalse(LegHeaders.removedFromCopy(passes), passes);
        }
        for (String containers : new String[] {"Via", "v", "Record-Route", "Contact", "CSeq", "Max-Forwards"}) {
            assertFalse(LegHeaders.removedFromCopy(containers), "the container's own, never removed: " + containers);
        }
    }

    @Test
    void theTenantCanTravelAsATrunkGroup() {
        assertEquals("sip:+442071234567;tgrp=0f3c6a8e-1b2d-4c5e-8f70-9a1b2c3d4e5f;trunk-context=teams.example.net"
                + "@core.example.net;user=phone", LegHeaders.trunkGroupUri("+442071234567",
                        "0f3c6a8e-1b2d-4c5e-8f70-9a1b2c3d4e5f", "teams.example.net", "core.example.net"));
    }
}
