package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operator listening point, spoken to over the wire the way an operator SBC would. */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SipListenerIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.earWithoutApplications();
    }

    private static String request(String method, String transport, int localPort, String callId) {
        String target = "127.0.0.1:" + TestServer.SIP_PORT;
        return method + " sip:" + target + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:" + localPort + ";branch=z9hG4bK" + callId + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:peer@127.0.0.1>;tag=peer1\r\n"
                + "To: <sip:" + target + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 7 " + method + "\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static String overUdp(String method) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(3000);
            String callId = UUID.randomUUID().toString().replace("-", "");
            byte[] bytes = request(method, "UDP", socket.getLocalPort(), callId).getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", TestServer.SIP_PORT)));
            byte[] buffer = new byte[4096];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            socket.receive(reply);
            String response = new String(buffer, 0, reply.getLength(), StandardCharsets.US_ASCII);
            assertTrue(response.contains("Call-ID: " + callId), response);
            return response;
        }
    }

    @Test
    void optionsOverUdpIsAnswered200WithAToTag() throws Exception {
        String response = overUdp("OPTIONS");
        assertTrue(response.startsWith("SIP/2.0 200 OK\r\n"), response);
        assertTrue(response.matches("(?s).*\r\nTo: <sip:127.0.0.1:" + TestServer.SIP_PORT + ">;tag=\\w+\r\n.*"), response);
        assertTrue(response.contains("\r\nCSeq: 7 OPTIONS\r\n"), response);
        assertTrue(response.contains("\r\nAllow: OPTIONS\r\n"), response);
    }

    @Test
    void optionsOverTcpIsAnswered200() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", TestServer.SIP_PORT)) {
            socket.setSoTimeout(3000);
            String callId = UUID.randomUUID().toString().replace("-", "");
            socket.getOutputStream().write(request("OPTIONS", "TCP", socket.getLocalPort(), callId)
                    .getBytes(StandardCharsets.US_ASCII));
            String response = readHeaders(socket.getInputStream());
            assertTrue(response.startsWith("SIP/2.0 200 OK\r\n"), response);
            assertTrue(response.contains("Call-ID: " + callId), response);
        }
    }

    @Test
    void aMethodTheGatewayDoesNotHandleYetIsRefusedWith405AndAllow() throws Exception {
        String response = overUdp("INVITE");
        assertTrue(response.startsWith("SIP/2.0 405 "), response);
        assertTrue(response.contains("\r\nAllow: OPTIONS\r\n"), response);
    }

    @Test
    void ackIsNeverAnswered() throws Exception {
        boolean answered;
        try {
            overUdp("ACK");
            answered = true;
        } catch (SocketTimeoutException expected) {
            answered = false;
        }
        assertEquals(false, answered, "RFC 3261 §17: ACK gets no response");
    }

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (!out.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            out.write(b);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
