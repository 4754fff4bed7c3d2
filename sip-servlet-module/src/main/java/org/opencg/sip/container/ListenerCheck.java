package org.opencg.sip.container;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks from the outside that a listening point really answers: over UDP an OPTIONS must come back 200 (which
 * also proves the stack's threads process messages); over TCP and TLS the port must accept a connection.
 */
final class ListenerCheck {

    private static final int TIMEOUT_MS = 2000;

    private ListenerCheck() {
    }

    /** Empty when the listening point answers, otherwise why not. */
    static Optional<String> problem(ListeningPointSpec spec) {
        try {
            InetAddress address = InetAddress.getByName(spec.address());
            InetSocketAddress target = new InetSocketAddress(
                    address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : address, spec.port());
            return spec.transport() == Transport.UDP ? optionsOverUdp(target) : connect(target);
        } catch (IOException e) {
            return Optional.of(spec + " does not answer (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> connect(InetSocketAddress target) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(target, TIMEOUT_MS);
            return Optional.empty();
        }
    }

    private static Optional<String> optionsOverUdp(InetSocketAddress target) throws IOException {
        // From the listening address itself: the gateway's own addresses are the one source every side takes.
        try (DatagramSocket socket = new DatagramSocket(0, target.getAddress())) {
            socket.setSoTimeout(TIMEOUT_MS);
            String callId = UUID.randomUUID().toString();
            byte[] request = options(target, socket.getLocalPort(), callId).getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(request, request.length, target));
            byte[] buffer = new byte[4096];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            socket.receive(reply);
            String answer = new String(buffer, 0, reply.getLength(), StandardCharsets.US_ASCII);
            return answer.startsWith("SIP/2.0 200") && answer.contains(callId)
                    ? Optional.empty()
                    : Optional.of("udp:" + target.getHostString() + ":" + target.getPort() + " answered OPTIONS with "
                            + answer.lines().findFirst().orElse("nothing"));
        }
    }

    private static String options(InetSocketAddress target, int localPort, String callId) {
        String host = target.getHostString() + ":" + target.getPort();
        return "OPTIONS sip:" + host + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=z9hG4bK" + callId.replace("-", "") + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:health@127.0.0.1>;tag=" + callId.substring(0, 8) + "\r\n"
                + "To: <sip:" + host + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }
}
