package org.opencg.sip.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ListeningPointSpecTest {

    @Test
    void parsesEveryTransportOfASide() {
        List<ListeningPointSpec> specs = ListeningPointSpec.parseAll("operator",
                "udp:127.0.0.1:5060, TCP:127.0.0.1:5060,tls:127.0.0.1:5061");
        assertEquals(List.of(
                new ListeningPointSpec("operator", Transport.UDP, "127.0.0.1", 5060),
                new ListeningPointSpec("operator", Transport.TCP, "127.0.0.1", 5060),
                new ListeningPointSpec("operator", Transport.TLS, "127.0.0.1", 5061)), specs);
        assertEquals("tls:127.0.0.1:5061", specs.get(2).toString());
    }

    @Test
    void badEntriesAreRefusedWithTheSettingNamed() {
        for (String bad : new String[] {"", "udp", "udp:127.0.0.1", "sctp:127.0.0.1:5060", "udp::5060",
                "udp:127.0.0.1:0", "udp:127.0.0.1:70000", "udp:127.0.0.1:five"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ListeningPointSpec.parseAll("teams", bad), bad);
            assertTrue(e.getMessage().startsWith("opencg.sip.listening-point.teams"), e.getMessage());
        }
    }
}
