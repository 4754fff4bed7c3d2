package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencg.it.ProvisioningApi.get;
import static org.opencg.it.ProvisioningApi.post;
import static org.opencg.it.ProvisioningApi.put;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

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
 * The SBC end to end (issue 5), against the product EAR: SIPp over TLS (behind socat) plays Microsoft's three Teams
 * proxies and Teams calling in, SIPp over UDP plays the operator's SBCs on two trunks; each test reads the bytes each
 * side received. Peers and trunks are configured in arquillian.xml.
 */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SbcIT {

    private static final String TENANT = "3d5e7f90-1a2b-4c3d-8e4f-5a6b7c8d9e0f";
    private static final String CARRIER = "1r1.gw.opencg.test";
    private static final int TEAMS_CALLER_PORT = 16081;
    private static final int TEAMS_CALLER_TLS = 15081;
    private static final int TEAMS_CALLER_TCP = 16080;
    private static final int OPERATOR_CALLER_PORT = 15160;

    private static final List<Sipp> proxies = new ArrayList<>();
    private static final List<Socat> tls = new ArrayList<>();
    private static Sipp zoom;
    private static Sipp operator;
    /** The Emergency Routing Service Provider of DirectToEsrp emergency calls. */
    private static Sipp esrp;
    private static Sipp mobile;
    private static String prefix;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    @BeforeAll
    static void peers() throws Exception {
        Path certificate = Socat.certificate("teams-emulator");
        String[] names = {"sip", "sip2", "sip3"};
        for (int i = 0; i < names.length; i++) {
            boolean first = i == 0;
            int port = 15071 + i;
            proxies.add(Sipp.peer("teams-proxy", Map.of("HOST", "127.0.0.1", "PORT", String.valueOf(port),
                    "BUSY", first ? "503" : "x", "DECLINE", first ? "603" : "x", "SILENT", first ? "408" : "x"),
                    List.of("-t", "t1", "-p", String.valueOf(16071 + i))));
            tls.add(Socat.server(port, 16071 + i, certificate));
        }
        zoom = Sipp.peer("teams-proxy", Map.of("HOST", "127.0.0.3", "PORT", "15074", "BUSY", "x", "DECLINE", "x", "SILENT", "x"),
                List.of("-t", "t1", "-p", "16074"));
        // The gateway checks that a TLS peer it calls is who it called: Zoom's emulator is at 127.0.0.3.
        tls.add(Socat.server("127.0.0.3", 15074, 16074, Socat.certificate("zoom-emulator", "127.0.0.3")));
        tls.add(Socat.client(TEAMS_CALLER_TCP, TestServer.SIP_TEAMS_PORT, certificate));
        tls.add(Socat.server(TEAMS_CALLER_TLS, TEAMS_CALLER_PORT, certificate));
        operator = Sipp.peer("operator-callee", Map.of(), List.of("-p", "15090"));
        mobile = Sipp.peer("operator-callee", Map.of(), List.of("-i", "127.0.0.2", "-p", "15090"));
        esrp = Sipp.peer("operator-callee", Map.of(), List.of("-i", "127.0.0.6", "-p", "15090"));
        prefix = "+4420" + (System.nanoTime() % 100_000);
    }

    @AfterAll
    static void stopPeers() throws Exception {
        for (Sipp sipp : proxies) {
            sipp.stop();
        }
        zoom.stop();
        operator.stop();
        mobile.stop();
        esrp.stop();
        for (Socat socat : tls) {
            socat.close();
        }
    }

    /** The keep-alive must have seen every peer answer before calls are offered (acg-behaviour.md §3.3). */
    @BeforeEach
    void peersUp() throws Exception {
        for (String peer : List.of("sip", "sip2", "sip3", "zoom1", "op1", "mob1", "esrp1")) {
            assertEquals(1.0, Metrics.awaitValue("opencg_sbc_peer_up", "peer=\"" + peer + "\"", 1, 30), peer);
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static Sipp callFromOperator(String called, String calling, String extra) throws Exception {
        return callFromOperator("operator-caller", called, calling, extra);
    }

    /** One call by an operator caller scenario; {@code extra} is one more header line of its INVITE. */
    private static Sipp callFromOperator(String scenario, String called, String calling, String extra)
            throws Exception {
        Sipp caller = Sipp.with(scenario, List.of("-p", String.valueOf(OPERATOR_CALLER_PORT), "-m", "1",
                "-s", called, "-key", "calling", calling, "-key", "extra", extra,
                "127.0.0.1:" + TestServer.SIP_PORT));
        caller.await();
        return caller;
    }

    private static Sipp callFromTeams(String called, String calling, String host) throws Exception {
        return callFromTeams(called, calling, host, "X-MS-Test: sbc");
    }

    /** One call from Teams; {@code extra} is one more header line of its INVITE. */
    private static Sipp callFromTeams(String called, String calling, String host, String extra) throws Exception {
        Sipp caller = Sipp.with("teams-caller", List.of("-t", "t1", "-p", String.valueOf(TEAMS_CALLER_PORT),
                "-m", "1", "-s", called, "-key", "calling", calling, "-key", "host", host, "-key", "extra", extra,
                "-key", "contact_port", String.valueOf(TEAMS_CALLER_TLS), "127.0.0.1:" + TEAMS_CALLER_TCP));
        caller.await();
        return caller;
    }

    /** The messages a peer exchanged in the dialog whose INVITE names {@code number}, waiting for its end. */
    private static List<String> dialog(Sipp peer, String number) throws Exception {
        List<List<String>> found = new ArrayList<>();
        Eventually.until("the dialog of " + number + " at a peer", java.time.Duration.ofSeconds(10), () -> {
            List<String> messages = peer.dialogWith(number);
            found.clear();
            found.add(messages);
            return messages.stream().anyMatch(m -> m.startsWith("SIP/2.0 200") && m.contains("BYE"))
                    || messages.stream().anyMatch(m -> m.startsWith("ACK"));
        });
        return found.get(0);
    }

    private static String first(List<String> messages, String start) {
        return messages.stream().filter(m -> m.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + start + " in " + messages));
    }

    private static void account(String name, String services) throws Exception {
        assertEquals(201, put("/accounts/" + name, "{\"serviceDetails\":{" + services + "}}").statusCode());
    }

    /** An account with these services and one number with {@code service} (and a custom header, if given). */
    private static void accountWithNumber(String account, String services, String number, String service,
            String customHeader) throws Exception {
        account(account, services);
        assertEquals(200, post("/accounts/" + account + ":createOrUpdateNumbers", "{\"numbers\":[{\"telephoneNumber\":\""
                + number + "\",\"serviceDetails\":{\"" + service + "\":{\"enabled\":true}}"
                + (customHeader == null ? "" : ",\"configuration\":{\"customSipHeader\":\"" + customHeader + "\"}")
                + "}]}").statusCode());
    }

    // --- tests --------------------------------------------------------------------------------------------------

    @Test
    void anOperatorCallReachesTeamsInTeamsFormAndHidesTheOperatorsTopology() throws Exception {
        String called = prefix + "101";
        Sipp caller = callFromOperator("0" + called.substring(3), "02079460000", "X-Test: plain");
        assertEquals(0, caller.await(), caller.report());
        List<String> teams = dialog(proxies.get(0), called);
        String invite = first(teams, "INVITE ");
        assertTrue(invite.startsWith("INVITE sip:" + called + "@127.0.0.1:15071;user=phone;transport=tls SIP/2.0"),
                invite);
        assertTrue(invite.contains("From: \"Operator Caller\" <sip:+442079460000@" + CARRIER + ";user=phone>;tag="),
                invite);
        assertTrue(invite.contains("P-Asserted-Identity: <sip:+442079460000@" + CARRIER + ";user=phone>"), invite);
        assertTrue(invite.contains("Contact: <sip:+442079460000@" + CARRIER + ":" + TestServer.SIP_TEAMS_PORT
                + ";transport=tls>"), invite);
        assertTrue(invite.contains("X-MS-SBC: OpenCG/OpenCG SBC/0.1"), invite);
        for (String leak : List.of(":" + OPERATOR_CALLER_PORT, "OperatorCore", "operator-internal", "X-Test")) {
            assertFalse(invite.contains(leak), leak + " leaked to Teams:\n" + invite);
        }
        List<String> operatorSide = caller.messages("SIP/2.0 200");
        assertFalse(operatorSide.isEmpty(), caller.report());
        for (String leak : List.of("ice-", "candidate", "15071", "api-du", "TLS")) {
            assertFalse(operatorSide.get(0).contains(leak), leak + " leaked to the operator:\n" + operatorSide.get(0));
        }
        // Media is anchored (issue 6): SRTP stops at rtpengine, and the operator sees its address, not Teams'.
        assertTrue(operatorSide.get(0).contains(" RTP/AVP ") && !operatorSide.get(0).contains("a=crypto"),
                "plain RTP toward the operator:\n" + operatorSide.get(0));
        assertTrue(first(teams, "BYE ").contains("CSeq: 2 BYE") || first(teams, "BYE ").contains("BYE sip:"),
                "the caller's BYE reached Teams");
    }

    @Test
    void peersPollingTheGatewayGet200AndReadinessSeesIt() throws Exception {
        JsonObject ready = TestServer.json(TestServer.get(TestServer.MANAGEMENT + "/health/ready").body());
        JsonObject listeners = ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> "sip-listeners".equals(c.getString("name"))).findFirst().orElseThrow();
        assertEquals("UP", listeners.getString("status"), "the SBC answers OPTIONS from peers: " + listeners);
    }

    @Test
    void teamsHangsUpAndTheOperatorGetsTheBye() throws Exception {
        String called = prefix + "777";
        Sipp caller = callFromOperator(called, "+442079460001", "X-Test: plain");
        assertEquals(0, caller.await(), caller.report());
        assertFalse(caller.messages("BYE ").isEmpty(), "BYE from Teams arrived at the operator\n" + caller.report());
    }

    @Test
    void sdpTowardTeamsLosesIceAndCodecsTeamsDoesNotTake() throws Exception {
        String called = prefix + "102";
        Sipp caller = callFromOperator(called, "+442079460002", "X-Test: plain");
        assertEquals(0, caller.await(), caller.report());
        String invite = first(dialog(proxies.get(0), called), "INVITE ");
        // SRTP with the one suite Teams takes; the caller's codecs first (passed through), then those rtpengine
        // transcodes to (acg-behaviour.md §3.7).
        assertTrue(invite.matches("(?s).*m=audio \\d+ RTP/SAVP 8 0 9 .*"), invite);
        assertEquals(1, invite.split("a=crypto:").length - 1, invite);
        assertTrue(invite.contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:"), invite);
    }

    /**
     * Provisional answers per trunk (acg-behaviour.md §3.7): the operator trunk (100rel=true) gets Teams' early
     * media in a reliable 183 its caller PRACKs; the mobile trunk (early-media=false) gets a 180 without SDP instead,
     * and the media only with the 200.
     */
    @Test
    void earlyMediaReachesEachTrunkReliablyOrNotAtAllAsItIsSet() throws Exception {
        Sipp reliable = callFromOperator("operator-caller-100rel", prefix + "110", "+442079460010", "X-Test: rel");
        assertEquals(0, reliable.await(), reliable.report());
        String early = reliable.message("SIP/2.0 183");
        assertTrue(early.contains("RSeq: ") && early.contains("Require: 100rel") && early.contains("m=audio"), early);
        assertTrue(reliable.messages("SIP/2.0 200").stream().anyMatch(m -> m.contains("PRACK")),
                "the gateway answered the PRACK:\n" + reliable.report());

        Sipp late = Sipp.with("operator-caller", List.of("-i", "127.0.0.2", "-p", String.valueOf(OPERATOR_CALLER_PORT),
                "-m", "1", "-s", prefix + "111", "-key", "calling", "+447700900011", "-key", "extra", "X-Test: late",
                "127.0.0.1:" + TestServer.SIP_PORT));
        assertEquals(0, late.await(), late.report());
        assertTrue(late.messages("SIP/2.0 183").isEmpty(), "no early media:\n" + late.report());
        assertTrue(late.messages("SIP/2.0 180").stream().allMatch(m -> !m.contains("m=audio")), late.report());
        assertTrue(late.message("SIP/2.0 200").contains("m=audio"), late.report());
    }

    /** Two Teams endpoints with early media (forking): the caller gets the first one's SDP only. */
    @Test
    void aForkedCallStaysLatchedToTheFirstEndpointWithEarlyMedia() throws Exception {
        String called = prefix + "183";
        Sipp caller = callFromOperator(called, "+442079460012", "X-Test: fork");
        assertEquals(0, caller.await(), caller.report());
        List<String> early = caller.messages("SIP/2.0 183");
        assertEquals(2, early.size(), caller.report());
        assertEquals(1, early.stream().filter(m -> m.contains("m=audio")).count(), caller.report());
        assertTrue(dialog(proxies.get(0), called).stream().anyMatch(m -> m.startsWith("ACK ")), "the call was answered");
    }

    @Test
    void failoverOn503MovesToSip2AndA603IsNeverRetried() throws Exception {
        String busy = prefix + "503";
        Sipp caller = callFromOperator(busy, "+442079460003", "X-Test: plain");
        assertEquals(0, caller.await(), caller.report());
        assertTrue(first(dialog(proxies.get(0), busy), "SIP/2.0 503").contains("Retry-After: 5"));
        assertFalse(dialog(proxies.get(1), busy).isEmpty(), "sip2 took the call after sip's 503");
        assertEquals(0.0, Metrics.value("opencg_sbc_peer_up", "peer=\"sip\""), "sip rests for its Retry-After");
        peersUp();

        String declined = prefix + "603";
        Sipp refused = callFromOperator(declined, "+442079460004", "X-Test: plain");
        assertEquals(603, refused.finalInviteStatus(), refused.report());
        Thread.sleep(500);
        assertTrue(proxies.get(1).dialogWith(declined).isEmpty(), "no retry after 603");
        assertTrue(proxies.get(2).dialogWith(declined).isEmpty(), "no retry after 603");
    }

    @Test
    void infoReInviteAndUpdatePassThroughTheLinkedLegAndARetransmittedByeIsAnsweredOnce() throws Exception {
        String called = prefix + "601";
        Sipp caller = callFromOperator("operator-caller-midcall", called, "+442079460601", "X-Test: plain");
        assertEquals(0, caller.await(), caller.report());
        List<String> teams = dialog(proxies.get(0), called);
        assertTrue(first(teams, "INFO ").contains("Signal=5"), "INFO with its body reached Teams");
        String reInvite = teams.stream().filter(m -> m.startsWith("INVITE ") && m.contains("a=sendonly")).findFirst()
                .orElseThrow(() -> new AssertionError("no re-INVITE at Teams: " + teams));
        assertTrue(first(teams, "UPDATE ").contains("a=sendrecv"), "UPDATE with its SDP reached Teams");
        assertTrue(teams.stream().anyMatch(m -> m.startsWith("ACK ") && !m.contains("CSeq: 1 ACK")),
                "the re-INVITE's 200 was acknowledged toward Teams");
        for (String message : teams) {
            assertFalse(message.contains(":" + OPERATOR_CALLER_PORT), "operator address leaked:\n" + message);
        }
        // The caller's BYE once more, byte for byte from its port, as a UDP retransmission inside Timer J.
        String answer = retransmitFromOperator(caller.messages("BYE ").get(0));
        assertTrue(answer.startsWith("SIP/2.0 200") && answer.contains("BYE"),
                "a retransmitted BYE is answered again from its transaction (RFC 3261 §17.2.2):\n" + answer);
        assertEquals(1, dialog(proxies.get(0), called).stream().filter(m -> m.startsWith("BYE ")).count(),
                "a retransmitted BYE is not passed on to Teams");
    }

    /**
     * Sends a request from the operator caller's port as SIPp traced it and returns the response to it. SIPp itself
     * cannot: it takes a second identical 200 for a retransmission of the first and drops it.
     */
    private static String retransmitFromOperator(String traced) throws Exception {
        String request = traced.strip().replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n\r\n";
        String callId = traced.lines().filter(l -> l.startsWith("Call-ID:")).findFirst().orElseThrow().substring(8).strip();
        return exchangeOverUdp(OPERATOR_CALLER_PORT, request, callId);
    }

    /** Sends a request to the gateway from a loopback UDP port and returns the first response in its Call-ID. */
    private static String exchangeOverUdp(int fromPort, String request, String callId) throws Exception {
        byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", fromPort))) {
            socket.setSoTimeout(5000);
            socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", TestServer.SIP_PORT)));
            byte[] buffer = new byte[65535];
            while (true) { // the gateway's OPTIONS to a trunk's port may come first
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                String message = new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
                if (message.startsWith("SIP/2.0") && message.contains(callId)) {
                    return message;
                }
            }
        }
    }

    @Test
    void aCancelWhileTeamsRingsReachesTeamsAndTheCallerGets487() throws Exception {
        String called = prefix + "487";
        Sipp caller = callFromOperator("operator-caller-cancel", called, "+442079460487", "X-Test: plain");
        assertEquals(0, caller.await(), caller.report());
        Eventually.until("CANCEL at Teams", java.time.Duration.ofSeconds(5),
                () -> proxies.get(0).dialogWith(called).stream().anyMatch(m -> m.startsWith("CANCEL ")));
        JsonObject record = ProvisioningApi.callRecord(called);
        assertEquals(487, record.getInt("status"), record.toString());
        assertEquals("caller", record.getString("endedBy"));
        assertTrue(!record.containsKey("answered") || record.isNull("answered"), record.toString());
    }

    @Test
    void aCallThatRingsPastTheRingLimitIsCancelledAtTeamsAndTheCallerGets408() throws Exception {
        String called = prefix + "9487"; // Teams' emulator rings for ever on numbers ending in 487
        Sipp caller = callFromOperator("operator-caller-unanswered", called, "+442079469487", "X-Test: plain");
        assertEquals(0, caller.await(), caller.report());
        Eventually.until("CANCEL at Teams", java.time.Duration.ofSeconds(5),
                () -> proxies.get(0).dialogWith(called).stream().anyMatch(m -> m.startsWith("CANCEL ")));
        JsonObject record = ProvisioningApi.callRecord(called);
        assertEquals(408, record.getInt("status"), record.toString());
        assertEquals("gateway", record.getString("endedBy"));
        assertTrue(record.getString("reason").contains("no answer within 10 s"), record.toString());
    }

    @Test
    void anUnansweredInviteMovesToTheNextProxyAfterTheFailoverTime() throws Exception {
        String silent = prefix + "408";
        Sipp caller = callFromOperator(silent, "+442079460005", "X-Test: plain");
        assertEquals(0, caller.await(), caller.report());
        assertFalse(proxies.get(0).dialogWith(silent).isEmpty(), "sip got the INVITE first");
        assertFalse(dialog(proxies.get(1), silent).isEmpty(), "sip2 took the call after 2 s of silence");
    }

    @Test
    void anInviteThatWasAlreadyThroughTeamsIsNotSentBack() throws Exception {
        String called = prefix + "104";
        Sipp caller = callFromOperator(called, "+442079460006", "X-MS-FMC: APP");
        assertEquals(482, caller.finalInviteStatus(), caller.report());
        for (Sipp proxy : proxies) {
            assertTrue(proxy.dialogWith(called).isEmpty(), "X-MS-FMC call sent to Teams");
        }
    }

    @Test
    void anOfferlessInviteReachesTeamsWithAnOfferMadeByTheGateway() throws Exception {
        String called = prefix + "105";
        Sipp caller = callFromOperator("operator-caller-nosdp", called, "+442079460007", "X-Test: plain");
        assertEquals(0, caller.await(), caller.report());
        String invite = first(dialog(proxies.get(0), called), "INVITE ");
        assertTrue(invite.matches("(?s).*m=audio \\d+ RTP/SAVP 8 0 .*a=crypto:1 AES_CM_128_HMAC_SHA1_80 .*"), invite);
        // The gateway's offer to the caller is in its 200 (RFC 3261 §13.2.1), plain RTP with what Teams chose.
        String ok = caller.message("SIP/2.0 200");
        assertTrue(ok.matches("(?s).*m=audio \\d+ RTP/AVP .*") && !ok.contains("a=crypto"), ok);
    }

    @Test
    void teamsCallsToTheOperatorCarryTheTenantAndCustomHeaderAndNoTeamsTopology() throws Exception {
        String account = "sbc-oc-" + System.nanoTime();
        String calling = prefix + "201";
        accountWithNumber(account, "\"teamsTenantId\":\"" + TENANT
                + "\",\"teamsOperatorConnect\":{\"syncEnabled\":false,\"enabled\":true}", calling, "teamsOperatorConnect", "gold-201");
        String called = "+442079460100";
        Sipp caller = callFromTeams(called, calling, CARRIER);
        assertEquals(0, caller.await(), caller.report());
        String invite = first(dialog(operator, "02079460100"), "INVITE ");
        assertTrue(invite.startsWith("INVITE sip:02079460100@127.0.0.1:15090;user=phone SIP/2.0"), invite);
        assertTrue(invite.contains("X-MS-TenantID: " + TENANT), invite);
        assertTrue(invite.contains("X-MS-Operator-Content: gold-201"), invite);
        assertTrue(invite.contains("From: <sip:0" + calling.substring(3) + "@127.0.0.1;user=phone>"), invite);
        for (String leak : List.of("pstnhub", "Microsoft.PSTNHub", "X-MS-RegionInfo", "ice-", "candidate", "TLS",
                String.valueOf(TEAMS_CALLER_TLS))) {
            assertFalse(invite.contains(leak), leak + " leaked to the operator:\n" + invite);
        }
        String ok = caller.message("SIP/2.0 200");
        assertTrue(ok.contains("Contact: <sip:" + called + "@" + CARRIER + ":" + TestServer.SIP_TEAMS_PORT), ok);
        assertTrue(ok.contains("X-MS-SBC: "), ok);
        assertFalse(ok.contains("OperatorCore") || ok.contains("operator-internal"), ok);
    }

    /**
     * Emergency calls from Teams (acg-behaviour.md §6): to 911, from a number nobody provisioned, each with SDP and a
     * PIDF-LO location in its body. A Direct Routing one reaches the operator, an Operator Connect one the ESRP (the
     * test server's e911Type is DirectToEsrp), with the number as dialled and the location part byte for byte; only
     * the SDP part is the media anchor's.
     */
    @Test
    void emergencyCallsFromTeamsReachTheOperatorOrTheEsrpWithTheirLocationUnchanged() throws Exception {
        String location = "--boundary1\nContent-Type: application/pidf+xml\nContent-ID: <loc1@teams.example>\n\n"
                + "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:+442079469911@teams.example\">"
                + "<tuple id=\"t1\"><status><geopriv><location-info><civicAddress><country>GB</country>"
                + "<A3>London</A3></civicAddress></location-info></geopriv></status></tuple></presence>\n"
                + "--boundary1--";
        emergencyFromTeams("contoso-" + System.nanoTime() % 1000 + "." + CARRIER, "+442079469911", location);
        assertEmergencyArrived(operator, "02079469911", location);
        emergencyFromTeams(CARRIER, "+442079469912", location);
        assertEmergencyArrived(esrp, "+442079469912", location);
        assertTrue(operator.dialogWith("02079469912").isEmpty(), "a DirectToEsrp call reached the operator");
        JsonObject record = ProvisioningApi.callRecord("+442079469912");
        assertEquals("911", record.getString("called"), record.toString());
        assertEquals("esrp1", record.getString("peer"), record.toString());
    }

    /**
     * DR ELIN (acg-behaviour.md §6; the test server sets opencg.emergency.elin-as-caller): a Direct Routing emergency
     * call whose PIDF-LO names an ELIN reaches the operator from the ELIN, in the trunk's form, its location still
     * byte for byte; the call record keeps the caller.
     */
    @Test
    void anEmergencyCallToTheOperatorCarriesTheElinOfItsLocationAsCaller() throws Exception {
        String location = "--boundary1\nContent-Type: application/pidf+xml\n\n"
                + "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:ms=\"urn:schema:Rtc.LinkLocation.2014\" "
                + "entity=\"pres:+442079469914@teams.example\"><tuple id=\"t1\"><status><geopriv/></status>"
                + "<ms:msftE911PidfExtn><ms:ELIN>+442079469990</ms:ELIN></ms:msftE911PidfExtn></tuple></presence>\n"
                + "--boundary1--";
        emergencyFromTeams("contoso-" + System.nanoTime() % 1000 + "." + CARRIER, "+442079469914", location);
        assertEmergencyArrived(operator, "02079469990", location);
        String invite = first(dialog(operator, "02079469990"), "INVITE ");
        assertTrue(invite.contains("From: <sip:02079469990@") && invite.contains("P-Asserted-Identity: <sip:02079469990@"),
                invite);
        assertFalse(invite.contains("02079469914"), "the caller's own number crossed:\n" + invite);
        assertEquals("+442079469914", ProvisioningApi.callRecord("+442079469914").getString("calling"));
    }

    /**
     * Admission control at its limit (the test server's opencg.sbc.max-calls, 20): with 20 calls ringing, a new call
     * gets 503 with Retry-After while an emergency call is taken; once they have ended, calls are taken again.
     */
    @Test
    void pastTheCallLimitANewCallGets503WhileAnEmergencyCallIsTaken() throws Exception {
        // Teams rings for ever on numbers ending in 487: each call stays in progress until the ring limit (10 s).
        Sipp ringing = Sipp.with("operator-caller-unanswered", List.of("-p", "15163", "-m", "20", "-r", "20", "-l", "20",
                "-s", prefix + "8487", "-key", "calling", "02079468487", "-key", "extra", "X-Test: held",
                "127.0.0.1:" + TestServer.SIP_PORT));
        assertEquals(20.0, Metrics.awaitValue("opencg_sbc_calls_in_progress", "", 20, 10), "calls held");
        String called = prefix + "952";
        String callId = "over-limit-" + System.nanoTime();
        String invite = "INVITE sip:" + called + "@127.0.0.1:" + TestServer.SIP_PORT + ";user=phone SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:15164;branch=z9hG4bK" + callId + "\r\nMax-Forwards: 70\r\n"
                + "From: <sip:+442079460952@127.0.0.1;user=phone>;tag=1\r\nTo: <sip:" + called + "@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 INVITE\r\nContact: <sip:+442079460952@127.0.0.1:15164>\r\n"
                + "Content-Length: 0\r\n\r\n";
        String refused = exchangeOverUdp(15164, invite, callId);
        assertTrue(refused.startsWith("SIP/2.0 503 Service Unavailable (call limit of 20 reached)"), refused);
        assertTrue(refused.contains("Retry-After: 5"), refused);
        // Answered where the datagram arrived, before parsing (EarlyShedding), as its To-tag shows.
        assertTrue(refused.contains(";tag=shed"), refused);
        emergencyFromTeams(CARRIER, "+442079469913", "--boundary1--");
        assertEquals(0, ringing.await(), ringing.report());
        assertEquals(0.0, Metrics.awaitValue("opencg_sbc_calls_in_progress", "", 0, 10), "calls left in progress");
        Sipp after = callFromOperator(prefix + "953", "+442079460953", "X-Test: plain");
        assertEquals(0, after.await(), after.report());
        assertTrue(Metrics.value("opencg_sbc_admission_refused_calls_total", "") >= 1);
    }

    /** Teams calls 911 with a multipart body: its usual SDP, then {@code location}. */
    private static void emergencyFromTeams(String host, String calling, String location) throws Exception {
        Sipp caller = Sipp.changed("teams-caller", Map.of(
                "      [extra]\n", "      [extra]\n      Geolocation: <cid:loc1@teams.example>\n"
                        + "      Geolocation-Routing: yes\n",
                "      Content-Type: application/sdp\n", "      Content-Type: multipart/mixed;boundary=boundary1\n",
                // The part's header in lower case: these replacements are made in no set order.
                "      v=0\n", "      --boundary1\n      content-type: application/sdp\n\n      v=0\n",
                "      a=ptime:20\n", "      a=ptime:20\n      " + location.replace("\n", "\n      ") + "\n"),
                List.of("-t", "t1", "-p", String.valueOf(TEAMS_CALLER_PORT), "-m", "1", "-s", "911", "-key", "calling",
                        calling, "-key", "host", host, "-key", "extra", "X-MS-Test: emergency",
                        "-key", "contact_port", String.valueOf(TEAMS_CALLER_TLS), "127.0.0.1:" + TEAMS_CALLER_TCP));
        assertEquals(0, caller.await(), caller.report());
    }

    private static void assertEmergencyArrived(Sipp peer, String calling, String location) throws Exception {
        String invite = first(dialog(peer, calling), "INVITE ").replace("\r\n", "\n");
        assertTrue(invite.startsWith("INVITE sip:911@"), invite);
        assertTrue(invite.contains("Content-Type: multipart/mixed;boundary=boundary1\n"), invite);
        assertTrue(invite.contains("\nGeolocation: <cid:loc1@teams.example>\n"), invite);
        assertTrue(invite.contains("\nGeolocation-Routing: yes\n"), invite);
        assertTrue(invite.contains("\n" + location), "the location part changed:\n" + invite);
        String sdpPart = invite.substring(invite.indexOf("--boundary1\ncontent-type: application/sdp\n\n"));
        assertTrue(sdpPart.contains("c=IN IP4 127.0.0.1") && !sdpPart.contains("a=candidate"), sdpPart);
    }

    /**
     * Operator rules as data (the test server's trunk-rules.properties): from the trunk, the core's 00-prefixed
     * identity is rewritten before the gateway reads it, so Teams sees the caller in E.164; toward the trunk, the
     * INVITE gains P-Early-Media and loses the Subject that would otherwise cross.
     */
    @Test
    void theOperatorTrunksHeaderRulesAreAppliedBothWays() throws Exception {
        String called = prefix + "121";
        Sipp fromOperator = callFromOperator("0" + called.substring(3), "02079460999",
                "P-Asserted-Identity: <sip:00442079460111@127.0.0.1;user=phone>");
        assertEquals(0, fromOperator.await(), fromOperator.report());
        String toTeams = first(dialog(proxies.get(0), called), "INVITE ");
        assertTrue(toTeams.contains("P-Asserted-Identity: <sip:+442079460111@" + CARRIER + ";user=phone>"), toTeams);

        Sipp fromTeams = callFromTeams("+442079460112", prefix + "211", CARRIER, "Subject: internal matter");
        assertEquals(0, fromTeams.await(), fromTeams.report());
        String toOperator = first(dialog(operator, "02079460112"), "INVITE ");
        assertTrue(toOperator.contains("\nP-Early-Media: supported"), toOperator);
        assertFalse(toOperator.contains("Subject") || toOperator.contains("internal matter"), toOperator);
    }

    /**
     * SDP rules of a trunk (the test server's "tuned" trunk, in trunk-rules.properties: ptime 30, b=AS:64, no
     * a=rtcp line): a call from its core gets them in the SDP of its answer; Teams' leg keeps its own.
     */
    @Test
    void aTrunksSdpRulesShapeTheSdpItIsSent() throws Exception {
        String called = prefix + "131";
        Sipp caller = Sipp.with("operator-caller", List.of("-i", "127.0.0.7", "-p", "15166", "-m", "1",
                "-s", "0" + called.substring(3), "-key", "calling", "02079460131", "-key", "extra", "X-Test: sdp",
                "127.0.0.1:" + TestServer.SIP_PORT));
        assertEquals(0, caller.await(), caller.report());
        String answer = caller.message("SIP/2.0 200").replace("\r\n", "\n");
        String media = answer.substring(answer.indexOf("m=audio"));
        assertTrue(java.util.regex.Pattern.compile("(?m)^a=ptime:30$").matcher(media).find()
                && !media.contains("a=ptime:20"), answer);
        assertTrue(media.contains("\nb=AS:64\n") && !media.contains("b=AS:200"), answer);
        assertFalse(answer.contains("a=rtcp:"), answer);
        String toTeams = first(dialog(proxies.get(0), called), "INVITE ");
        assertFalse(toTeams.contains("a=ptime:30") || toTeams.contains("b=AS:64"), toTeams);
    }

    /** Headers cross legs by an allowlist: an identity claim of Teams' side never reaches the operator's core. */
    @Test
    void anIdentityClaimFromTheTeamsSideDoesNotCrossToTheOperator() throws Exception {
        Sipp caller = callFromTeams("+442079460778", prefix + "203", CARRIER,
                "P-Preferred-Identity: <sip:+15555550100@evil.example;user=phone>");
        assertEquals(0, caller.await(), caller.report());
        String invite = first(dialog(operator, "02079460778"), "INVITE ");
        assertFalse(invite.contains("P-Preferred-Identity") || invite.contains("evil.example"), invite);
    }

    @Test
    void theOperatorHangsUpATeamsCall() throws Exception {
        Sipp caller = callFromTeams("+442079460777", prefix + "202", CARRIER);
        assertEquals(0, caller.await(), caller.report());
        assertFalse(caller.messages("BYE ").isEmpty(), "the operator's BYE reached Teams\n" + caller.report());
    }

    @Test
    void teamsPhoneMobileCallsTakeTheMobileTrunkWithTheTenantInTgrp() throws Exception {
        String account = "sbc-tpm-" + System.nanoTime();
        String calling = prefix + "301";
        accountWithNumber(account, "\"teamsTenantId\":\"" + TENANT
                + "\",\"teamsPhoneMobile\":{\"syncEnabled\":false,\"enabled\":true}", calling, "teamsPhoneMobile", "never-301");
        Sipp caller = callFromTeams("+447700900301", calling, CARRIER);
        assertEquals(0, caller.await(), caller.report());
        String invite = first(dialog(mobile, "+447700900301"), "INVITE ");
        assertTrue(invite.startsWith("INVITE sip:+447700900301;tgrp=" + TENANT
                + ";trunk-context=tenants.gw.opencg.test@127.0.0.2:15090;user=phone SIP/2.0"), invite);
        assertFalse(invite.contains("X-MS-TenantID"), invite);
        assertFalse(invite.contains("never-301"), "no custom header for Teams Phone Mobile:\n" + invite);
    }

    /**
     * A call Teams forwarded (History-Info, acg-behaviour.md §3.9) reaches the fixed trunk with History-Info rebuilt
     * at the gateway's host, and the mobile trunk (redirection=diversion in arquillian.xml) with Diversion instead;
     * in the trunk's number form (E.164 there); the mobile trunk is offered only its codec list (codecs=PCMA),
     * whatever Teams offered.
     */
    @Test
    void forwardedTeamsCallsSayHowInTheFormEachTrunkReadsAndTrunksGetTheirCodecs() throws Exception {
        String history = "History-Info: <sip:+442079460500@sip.pstnhub.microsoft.com;user=phone"
                + "?Reason=SIP%3Bcause%3D486%3Btext%3D%22Busy%20Here%22>;index=1,"
                + "<sip:+442079460501@sip.pstnhub.microsoft.com;user=phone>;index=1.1";
        Sipp fixed = callFromTeams("+442079460510", prefix + "501", CARRIER, history);
        assertEquals(0, fixed.await(), fixed.report());
        String invite = first(dialog(operator, "02079460510"), "INVITE ");
        assertTrue(invite.contains("History-Info: <sip:02079460500@127.0.0.1;user=phone?Reason=SIP%3Bcause%3D486>"
                + ";index=1,<sip:02079460501@127.0.0.1;user=phone>;index=1.1"), invite);
        assertFalse(invite.contains("Diversion"), invite);

        String account = "sbc-fwd-" + System.nanoTime();
        String calling = prefix + "502";
        accountWithNumber(account, "\"teamsTenantId\":\"" + TENANT
                + "\",\"teamsPhoneMobile\":{\"syncEnabled\":false,\"enabled\":true}", calling, "teamsPhoneMobile", "x");
        Sipp mobileCall = callFromTeams("+447700900511", calling, CARRIER, history);
        assertEquals(0, mobileCall.await(), mobileCall.report());
        String toMobile = first(dialog(mobile, "+447700900511"), "INVITE ");
        assertTrue(toMobile.contains("Diversion: <sip:+442079460500@127.0.0.1;user=phone>;reason=user-busy;counter=1"),
                toMobile);
        assertFalse(toMobile.contains("History-Info") || toMobile.contains("pstnhub"), toMobile);
        assertTrue(java.util.regex.Pattern.compile("m=audio \\d+ RTP/AVP 8\\r?\\n").matcher(toMobile).find(),
                "PCMA only toward the mobile trunk:\n" + toMobile);
    }

    @Test
    void directRoutingCallsAreScreenedAndGoToTeamsWithTheCustomersSubdomain() throws Exception {
        String account = "sbc-dr-" + System.nanoTime();
        String label = "dr" + (System.nanoTime() % 100_000);
        String user = prefix + "401";
        accountWithNumber(account, "\"teamsDirectRouting\":{\"syncEnabled\":false,\"enabled\":true,"
                + "\"configuration\":{"
                + "\"callScreening\":true,\"subdomain\":\"" + label + "\",\"subdomainTokens\":{\"region1Token\":"
                + "\"t1\",\"region2Token\":\"t2\"}}}", user, "teamsDirectRouting", null);
        String host = label + "." + CARRIER;

        Sipp stranger = callFromTeams("+442079460401", "+15550100999", host);
        assertEquals(403, stranger.finalInviteStatus(), stranger.report());
        assertTrue(operator.dialogWith("02079460401").isEmpty(), "a screened call reached the operator");

        Sipp screened = callFromTeams("+442079460402", user, host);
        assertEquals(0, screened.await(), screened.report());
        assertFalse(dialog(operator, "02079460402").isEmpty());

        Sipp toTeams = callFromOperator(user, "+442079460403", "X-Test: plain");
        assertEquals(0, toTeams.await(), toTeams.report());
        String invite = first(dialog(proxies.get(0), user), "INVITE ");
        assertTrue(invite.contains("Contact: <sip:+442079460403@" + host + ":" + TestServer.SIP_TEAMS_PORT
                + ";transport=tls>"), "Contact names the customer's subdomain:\n" + invite);
    }

    @Test
    void zoomNumbersGoToTheZoomPeers() throws Exception {
        String account = "sbc-zoom-" + System.nanoTime();
        String called = prefix + "701";
        accountWithNumber(account, "\"zoomPhoneCloudPeering\":{\"syncEnabled\":false,\"enabled\":true}", called,
                "zoomPhoneCloudPeering", null);
        Sipp caller = callFromOperator(called, "+442079460701", "X-Test: plain");
        assertEquals(0, caller.await(), caller.report());
        String invite = first(dialog(zoom, called), "INVITE ");
        assertTrue(invite.startsWith("INVITE sip:" + called + "@127.0.0.3:15074;user=phone;transport=tls"), invite);
        for (Sipp proxy : proxies) {
            assertTrue(proxy.dialogWith(called).isEmpty(), "a Zoom number's call went to Teams");
        }
        JsonObject record = ProvisioningApi.callRecord(called);
        assertEquals("zoomPhoneCloudPeering", record.getString("service"));
        assertEquals(account, record.getString("account"));
        assertEquals("zoom1", record.getString("peer"));
    }

    @Test
    void anOversizedInviteIsRefusedWith513AndMakesNoCall() throws Exception {
        String called = prefix + "801";
        String callId = "oversized-" + System.nanoTime();
        String filler = "X-Padding: " + "x".repeat(11_000) + "\r\n";
        String invite = "INVITE sip:" + called + "@127.0.0.1:" + TestServer.SIP_PORT + ";user=phone SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:15161;branch=z9hG4bK" + callId + "\r\nMax-Forwards: 70\r\n"
                + "From: <sip:+442079460801@127.0.0.1;user=phone>;tag=1\r\nTo: <sip:" + called + "@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 INVITE\r\nContact: <sip:+442079460801@127.0.0.1:15161>\r\n"
                + filler + "Content-Length: 0\r\n\r\n";
        String status = exchangeOverUdp(15161, invite, callId);
        assertTrue(status.startsWith("SIP/2.0 513 "), status);
        Thread.sleep(500);
        for (Sipp proxy : proxies) {
            assertTrue(proxy.dialogWith(called).isEmpty(), "an oversized INVITE made a call");
        }
        assertEquals(0, ProvisioningApi.callRecords(called).size());
    }

    @Test
    void aCallThatOutlivesTheMaximumDurationIsEndedOnBothLegs() throws Exception {
        String called = prefix + "901";
        Sipp caller = callFromOperator("operator-caller-long", called, "+442079460901", "X-Test: plain");
        assertEquals(0, caller.await(), caller.report());
        assertFalse(caller.messages("BYE ").isEmpty(), "the gateway hung up the operator leg\n" + caller.report());
        assertFalse(dialog(proxies.get(0), called).stream().noneMatch(m -> m.startsWith("BYE ")),
                "the gateway hung up the Teams leg");
        JsonObject record = ProvisioningApi.callRecord(called);
        assertEquals("gateway", record.getString("endedBy"));
        assertTrue(record.getString("reason").startsWith("Maximum call duration"), record.toString());
        long duration = record.getJsonNumber("durationMs").longValue();
        assertTrue(duration >= 5_900 && duration < 9_000, "opencg.sbc.max-call-seconds is 6 in the tests: " + record);
    }

    @Test
    void eachCallLeavesOneCallRecord() throws Exception {
        String called = prefix + "501";
        Sipp caller = callFromOperator(called, "+442079460501", "X-Test: plain");
        assertEquals(0, caller.await(), caller.report());
        JsonObject record = ProvisioningApi.callRecord(called);
        assertEquals("to-microsoft", record.getString("direction"));
        assertEquals("teamsOperatorConnect", record.getString("service"));
        assertEquals("+442079460501", record.getString("calling"));
        assertEquals("sip", record.getString("peer"));
        assertEquals("caller", record.getString("endedBy"));
        assertTrue(record.getJsonNumber("durationMs").longValue() >= 1000, record.toString());
        assertEquals(1, ProvisioningApi.callRecords(called).size());
    }

    /** A Call-ID longer than its column is recorded cut to it, and never holds back the records of later calls. */
    @Test
    void aThreeHundredCharacterCallIdIsRecordedCutAndTheNextCallsAreRecordedToo() throws Exception {
        String called = prefix + "502";
        String next = prefix + "503";
        String longId = "x".repeat(300) + "-%u";
        Sipp caller = Sipp.with("operator-caller", List.of("-p", String.valueOf(OPERATOR_CALLER_PORT), "-m", "1",
                "-s", called, "-key", "calling", "+442079460502", "-key", "extra", "X-Test: plain",
                "-cid_str", longId, "127.0.0.1:" + TestServer.SIP_PORT));
        assertEquals(0, caller.await(), caller.report());
        JsonObject record = ProvisioningApi.callRecord(called);
        assertEquals(256, record.getString("callId").length(), record.toString());
        assertTrue(record.getString("callId").startsWith("xxxxxxxxxx"), record.toString());
        Sipp after = callFromOperator(next, "+442079460503", "X-Test: plain");
        assertEquals(0, after.await(), after.report());
        assertEquals("+442079460503", ProvisioningApi.callRecord(next).getString("calling"));
    }

    /**
     * RFC 3261 §13.3.1.4: a 200 the caller never acknowledges ends the call after 64·T1 with BYE on both legs (issue
     * 24), instead of leaving it up, with its media ports and its Teams leg, until the maximum duration. The test
     * server waits 8·T1 (opencg.sip.ack-timeout-t1), within its 6 s maximum call duration.
     */
    @Test
    void aTwoHundredThatIsNeverAcknowledgedEndsTheCallWithByeOnBothLegs() throws Exception {
        String called = prefix + "504";
        Sipp caller = Sipp.changed("operator-caller-noack", Map.of(), List.of("-p", String.valueOf(OPERATOR_CALLER_PORT),
                "-m", "1", "-s", called, "-key", "calling", "+442079460504", "-timeout", "30s", "-timeout_error",
                "127.0.0.1:" + TestServer.SIP_PORT));
        assertEquals(0, caller.await(), caller.report());
        assertFalse(caller.messages("BYE ").isEmpty(), "the gateway's BYE reached the caller\n" + caller.report());
        Eventually.until("BYE at Teams", java.time.Duration.ofSeconds(10),
                () -> proxies.get(0).dialogWith(called).stream().anyMatch(m -> m.startsWith("BYE ")));
        JsonObject record = ProvisioningApi.callRecord(called);
        assertEquals("gateway", record.getString("endedBy"), record.toString());
        assertTrue(record.getString("reason").contains("No ACK"), record.toString());
    }

    /** A caller over TCP that is gone when its 200 comes: the Teams leg gets BYE at once and the record says why. */
    @Test
    void aTcpCallerThatIsGoneWhenTheAnswerComesEndsTheCall() throws Exception {
        String called = prefix + "505";
        String callId = "vanished-" + System.nanoTime();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", TestServer.SIP_PORT)) {
            String from = "127.0.0.1:" + socket.getLocalPort();
            String sdp = "v=0\r\no=core 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio 40000 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n";
            String invite = "INVITE sip:0" + called.substring(3) + "@127.0.0.1:" + TestServer.SIP_PORT
                    + ";user=phone;transport=tcp SIP/2.0\r\nVia: SIP/2.0/TCP " + from + ";branch=z9hG4bK" + callId
                    + "\r\nMax-Forwards: 70\r\nFrom: <sip:02079460505@" + from + ";user=phone>;tag=gone\r\n"
                    + "To: <sip:0" + called.substring(3) + "@127.0.0.1;user=phone>\r\nCall-ID: " + callId
                    + "\r\nCSeq: 1 INVITE\r\nContact: <sip:caller@" + from + ";transport=tcp>\r\n"
                    + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
            socket.getOutputStream().write(invite.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }
        JsonObject record = ProvisioningApi.callRecord(called);
        assertEquals("gateway", record.getString("endedBy"), record.toString());
        assertTrue(record.getString("reason").contains("cannot be reached"), record.toString());
        Eventually.until("BYE at Teams", java.time.Duration.ofSeconds(10),
                () -> proxies.get(0).dialogWith(called).stream().anyMatch(m -> m.startsWith("BYE ")));
    }
}
