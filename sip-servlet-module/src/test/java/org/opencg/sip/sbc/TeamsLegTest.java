package org.opencg.sip.sbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The Teams leg's forms (acg-behaviour.md §3.3-§3.6, checklist 18-21) and the peers' configuration. */
class TeamsLegTest {

    @Test
    void contactNamesTheTenantByDomain() {
        assertEquals("contoso.1r1.gw.example.com", TeamsLeg.contactHost("contoso", 1, "gw.example.com"));
        assertEquals("1r2.gw.example.com", TeamsLeg.contactHost(null, 2, "gw.example.com"));
        assertEquals("<sip:+442071234567@contoso.1r1.gw.example.com:5061;transport=tls>",
                TeamsLeg.inviteContact("+442071234567", "contoso.1r1.gw.example.com", 5061));
        assertEquals("<sip:1r1.gw.example.com:5061;transport=tls>",
                TeamsLeg.optionsContact("1r1.gw.example.com", 5061));
    }

    @Test
    void numbersAreE164WithUserPhone() {
        assertEquals("sip:+442071234567@sip.pstnhub.microsoft.com:5061;user=phone",
                TeamsLeg.numberUri("+442071234567", "sip.pstnhub.microsoft.com", 5061));
        assertThrows(IllegalArgumentException.class, () -> TeamsLeg.numberUri("02071234567", "h", 5061));
        assertEquals("OpenCG/Gateway/0.1.0", TeamsLeg.xMsSbc("OpenCG", "Gateway", "0.1.0"));
        assertThrows(IllegalArgumentException.class, () -> TeamsLeg.xMsSbc("Open/CG", "Gateway", "1"));
    }

    @Test
    void peersAreReadFromOneSettingPerGroup() {
        List<Peer> teams = PeerList.parse("sip=tls:sip.pstnhub.microsoft.com:5061;priority=1, "
                + "sip2=tls:sip2.pstnhub.microsoft.com:5061;priority=2,sip3=tls:sip3.pstnhub.microsoft.com:5061;priority=3");
        assertEquals(3, teams.size());
        assertEquals(new Peer("sip2", "sip2.pstnhub.microsoft.com", 5061, "tls", 2, 0), teams.get(1));
        assertEquals(new Peer("core-a", "10.1.1.10", 5060, "udp", 1, 70),
                PeerList.parse("core-a=udp:10.1.1.10:5060;weight=70").get(0));
        assertEquals(new Peer("pbx", "10.1.1.11", 5060, "udp", 1, 0, "+441632960000"),
                PeerList.parse("pbx=udp:10.1.1.11:5060;keepalive-user=+441632960000").get(0));
        assertEquals(List.of(), PeerList.parse(" "));
        for (String bad : new String[] {"x=sctp:h:5060", "x=udp:h", "x=udp:h:70000", "x=udp:h:5060;color=1",
            "x=udp:h:5060,x=udp:g:5060", "x=udp:h:5060;priority=high"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PeerList.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("'x="), e.getMessage());
        }
    }

    @Test
    void theDirectRoutingLabelIsTheFirstOfACustomerSubdomain() {
        assertEquals("contoso", TeamsLeg.directRoutingLabel("contoso.1r2.gw.example.com", "gw.example.com"));
        assertEquals("contoso", TeamsLeg.directRoutingLabel("Contoso.1R1.GW.example.com", "gw.example.com"));
        assertNull(TeamsLeg.directRoutingLabel("1r1.gw.example.com", "gw.example.com"), "the carrier domain");
        assertNull(TeamsLeg.directRoutingLabel("a.b.1r1.gw.example.com", "gw.example.com"));
        assertNull(TeamsLeg.directRoutingLabel("contoso.r1.gw.example.com", "gw.example.com"));
        assertNull(TeamsLeg.directRoutingLabel("contoso.1r1.other.example.com", "gw.example.com"));
        assertNull(TeamsLeg.directRoutingLabel("contoso.1r1.gw.example.com", null));
    }
}
