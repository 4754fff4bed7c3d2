package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who gets in on the SIP sides, tried as an attacker would (issue 23): a stranger's call through the Teams side or
 * the operator side reaches no peer, a flood from one source is cut off while a peer's call goes on, and thousands
 * of idle connections leave the server's threads bounded; and robustness (issue 24): a header that never ends or a
 * message over the limit on a TCP connection is answered and cut off, and the calls go on. The test server takes SIP
 * from 127.0.0.1 (its peers) and,
 * on the operator side, from 127.0.0.8 (allowed, but no trunk's peer); 127.0.0.9 is nobody's.
 */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SipAdmissionIT {

    private static final String STRANGER = "127.0.0.9";
    private static final String UNLISTED = "127.0.0.8";
    private static final int TEAMS_CALLER_PORT = 16091;
    private static final int TEAMS_CALLER_TCP = 16090;
    private static final int OPERATOR_CALLER_PORT = 15170;

    private static Sipp teams;
    private static Sipp operator;
    private static final List<Socat> tls = new ArrayList<>();
    private static Path certificate;
    private static String prefix;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    @BeforeAll
    static void peers() throws Exception {
        certificate = Socat.certificate("teams-emulator");
        teams = Sipp.peer("teams-proxy", Map.of("HOST", "127.0.0.1", "PORT", "15071", "BUSY", "x", "DECLINE", "x",
                "SILENT", "x"), List.of("-t", "t1", "-p", "16071"));
        tls.add(Socat.server(15071, 16071, certificate));
        operator = Sipp.peer("operator-callee", Map.of(), List.of("-p", "15090"));
        prefix = "+4420" + (System.nanoTime() % 100_000);
    }

    @AfterAll
    static void stopPeers() throws Exception {
        teams.stop();
        operator.stop();
        for (Socat socat : tls) {
            socat.close();
        }
    }

    @BeforeEach
    void peersUp() throws Exception {
        for (String peer : List.of("sip", "op1")) {
            assertEquals(1.0, Metrics.awaitValue("opencg_sbc_peer_up", "peer=\"" + peer + "\"", 1, 30), peer);
        }
    }

    /** A call from the operator's peer to Teams, as the gateway's daily work: it must complete. */
    private static void aPeersCallCompletes(String called) throws Exception {
        Sipp caller = Sipp.with("operator-caller", List.of("-p", String.valueOf(OPERATOR_CALLER_PORT), "-m", "1",
                "-s", "0" + called.substring(3), "-key", "calling", "02079460000", "-key", "extra", "X-Test: plain",
                "127.0.0.1:" + TestServer.SIP_PORT));
        assertEquals(0, caller.await(), caller.report());
    }

    @Test
    void aStrangersCallThroughTheTeamsSideReachesNoOperatorPeer() throws Exception {
        String called = "+442079469001";
        // Teams calling in as SIPp does elsewhere, but through a TLS connection from an address that is no peer's,
        // with a certificate of the trusted CA: toll fraud, were it let in.
        try (Socat fromStranger = Socat.client(STRANGER, TEAMS_CALLER_TCP, TestServer.SIP_TEAMS_PORT, certificate)) {
            Sipp caller = Sipp.with("teams-caller", List.of("-t", "t1", "-p", String.valueOf(TEAMS_CALLER_PORT),
                    "-m", "1", "-s", called, "-key", "calling", prefix + "901", "-key", "host", "1r1.gw.opencg.test",
                    "-key", "extra", "X-MS-Test: fraud", "-key", "contact_port", "15999",
                    "127.0.0.1:" + TEAMS_CALLER_TCP));
            caller.await();
            assertTrue(caller.messages("SIP/2.0 200").isEmpty(), caller.report());
        }
        Thread.sleep(1000);
        assertTrue(operator.dialogWith("02079469001").isEmpty(), "the stranger's call reached the operator");
        assertTrue(Metrics.value("opencg_sip_turned_away_total", "reason=\"source\"") >= 1);
    }

    @Test
    void aStrangersInviteOnTheOperatorSideIsRefused403AndRoutedNowhere() throws Exception {
        String called = prefix + "902";
        try (DatagramSocket socket = udpFrom(STRANGER, 3000)) {
            send(socket, invite(socket, called, "stranger-" + System.nanoTime()));
            String answer = receive(socket);
            assertTrue(answer != null && answer.startsWith("SIP/2.0 403 "), String.valueOf(answer));
        }
        Thread.sleep(1000);
        assertTrue(teams.dialogWith(called).isEmpty(), "the stranger's call reached Teams");
    }

    /**
     * 500 INVITEs a second from one source (allowed on the operator side, but no trunk's peer, so limited to the test
     * server's 200 requests a second): after its burst it is banned and hears nothing more, while a peer's call
     * completes during the flood.
     */
    @Test
    void aFloodFromOneSourceIsCutOffWhileAPeersCallGoesOn() throws Exception {
        double bansBefore = Math.max(0, Metrics.value("opencg_sip_bans_total", ""));
        Set<Integer> answered = ConcurrentHashMap.newKeySet();
        int sent = 2000;
        try (DatagramSocket socket = udpFrom(UNLISTED, 200)) {
            Thread listener = new Thread(() -> {
                byte[] buffer = new byte[8192];
                while (!socket.isClosed()) {
                    try {
                        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                        socket.receive(packet);
                        String message = new String(buffer, 0, packet.getLength(), StandardCharsets.US_ASCII);
                        java.util.regex.Matcher id = java.util.regex.Pattern.compile("Call-ID: flood-(\\d+)")
                                .matcher(message);
                        if (id.find()) {
                            answered.add(Integer.parseInt(id.group(1)));
                        }
                    } catch (SocketTimeoutException e) {
                        // keep listening until the socket closes
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            listener.start();
            Thread flood = new Thread(() -> {
                long start = System.nanoTime();
                for (int i = 0; i < sent; i++) {
                    try {
                        send(socket, invite(socket, prefix + "903", "flood-" + i));
                        long due = start + (i + 1) * 2_000_000L; // 500 a second
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            flood.start();
            aPeersCallCompletes(prefix + "904");
            flood.join(30_000);
            Thread.sleep(2000);
            socket.close();
            listener.join(5000);
        }
        int last = answered.stream().mapToInt(Integer::intValue).max().orElse(-1);
        assertTrue(!answered.isEmpty() && answered.size() < 1000,
                "answered " + answered.size() + " of " + sent + " INVITEs");
        assertTrue(last < 1000, "the INVITEs of the flood's last two seconds were answered (up to #" + last + ")");
        assertTrue(Metrics.value("opencg_sip_bans_total", "") >= bansBefore + 1, "no ban counted");
        assertTrue(Metrics.value("opencg_sip_banned_sources", "") >= 1, "no source banned now");
        String log = Files.readString(TestServer.BASE_DIR.resolve("log/server.log"));
        assertEquals(1, log.lines().filter(l -> l.contains("SIP: " + UNLISTED + " banned")).count(),
                "one log line for the ban, not one per packet");
    }

    /**
     * 2,000 idle TCP connections (half from a stranger, half from an allowed address) and 1,000 idle TLS
     * connections: JAIN-SIP gives each connection it keeps a thread, so the gateway keeps at most its per-source
     * limit (64) from each source and closes the stranger's at once; its threads stay bounded and a call completes.
     */
    @Test
    void thousandsOfIdleConnectionsLeaveTheThreadsBoundedAndACallCompletes() throws Exception {
        long before = ServerThreads.count();
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                openIdle(STRANGER, TestServer.SIP_PORT, sockets);
                openIdle("127.0.0.1", TestServer.SIP_PORT, sockets);
            }
            SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
            for (int i = 0; i < 1000; i++) {
                Socket plain = openIdle("127.0.0.1", TestServer.SIP_TEAMS_PORT, sockets);
                if (plain != null) {
                    // An idle TLS client: connected, its handshake never begun.
                    sockets.add((SSLSocket) factory.createSocket(plain, "127.0.0.1", TestServer.SIP_TEAMS_PORT, true));
                }
            }
            Thread.sleep(3000);
            long during = ServerThreads.count();
            assertTrue(during - before < 400, "threads went from " + before + " to " + during);
            assertTrue(Metrics.value("opencg_sip_connections", "") <= 2 * 64 + 4,
                    "connections kept: " + Metrics.value("opencg_sip_connections", ""));
            aPeersCallCompletes(prefix + "905");
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        assertTrue(Metrics.value("opencg_sip_turned_away_total", "reason=\"connections\"") >= 1000);
    }

    @Test
    void aHeaderThatNeverEndsIsCutOffAtTheLimitAndACallCompletes() throws Exception {
        long threadsBefore = ServerThreads.count();
        long sent = 0;
        String answer;
        try (Socket socket = new Socket("127.0.0.1", TestServer.SIP_PORT)) {
            socket.setSoTimeout(10_000);
            byte[] endless = "y".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            try {
                socket.getOutputStream().write(options(socket, "endless", "").replace("Content-Length: 0\r\n\r\n",
                        "X-Endless: ").getBytes(StandardCharsets.US_ASCII));
                while (sent < 256L << 20) { // the reproducer sends without end; 256 MB is 4,000 times the limit
                    socket.getOutputStream().write(endless);
                    sent += endless.length;
                }
            } catch (java.net.SocketException closedByTheGateway) {
                // what should happen once the limit has passed
            }
            answer = readResponse(socket);
        }
        assertTrue(sent < 16L << 20, "the gateway read " + sent + " bytes of one header");
        assertTrue(answer.startsWith("SIP/2.0 513 "), answer);
        assertTrue(answer.contains("Call-ID: endless"), answer);
        Eventually.until("threads back to " + threadsBefore + " (+10)", java.time.Duration.ofSeconds(20),
                () -> ServerThreads.count() <= threadsBefore + 10);
        aPeersCallCompletes(prefix + "906");
    }

    @Test
    void aMessageOverTheLimitOverTcpGets513AndTheConnectionsNextMessageIsAnswered() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", TestServer.SIP_PORT)) {
            socket.setSoTimeout(10_000);
            // 40 KB of headers: over ACG's 10 KB (513 from the container), within what a stream carries
            send(socket, options(socket, "large-headers", "X-Padding: " + "x".repeat(40_000) + "\r\n"));
            assertTrue(readResponse(socket).startsWith("SIP/2.0 513 "));
            send(socket, options(socket, "after-headers", ""));
            assertTrue(readResponse(socket).startsWith("SIP/2.0 200 "));
            // 100 KB of body: over the stream's limit, skipped as it is read
            String body = "z".repeat(100_000);
            send(socket, options(socket, "large-body", "").replace("Content-Length: 0", "Content-Type: text/plain\r\n"
                    + "Content-Length: " + body.length()) + body);
            String tooLarge = readResponse(socket);
            assertTrue(tooLarge.startsWith("SIP/2.0 513 ") && tooLarge.contains("Call-ID: large-body"), tooLarge);
            send(socket, options(socket, "after-body", ""));
            String next = readResponse(socket);
            assertTrue(next.startsWith("SIP/2.0 200 ") && next.contains("Call-ID: after-body"), next);
        }
        assertTrue(Metrics.value("opencg_sip_turned_away_total", "reason=\"oversize\"") >= 1);
    }

    @Test
    void aStreamThatCannotBeSplitIntoMessagesIsAnswered400AndClosed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", TestServer.SIP_PORT)) {
            socket.setSoTimeout(10_000);
            send(socket, options(socket, "bare-cr", "X-Bad: a\r\r\n"));
            String answer = readResponse(socket);
            assertTrue(answer.startsWith("SIP/2.0 400 ") && answer.contains("Call-ID: bare-cr"), answer);
            assertEquals(-1, socket.getInputStream().read(), "the connection is closed");
        }
    }

    @Test
    void aPeersRequestOverTcpIsAdmittedByItsAddressNotTheOneItsViaNames() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", TestServer.SIP_PORT)) {
            socket.setSoTimeout(10_000);
            // A peer behind NAT, or one whose Via names its public address: 192.0.2.125 is nobody's here.
            send(socket, options(socket, "via-elsewhere", "").replace("Via: SIP/2.0/TCP 127.0.0.1:",
                    "Via: SIP/2.0/TCP 192.0.2.125:"));
            String answer = readResponse(socket);
            assertTrue(answer.startsWith("SIP/2.0 200 ") && answer.contains("Call-ID: via-elsewhere"), answer);
        }
    }

    @Test
    void aRequestOverTcpWhoseViaNamesUdpGets400OnItsConnection() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", TestServer.SIP_PORT)) {
            socket.setSoTimeout(10_000);
            // JAIN-SIP would answer it as a datagram, then take the Via's address for the connection's peer.
            send(socket, options(socket, "udp-via", "").replace("SIP/2.0/TCP 127.0.0.1:", "SIP/2.0/UDP 192.0.2.125:"));
            String refused = readResponse(socket);
            assertTrue(refused.startsWith("SIP/2.0 400 ") && refused.contains("Call-ID: udp-via"), refused);
            send(socket, options(socket, "after-udp-via", ""));
            String next = readResponse(socket);
            assertTrue(next.startsWith("SIP/2.0 200 ") && next.contains("Call-ID: after-udp-via"), next);
        }
    }

    private static String options(Socket socket, String callId, String extra) {
        String from = "127.0.0.1:" + socket.getLocalPort();
        return "OPTIONS sip:127.0.0.1:" + TestServer.SIP_PORT + " SIP/2.0\r\nVia: SIP/2.0/TCP " + from
                + ";branch=z9hG4bK" + callId + System.nanoTime() + "\r\nMax-Forwards: 70\r\nFrom: <sip:op@" + from
                + ">;tag=s\r\nTo: <sip:gw@127.0.0.1>\r\nCall-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\n" + extra
                + "Content-Length: 0\r\n\r\n";
    }

    private static void send(Socket socket, String message) throws IOException {
        socket.getOutputStream().write(message.getBytes(StandardCharsets.US_ASCII));
    }

    /** The next response's start line and headers (its body, if any, is left unread). */
    private static String readResponse(Socket socket) throws IOException {
        java.io.ByteArrayOutputStream headers = new java.io.ByteArrayOutputStream();
        while (!headers.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = socket.getInputStream().read();
            if (b < 0) {
                break;
            }
            headers.write(b);
        }
        return headers.toString(StandardCharsets.US_ASCII);
    }

    /** Connects and keeps the socket; null when the gateway reset it before the connection was complete here. */
    private static Socket openIdle(String from, int port, List<Socket> sockets) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(from, 0));
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            return socket;
        } catch (java.net.SocketException e) {
            return null; // refused as it was accepted: what the gateway does beyond its limits
        }
    }

    private static DatagramSocket udpFrom(String address, int timeoutMillis) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0));
        socket.setSoTimeout(timeoutMillis);
        return socket;
    }

    private static String invite(DatagramSocket socket, String called, String callId) {
        String from = socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
        String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.9\r\ns=-\r\nc=IN IP4 127.0.0.9\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n";
        return "INVITE sip:0" + called.substring(3) + "@127.0.0.1:" + TestServer.SIP_PORT + ";user=phone SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + from + ";branch=z9hG4bK" + callId + "\r\nMax-Forwards: 70\r\n"
                + "From: <sip:02079460999@" + from + ";user=phone>;tag=f\r\nTo: <sip:0" + called.substring(3)
                + "@127.0.0.1>\r\nCall-ID: " + callId + "\r\nCSeq: 1 INVITE\r\nContact: <sip:caller@" + from + ">\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
    }

    private static void send(DatagramSocket socket, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", TestServer.SIP_PORT)));
    }

    /** The first final answer, or null when none comes in the socket's timeout. */
    private static String receive(DatagramSocket socket) throws IOException {
        byte[] buffer = new byte[8192];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            }
            String message = new String(buffer, 0, packet.getLength(), StandardCharsets.US_ASCII);
            if (!message.startsWith("SIP/2.0 1")) {
                return message;
            }
        }
    }
}
