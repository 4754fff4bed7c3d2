package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The 49 RFC 4475 torture messages sent byte for byte to the live operator listener over UDP and TCP, with a SIP
 * application deployed behind it. The gateway must answer each as the RFC says (or drop it where no response
 * can be built), stay alive after every one, and keep no session or transaction once they are all handled.
 * The gateway answers to the address in each message's Via (RFC 3261 §18.2.2): received=127.0.0.1 and port
 * 5060, so this test listens on 127.0.0.1:5060 (UDP and TCP) and matches responses to messages by Call-ID.
 */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TortureIT {

    /**
     * RFC 4475's messages as the RFC's base64 archive unpacks them, kept in the repository's test resources where
     * they also seed the SIP input fuzzer (SipInputFuzzTest).
     */
    private static final Path MESSAGES = Path.of(System.getProperty("opencg.repo", ".."),
            "sip-servlet-module/src/test/resources/org/opencg/sip/SipInputFuzzTestInputs");
    private static final Set<String> INVALID = Set.of("badinv01", "clerr", "scalar02", "scalarlg", "quotbal", "ltgtruri",
            "lwsruri", "lwsstart", "trws", "escruri", "baddate", "regbadct", "badaspec", "baddn", "badvers", "mismatch01",
            "mismatch02", "bigcode");
    /**
     * Responses RFC 4475 names, for the messages whose answer can reach this test: those whose Via the gateway can
     * send to without DNS (the sandbox has none; messages with a host name in Via are answered into the void).
     * The other refusals (415 for invut, 420 for bext01, ...) are covered by UasChecksTest and StrictParserTest.
     */
    private static final Map<String, Integer> EXPECTED = Map.of("zeromf", 483, "unkscm", 416, "novelsc", 416,
            "badaspec", 400);
    private static final Set<String> DATAGRAM_ONLY = Set.of("clerr", "inv2543");
    private static final Pattern CALL_ID = Pattern.compile("(?mi)^(?:Call-ID|i)\\s*:\\s*(\\S+)");
    private static final Pattern STATUS = Pattern.compile("^SIP/2\\.0 (\\d{3}) ?(.*)");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.earWithTestApplication();
    }

    @Test
    void everyTortureMessageIsAnsweredOrDroppedAndTheGatewayStaysUp() throws Exception {
        List<Path> files;
        try (Stream<Path> all = Files.list(MESSAGES)) {
            files = all.filter(p -> p.toString().endsWith(".dat")).sorted().toList();
        }
        assertEquals(49, files.size(), "RFC 4475 has 49 messages in " + MESSAGES);
        Map<String, List<String>> report = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        try (Collector responses = new Collector()) {
            for (Path file : files) {
                String name = file.getFileName().toString().replace(".dat", "");
                byte[] message = Files.readAllBytes(file);
                responses.sendUdp(message);
                if (!DATAGRAM_ONLY.contains(name)) {
                    responses.sendTcp(message);
                }
                Thread.sleep(700);
                List<String> answers = responses.answersTo(callId(message));
                report.put(name, answers);
                judge(name, answers, problems);
                if (!gatewayAnswersOptions()) {
                    problems.add(name + ": the gateway stopped answering OPTIONS after it");
                    break;
                }
            }
        }
        StringBuilder table = new StringBuilder();
        report.forEach((k, v) -> table.append(String.format("%-11s %s%n", k, v)));
        Files.writeString(Path.of("target/rfc4475-report.txt"), table);
        assertTrue(problems.isEmpty(), String.join("\n", problems) + "\n\n" + table);

        assertEquals(0.0, Metrics.awaitValue("opencg_sip_application_sessions", "", 0, 10), "application sessions left");
        assertEquals(0.0, Metrics.awaitValue("opencg_sip_sessions", "", 0, 10), "SIP sessions left");
        // Server transactions end with Timer H or J, 32 s over UDP (RFC 3261 §17.2.1, §17.2.2).
        assertEquals(0.0, Metrics.awaitValue("opencg_sip_server_transactions", "", 0, 45), "server transactions left");
        assertEquals(0.0, Metrics.awaitValue("opencg_sip_client_transactions", "", 0, 5), "client transactions left");
    }

    /**
     * The invalid OPTIONS whose Via names a host, so that the main test sees their answers only where DNS fails fast,
     * sent again with a loopback Via (the rest byte for byte): RFC 4475 names the answer of each.
     */
    @Test
    void invalidOptionsWithAHostInViaGetTheirRfcResponseWhenViaIsReachable() throws Exception {
        Map<String, Integer> expected = Map.of("badvers", 505, "baddn", 400, "badaspec", 400);
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(3000);
            for (Map.Entry<String, Integer> message : new TreeMap<>(expected).entrySet()) {
                String text = Files.readString(MESSAGES.resolve(message.getKey() + ".dat"), StandardCharsets.ISO_8859_1)
                        .replaceFirst("(?m)^(Via:\\s*SIP/\\d\\.\\d/UDP)\\s+[^;]+;",
                                "$1 127.0.0.1:" + socket.getLocalPort() + ";");
                byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
                socket.send(new DatagramPacket(bytes, bytes.length,
                        new InetSocketAddress("127.0.0.1", TestServer.SIP_PORT)));
                byte[] buffer = new byte[4096];
                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                socket.receive(reply);
                String status = new String(buffer, 0, reply.getLength(), StandardCharsets.ISO_8859_1).lines().findFirst()
                        .orElse("");
                assertTrue(status.startsWith("SIP/2.0 " + message.getValue() + " "), message.getKey() + ": " + status);
            }
        }
    }

    private static void judge(String name, List<String> answers, List<String> problems) {
        for (String answer : answers) {
            int status = Integer.parseInt(answer.substring(0, 3));
            // 501 is RFC 3261 §8.2.1's answer to a method nobody implements, 505 RFC 4475 §3.1.2.15's to a SIP version
            // other than 2.0 (badvers); any other 5xx is a failure.
            if (status >= 500 && status != 501 && !(status == 505 && name.equals("badvers"))) {
                problems.add(name + ": answered " + answer);
            }
            if (INVALID.contains(name) && status >= 200 && status < 300 && !name.equals("trws")) {
                problems.add(name + ": an invalid message was accepted with " + answer);
            }
        }
        Integer expected = EXPECTED.get(name);
        if (expected != null && answers.stream().noneMatch(a -> a.startsWith(expected.toString()))) {
            problems.add(name + ": expected " + expected + " but got " + answers);
        }
    }

    private static String callId(byte[] message) {
        Matcher matcher = CALL_ID.matcher(new String(message, StandardCharsets.ISO_8859_1));
        return matcher.find() ? matcher.group(1) : "";
    }

    /** Listens on 127.0.0.1:5060 over UDP and TCP, and keeps every response that arrives there or on our connections. */
    private static final class Collector implements AutoCloseable {
        private final DatagramSocket udp;
        private final ServerSocket tcp;
        private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<StringBuffer> streams = new ConcurrentLinkedQueue<>();
        private final List<Thread> readers = new ArrayList<>();
        private volatile boolean open = true;

        Collector() throws IOException {
            try {
                udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 5060));
                tcp = new ServerSocket(5060, 50, InetAddress.getByName("127.0.0.1"));
            } catch (BindException e) {
                fail("127.0.0.1:5060 is taken (a gateway started with ./opencg run?); this test answers there: " + e);
                throw e;
            }
            udp.setSoTimeout(200);
            tcp.setSoTimeout(200);
            start(this::readUdp);
            start(this::acceptTcp);
        }

        private void start(Runnable loop) {
            Thread thread = new Thread(loop, "rfc4475-collector");
            thread.setDaemon(true);
            thread.start();
            readers.add(thread);
        }

        private void readUdp() {
            byte[] buffer = new byte[65535];
            while (open) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    udp.receive(packet);
                    received.add(new String(buffer, 0, packet.getLength(), StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    // timeout: look again
                }
            }
        }

        private void acceptTcp() {
            while (open) {
                try {
                    Socket socket = tcp.accept();
                    start(() -> readStream(socket));
                } catch (IOException e) {
                    // timeout: look again
                }
            }
        }

        private void readStream(Socket socket) {
            try (socket; InputStream in = socket.getInputStream()) {
                socket.setSoTimeout(200);
                // A response may arrive in several reads: the stream is kept whole and split when it is read.
                StringBuffer text = new StringBuffer();
                streams.add(text);
                byte[] buffer = new byte[8192];
                while (open) {
                    try {
                        int read = in.read(buffer);
                        if (read < 0) {
                            break;
                        }
                        text.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
                    } catch (SocketTimeoutException e) {
                        // look again
                    }
                }
            } catch (IOException e) {
                // the peer closed it
            }
        }

        void sendUdp(byte[] message) throws IOException {
            udp.send(new DatagramPacket(message, message.length, new InetSocketAddress("127.0.0.1", TestServer.SIP_PORT)));
        }

        /** Sends over a new connection and keeps it open briefly: a response may come back on it (§18.2.2). */
        void sendTcp(byte[] message) {
            start(() -> {
                try {
                    Socket socket = new Socket();
                    socket.connect(new InetSocketAddress("127.0.0.1", TestServer.SIP_PORT), 2000);
                    socket.getOutputStream().write(message);
                    readStream(socket);
                } catch (IOException e) {
                    received.add("connection: " + e.getMessage());
                }
            });
        }

        /** Distinct status lines of the responses carrying this Call-ID (UDP retransmissions counted once). */
        List<String> answersTo(String callId) {
            List<String> answers = new ArrayList<>();
            List<String> messages = new ArrayList<>(received);
            for (StringBuffer stream : streams) {
                for (String message : stream.toString().split("(?=SIP/2\\.0 \\d{3} )")) {
                    messages.add(message);
                }
            }
            for (String message : messages) {
                Matcher status = STATUS.matcher(message);
                Matcher id = CALL_ID.matcher(message);
                if (status.find() && id.find() && id.group(1).equals(callId)) {
                    String line = status.group(1) + " " + status.group(2).trim();
                    if (!line.startsWith("100") && !answers.contains(line)) {
                        answers.add(line);
                    }
                }
            }
            return answers;
        }

        @Override
        public void close() throws IOException {
            open = false;
            udp.close();
            tcp.close();
        }
    }

    private static boolean gatewayAnswersOptions() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(3000);
            String callId = "alive-" + System.nanoTime();
            String options = "OPTIONS sip:127.0.0.1:" + TestServer.SIP_PORT + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK" + callId + "\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=p\r\nTo: <sip:127.0.0.1>\r\n"
                    + "Call-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            byte[] bytes = options.getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", TestServer.SIP_PORT)));
            byte[] buffer = new byte[4096];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            socket.receive(reply);
            return new String(buffer, 0, reply.getLength(), StandardCharsets.US_ASCII).startsWith("SIP/2.0 200");
        } catch (SocketTimeoutException e) {
            return false;
        }
    }
}
