package org.opencg.sip.container.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencg.core.net.SourceAllowlist;
import org.opencg.sip.container.SipContainer;
import org.opencg.sip.container.core.LoopbackStacks;

/**
 * The admission on a real JAIN-SIP stack configured as the container's, over UDP on loopback: a peer's request reaches
 * the listener, a stranger's is answered 403 without reaching it, and a flooding source is cut off.
 */
class AdmissionValveTest {

    private SipStack stack;
    private String name;
    private int port;
    private final List<String> reached = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Properties properties = SipContainer.stackProperties();
        name = properties.getProperty("javax.sip.STACK_NAME");
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        Admission admission = new Admission(new AdmissionSettings(Map.of("operator", SourceAllowlist.parse("")),
                20, 0, 20, 60, List.of("friendly-scanner"), 10, 10, 60, 10), Map.of("127.0.0.1:" + port, "operator"));
        admission.admitPeer("operator", InetAddress.getByName("127.0.0.1"));
        Admission.register(name, admission);
        stack = SipFactory.getInstance().createSipStack(properties);
        SipProvider provider = stack.createSipProvider(stack.createListeningPoint("127.0.0.1", port, ListeningPoint.UDP));
        provider.addSipListener(new LoopbackStacks.Listener() {
            @Override
            public void processRequest(RequestEvent event) {
                reached.add(((javax.sip.header.CallIdHeader) event.getRequest().getHeader("Call-ID")).getCallId());
            }
        });
        stack.start();
    }

    @AfterEach
    void stop() {
        stack.stop();
        Admission.unregister(name);
    }

    private String options(DatagramSocket socket, String callId, String userAgent) throws Exception {
        return options(socket, callId, userAgent, "UDP");
    }

    private String options(DatagramSocket socket, String callId, String userAgent, String viaTransport)
            throws Exception {
        String from = socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
        String message = "OPTIONS sip:127.0.0.1:" + port + " SIP/2.0\r\nVia: SIP/2.0/" + viaTransport + " " + from
                + ";branch=z9hG4bK" + callId + "\r\nMax-Forwards: 70\r\nFrom: <sip:a@" + from + ">;tag=1\r\n"
                + "To: <sip:b@127.0.0.1>\r\nCall-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\n"
                + (userAgent == null ? "" : "User-Agent: " + userAgent + "\r\n") + "Content-Length: 0\r\n\r\n";
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", port)));
        byte[] buffer = new byte[4096];
        DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(answer);
            return new String(buffer, 0, answer.getLength(), StandardCharsets.US_ASCII);
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    private static DatagramSocket from(String address, int timeoutMillis) throws Exception {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, 0));
        socket.setSoTimeout(timeoutMillis);
        return socket;
    }

    @Test
    void aPeersRequestReachesTheContainerAndAStrangersIsAnswered403() throws Exception {
        try (DatagramSocket peer = from("127.0.0.1", 500); DatagramSocket stranger = from("127.0.0.9", 3000)) {
            options(peer, "peer-1", null);
            String refused = options(stranger, "stranger-1", null);
            assertTrue(refused != null && refused.startsWith("SIP/2.0 403"), String.valueOf(refused));
            assertTrue(refused.contains(";tag="), "a stateless answer has a To tag: " + refused);
            long deadline = System.currentTimeMillis() + 3000;
            while (!reached.contains("peer-1") && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(List.of("peer-1"), reached);
        }
    }

    @Test
    void aFloodingStrangerIsCutOffAndAScannerIsNeverAnswered() throws Exception {
        // The bucket refills while the burst is sent, so how many are answered depends on the machine's speed; what
        // does not is the order: answers (403) first, then, once the source is banned, none at all.
        List<Boolean> answered = new java.util.ArrayList<>();
        try (DatagramSocket stranger = from("127.0.0.10", 200)) {
            for (int i = 0; i < 80; i++) {
                answered.add(options(stranger, "flood-" + i, null) != null);
            }
        }
        int firstUnanswered = answered.indexOf(false);
        assertTrue(firstUnanswered >= 20, "the burst is answered 403 at first: " + answered);
        assertTrue(firstUnanswered > 0 && !answered.subList(60, 80).contains(true),
                "then nothing, to the end of the flood: " + answered);
        try (DatagramSocket scanner = from("127.0.0.11", 1000)) {
            assertEquals(null, options(scanner, "scan-1", "friendly-scanner"));
            assertEquals(null, options(scanner, "scan-2", "Linphone"), "the scanner stays banned");
        }
        assertTrue(reached.isEmpty(), String.valueOf(reached));
    }

    /** A datagram whose Via claims TLS (or nothing the gateway speaks) is answered 400 over UDP, never over TLS. */
    @Test
    void aDatagramWhoseViaNamesAnotherTransportIsAnswered400OnUdp() throws Exception {
        try (DatagramSocket peer = from("127.0.0.1", 3000)) {
            for (String transport : new String[] {"TLS", "TCP", "FOO"}) {
                String answer = options(peer, "via-" + transport, null, transport);
                assertTrue(answer != null && answer.startsWith("SIP/2.0 400 "), transport + ": " + answer);
            }
        }
        assertTrue(reached.isEmpty(), String.valueOf(reached));
    }
}
