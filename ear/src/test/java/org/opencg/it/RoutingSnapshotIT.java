package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencg.it.ProvisioningApi.assertAzureError;
import static org.opencg.it.ProvisioningApi.delete;
import static org.opencg.it.ProvisioningApi.post;
import static org.opencg.it.ProvisioningApi.put;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The routing snapshot the SIP side reads (issue 4): a SIP request to a number finds what the Provisioning API
 * committed, at once and without a database read on the call path (the test application answers OPTIONS from the
 * snapshot); a refused batch leaves no route, a deleted number or account none either.
 */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoutingSnapshotIT {

    private static final String TENANT = "5b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.earWithTestApplication();
    }

    /** OPTIONS to the number over UDP; the answer's status code and its X-Route header. */
    private static String route(String number) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5000);
            String callId = UUID.randomUUID().toString();
            String request = "OPTIONS sip:" + number + "@127.0.0.1:" + TestServer.SIP_PORT + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK" + callId + "\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=1\r\nTo: <sip:" + number
                    + "@127.0.0.1>\r\nCall-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), TestServer.SIP_PORT));
            byte[] buffer = new byte[4096];
            DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
            socket.receive(answer);
            String text = new String(buffer, 0, answer.getLength(), StandardCharsets.US_ASCII);
            String status = text.substring("SIP/2.0 ".length(), "SIP/2.0 ".length() + 3);
            String header = text.lines().filter(l -> l.startsWith("X-Route: ")).map(l -> l.substring(9)).findFirst()
                    .orElse("");
            return status + (header.isEmpty() ? "" : " | " + header);
        }
    }

    @Test
    void committedNumbersAreRoutableAtOnceAndRemovedOnesAreNot() throws Exception {
        String account = "route-" + System.nanoTime();
        assertEquals(201, put("/accounts/" + account, """
                {"serviceDetails":{"teamsTenantId":"%s","teamsOperatorConnect":{"syncEnabled":false,"enabled":true},
                 "zoomPhoneCloudPeering":{"syncEnabled":false,"enabled":true}}}""".formatted(TENANT)).statusCode());
        String prefix = "+3120" + (System.nanoTime() % 1_000_000);
        String first = prefix + "01";
        String second = prefix + "02";
        assertEquals("404", route(first));

        assertEquals(200, post("/accounts/" + account + ":createOrUpdateNumbers", """
                {"numbers":[{"telephoneNumber":"%s","serviceDetails":{"teamsOperatorConnect":{"enabled":true}},
                  "configuration":{"customSipHeader":"ctx-9"}},
                 {"telephoneNumber":"%s","serviceDetails":{"zoomPhoneCloudPeering":{"enabled":true}}}]}"""
                .formatted(first, second)).statusCode());
        assertEquals("200 | " + account + ";[teamsOperatorConnect];ctx-9;" + TENANT, route(first));
        assertEquals("200 | " + account + ";[zoomPhoneCloudPeering];null;" + TENANT, route(second));

        // A refused batch changes no route: the first item would move the number to Zoom, the second is bad.
        assertAzureError(post("/accounts/" + account + ":createOrUpdateNumbers", """
                {"numbers":[{"telephoneNumber":"%s","serviceDetails":{"zoomPhoneCloudPeering":{"enabled":true}}},
                 {"telephoneNumber":"12345","serviceDetails":{}}]}""".formatted(first)), 400, "InvalidTelephoneNumber");
        assertTrue(route(first).contains("[teamsOperatorConnect]"), route(first));

        assertEquals(204, delete("/accounts/" + account + "/numbers/" + first).statusCode());
        assertEquals("404", route(first));
        assertEquals(204, delete("/accounts/" + account + "?deleteNumbers=true").statusCode());
        assertEquals("404", route(second));
    }
}
