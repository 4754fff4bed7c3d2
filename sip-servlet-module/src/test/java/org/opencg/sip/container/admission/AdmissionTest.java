package org.opencg.sip.container.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencg.core.net.SourceAllowlist;
import org.opencg.sip.container.admission.Admission.Reason;
import org.opencg.sip.container.admission.Admission.Verdict;

/** Who gets in on which side, and what a flood or a scanner gets, without a server: the rules alone. */
class AdmissionTest {

    private static final InetAddress PEER = address("192.0.2.10");
    private static final InetAddress MICROSOFT = address("52.113.5.20");
    private static final InetAddress STRANGER = address("198.51.100.7");

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sources inside a side's blocks and strangers both get {@code rate}; peers {@code peerRate}. */
    private static AdmissionSettings settings(int rate, int peerRate, int perSource, int max) {
        return new AdmissionSettings(Map.of(
                "operator", SourceAllowlist.parse(""),
                "teams", SourceAllowlist.parse(AdmissionSettings.MICROSOFT_SIP_RANGES)),
                rate, peerRate, rate, 60, List.of("friendly-scanner", "sipvicious"), max, perSource, 120, 10);
    }

    private static Admission admission(AdmissionSettings settings) {
        return new Admission(settings, Map.of("10.0.0.1:5060", "operator", "10.0.0.1:5063", "teams"));
    }

    @Test
    void aSideTakesItsPeersAndItsBlocksAndRefusesEveryoneElse() {
        Admission admission = admission(settings(0, 0, 8, 100));
        admission.admitPeer("operator", PEER);
        assertEquals(Verdict.PASS, admission.request("10.0.0.1", 5060, PEER, null));
        assertEquals(Verdict.REFUSE, admission.request("10.0.0.1", 5060, STRANGER, null));
        assertEquals(Verdict.REFUSE, admission.request("10.0.0.1", 5060, MICROSOFT, null),
                "Microsoft's ranges are the Teams side's, not the operator's");
        assertEquals(Verdict.PASS, admission.request("10.0.0.1", 5063, MICROSOFT, null));
        assertEquals(Verdict.REFUSE, admission.request("10.0.0.1", 5063, PEER, null),
                "an operator peer is no Teams peer");
        assertEquals(Verdict.REFUSE, admission.request("10.0.0.9", 5060, PEER, null), "an unknown point takes nobody");
        assertEquals(4, admission.turnedAway(Reason.SOURCE), "every refusal is counted");
    }

    @Test
    void aSourceOverItsRateIsBannedAndDroppedWhileAPeerGoesOn() {
        Admission admission = admission(settings(10, 0, 8, 100));
        admission.admitPeer("operator", PEER);
        int passed = 0;
        int refused = 0;
        for (int i = 0; i < 500; i++) {
            Verdict verdict = admission.request("10.0.0.1", 5063, MICROSOFT, null);
            passed += verdict == Verdict.PASS ? 1 : 0;
            refused += verdict == Verdict.REFUSE ? 1 : 0;
        }
        assertTrue(passed >= 10 && passed <= 21, "the burst (two seconds' worth) passes, then nothing: " + passed);
        assertEquals(0, refused);
        assertEquals(1, admission.bannedSources());
        assertEquals(1, admission.bansStarted(), "one ban, not one per request");
        assertEquals(Verdict.DROP, admission.request("10.0.0.1", 5063, MICROSOFT, null), "banned");
        for (int i = 0; i < 500; i++) {
            assertEquals(Verdict.PASS, admission.request("10.0.0.1", 5060, PEER, null), "peers have no rate by default");
        }
        // A stranger flooding is banned too, so its 403s stop.
        for (int i = 0; i < 100; i++) {
            admission.request("10.0.0.1", 5060, STRANGER, null);
        }
        assertEquals(Verdict.DROP, admission.request("10.0.0.1", 5060, STRANGER, null));
        assertTrue(admission.turnedAway(Reason.RATE) >= 1 && admission.turnedAway(Reason.BANNED) >= 1);
    }

    @Test
    void aPeerRateWhenSetCutsOffThatPeerAlone() {
        Admission admission = admission(settings(10, 100, 8, 100));
        InetAddress other = address("192.0.2.11");
        admission.admitPeer("operator", PEER);
        admission.admitPeer("operator", other);
        for (int i = 0; i < 500; i++) {
            admission.request("10.0.0.1", 5060, PEER, null);
        }
        assertEquals(Verdict.DROP, admission.request("10.0.0.1", 5060, PEER, null));
        assertEquals(Verdict.PASS, admission.request("10.0.0.1", 5060, other, null));
    }

    @Test
    void eachStandingHasItsOwnRate() {
        Admission admission = admission(new AdmissionSettings(Map.of("operator", SourceAllowlist.parse(""),
                "teams", SourceAllowlist.parse(AdmissionSettings.MICROSOFT_SIP_RANGES)),
                100, 0, 5, 60, List.of(), 100, 8, 120, 10));
        for (int i = 0; i < 50; i++) {
            assertEquals(Verdict.PASS, admission.request("10.0.0.1", 5063, MICROSOFT, null),
                    "inside Microsoft's ranges: 100 a second, 200 in a burst");
        }
        int answered = 0;
        for (int i = 0; i < 50; i++) {
            answered += admission.request("10.0.0.1", 5063, STRANGER, null) == Verdict.REFUSE ? 1 : 0;
        }
        assertTrue(answered <= 11, "a stranger's 403s stop after its burst of 10: " + answered);
    }

    @Test
    void aScannerIsDroppedAndBannedWhateverItsAddress() {
        Admission admission = admission(settings(0, 0, 8, 100));
        admission.admitPeer("operator", PEER);
        assertEquals(Verdict.DROP, admission.request("10.0.0.1", 5063, MICROSOFT, "User-Agent: friendly-scanner\r\n"));
        assertEquals(Verdict.DROP, admission.request("10.0.0.1", 5063, MICROSOFT, null), "banned from then on");
        assertEquals(Verdict.PASS, admission.request("10.0.0.1", 5060, PEER, "User-Agent: Kamailio 5.8\r\n"));
        assertEquals(1, admission.turnedAway(Reason.SCANNER));
    }

    @Test
    void connectionsAreRefusedFromStrangersAndCappedPerSourceAndInTotal() throws Exception {
        InetAddress loopback = address("127.0.0.1");
        try (ServerSocket server = new ServerSocket(0, 50, loopback)) {
            int port = server.getLocalPort();
            Admission admission = new Admission(new AdmissionSettings(Map.of("operator",
                    SourceAllowlist.parse("127.0.0.1/32")), 0, 0, 0, 60, List.of(), 3, 2, 7, 10),
                    Map.of("127.0.0.1:" + port, "operator"));
            List<Socket> clients = new ArrayList<>();
            List<Socket> accepted = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    clients.add(connect("127.0.0.1", port));
                    accepted.add(server.accept());
                }
                assertNull(admission.connection("127.0.0.1", port, accepted.get(0)));
                assertEquals(7000, accepted.get(0).getSoTimeout(), "the idle timeout is set");
                assertNull(admission.connection("127.0.0.1", port, accepted.get(1)));
                assertNotNull(admission.connection("127.0.0.1", port, accepted.get(2)), "a third from one source");
                accepted.get(0).close();
                assertNull(admission.connection("127.0.0.1", port, accepted.get(2)), "a closed one no longer counts");
                assertEquals(2, admission.openConnections());

                clients.add(connect("127.0.0.9", port));
                accepted.add(server.accept());
                assertNotNull(admission.connection("127.0.0.1", port, accepted.get(3)), "not on the side's list");
                assertEquals(1, admission.turnedAway(Reason.SOURCE));
                assertEquals(1, admission.turnedAway(Reason.CONNECTIONS));
            } finally {
                for (Socket socket : clients) {
                    socket.close();
                }
                for (Socket socket : accepted) {
                    socket.close();
                }
            }
        }
    }

    private static Socket connect(String from, int port) throws Exception {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        return socket;
    }
}
