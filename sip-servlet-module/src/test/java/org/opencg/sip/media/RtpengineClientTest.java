package org.opencg.sip.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ng client against a real rtpengine (Debian rtpengine-daemon) behind a lossy relay on loopback: the ng
 * protocol runs over UDP, and a lost datagram either way must cost a retransmission, not a call.
 */
class RtpengineClientTest {

    private static Process rtpengine;
    private static InetSocketAddress ng;

    @BeforeAll
    static void startRtpengine() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        ng = new InetSocketAddress("127.0.0.1", port);
        File log = new File("target", "rtpengine-client-test.log");
        rtpengine = new ProcessBuilder(List.of("rtpengine", "--config-file=none", "--foreground", "--table=-1",
                "--interface=127.0.0.1", "--listen-ng=127.0.0.1:" + port, "--port-min=42000", "--port-max=42099",
                // Deleted calls go at once, so a delete executed twice would fail on the second.
                "--delete-delay=0",
                "--log-stderr", "--log-level=6"))
                .redirectErrorStream(true).redirectOutput(log).start();
        RtpengineClient direct = new RtpengineClient(ng, Duration.ofMillis(200));
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try {
                direct.ping();
                return;
            } catch (RtpengineException e) {
                if (!rtpengine.isAlive() || System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("rtpengine did not start on " + ng + "; see " + log, e);
                }
                Thread.sleep(100);
            }
        }
    }

    @AfterAll
    static void stopRtpengine() throws InterruptedException {
        rtpengine.destroy();
        rtpengine.waitFor();
    }

    @Test
    void aLostRequestIsSentAgain() throws Exception {
        try (LossyRelay relay = new LossyRelay(ng, n -> n == 1, n -> false)) {
            RtpengineClient client = new RtpengineClient(relay.address(), Duration.ofMillis(1000));
            client.ping();
            assertTrue(relay.requests.get() >= 2, "the ping went again after the first was lost");
        }
    }

    /**
     * rtpengine executed the command whose reply was lost; the repeated one must be answered from its cache, not
     * executed again. A delete shows it: executed twice, the second would fail on a call that no longer exists.
     */
    @Test
    void aLostReplyIsAnsweredAgainWithoutTheCommandRunningTwice() throws Exception {
        String callId = "lost-reply-" + System.nanoTime();
        RtpengineClient direct = new RtpengineClient(ng, Duration.ofMillis(1000));
        direct.request(Map.of("command", "offer", "call-id", callId, "from-tag", "a",
                "sdp", "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                        + "m=audio 6000 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n"));
        try (LossyRelay relay = new LossyRelay(ng, n -> false, n -> n == 1)) {
            RtpengineClient client = new RtpengineClient(relay.address(), Duration.ofMillis(1000));
            assertEquals("ok", client.request(Map.of("command", "delete", "call-id", callId)).get("result"));
            assertTrue(relay.requests.get() >= 2, "the delete went again after its reply was lost");
        }
        RtpengineException gone = assertThrows(RtpengineException.class,
                () -> direct.request(Map.of("command", "query", "call-id", callId)));
        assertTrue(gone.getMessage().contains("Unknown call-id"), gone.getMessage());
    }

    /**
     * A trunk's SDP rules as the real rtpengine applies them to an offer toward the trunk: the media repacketised to
     * its ptime and said so, RTCP on its own port without an a=rtcp line.
     */
    @Test
    void anOfferTowardATrunkCarriesItsPtimeAndNoRtcpLine() {
        RtpengineClient direct = new RtpengineClient(ng, Duration.ofMillis(1000));
        String callId = "trunk-sdp-" + System.nanoTime();
        String sdp = new MediaAnchor(direct).offer(callId, "a", "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\n"
                + "c=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 7400 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\na=ptime:20\r\n",
                new MediaSide(false, List.of(), 0, true, 30, Rtcp.NO_ATTRIBUTE));
        direct.request(Map.of("command", "delete", "call-id", callId));
        assertTrue(sdp.contains("a=ptime:30") && !sdp.contains("a=ptime:20"), sdp);
        assertFalse(sdp.contains("a=rtcp"), sdp);
    }

    /** SDP rtpengine cannot read is the offer's fault (488), not an outage (503) that sends the caller elsewhere. */
    @Test
    void sdpRtpengineCannotReadIsAnsweredAsNotAcceptable() {
        RtpengineClient direct = new RtpengineClient(ng, Duration.ofMillis(1000));
        RtpengineException refused = assertThrows(RtpengineException.class, () -> direct.request(Map.of("command",
                "offer", "call-id", "unreadable-" + System.nanoTime(), "from-tag", "a",
                "sdp", "v=0\r\nm=audio notaport RTP/AVP 8\r\nc=IN IP4\r\n")));
        assertEquals(RtpengineException.Cause.UNREADABLE_SDP, refused.reason(), refused.getMessage());
        assertEquals(488, refused.sipStatus());
    }

    /** With every port of its range taken, rtpengine's refusal is overload: 503, for the caller to retry later. */
    @Test
    void runningOutOfPortsIsOverload() {
        RtpengineClient direct = new RtpengineClient(ng, Duration.ofMillis(1000));
        List<String> calls = new java.util.ArrayList<>();
        RtpengineException full = null;
        try {
            for (int i = 0; i < 100 && full == null; i++) {
                String callId = "full-" + i + "-" + System.nanoTime();
                try {
                    direct.request(Map.of("command", "offer", "call-id", callId, "from-tag", "a",
                            "sdp", "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                                    + "m=audio " + (7000 + 2 * i) + " RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n"));
                    calls.add(callId);
                } catch (RtpengineException e) {
                    full = e;
                }
            }
        } finally {
            calls.forEach(callId -> direct.request(Map.of("command", "delete", "call-id", callId)));
        }
        assertTrue(full != null, "100 ports taken by " + calls.size() + " calls without a refusal");
        assertEquals(RtpengineException.Cause.OUT_OF_PORTS, full.reason(), full.getMessage());
        assertEquals(503, full.sipStatus());
    }

    @Test
    void silenceTimesOutWithTheCommandNamed() throws Exception {
        try (LossyRelay relay = new LossyRelay(ng, n -> true, n -> false)) {
            RtpengineClient client = new RtpengineClient(relay.address(), Duration.ofMillis(400));
            RtpengineException e = assertThrows(RtpengineException.class, client::ping);
            assertTrue(e.getMessage().contains("did not answer 'ping' within 400 ms"), e.getMessage());
            // Sent at 0, 100, 200 and 300 ms; the last may still be on its way to the relay's counter.
            int sent = relay.requests.get();
            assertTrue(sent >= 3 && sent <= 4, "sent once and again at each quarter of the timeout: " + sent);
        }
    }

    /** Forwards ng datagrams between one client and rtpengine, dropping the requests and replies it is told to. */
    private static final class LossyRelay implements AutoCloseable {
        final AtomicInteger requests = new AtomicInteger();
        private final AtomicInteger replies = new AtomicInteger();
        private final DatagramSocket front = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        private final DatagramSocket back = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        private volatile InetSocketAddress client;

        LossyRelay(InetSocketAddress rtpengine, IntPredicate dropRequest, IntPredicate dropReply) throws SocketException {
            back.connect(rtpengine);
            start(() -> pump(front, packet -> {
                client = (InetSocketAddress) packet.getSocketAddress();
                return dropRequest.test(requests.incrementAndGet()) ? null : rtpengine;
            }, back));
            start(() -> pump(back, packet -> dropReply.test(replies.incrementAndGet()) ? null : client,
                    front));
        }

        InetSocketAddress address() {
            return (InetSocketAddress) front.getLocalSocketAddress();
        }

        private static void start(Runnable pump) {
            Thread thread = new Thread(pump, "lossy-relay");
            thread.setDaemon(true);
            thread.start();
        }

        private interface Route {
            InetSocketAddress to(DatagramPacket packet);
        }

        private static void pump(DatagramSocket from, Route route, DatagramSocket via) {
            byte[] buffer = new byte[65535];
            try {
                while (true) {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    from.receive(packet);
                    InetSocketAddress to = route.to(packet);
                    if (to != null) {
                        via.send(new DatagramPacket(packet.getData(), packet.getLength(), to));
                    }
                }
            } catch (IOException closed) {
                // the relay was closed
            }
        }

        @Override
        public void close() {
            front.close();
            back.close();
        }
    }
}
