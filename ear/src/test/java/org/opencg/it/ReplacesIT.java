package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replaces (RFC 3891) through the gateway (acg-behaviour.md §3.8, checklist 24): an INVITE with Replaces from the
 * operator's network takes the place of the leg it names, and Teams sees only a re-INVITE; one naming no call is 481;
 * an attended transfer by a Teams user (REFER whose Refer-To carries Replaces naming a consultation call through the
 * gateway) reaches the PSTN target as an INVITE replacing that call's operator-side dialog, and the transferee then
 * hears the target. Replaces never reaches Teams. SIPp plays the Teams proxies (TLS through socat) and the operator's
 * phones; baresip is the transferee, whose tone the target echoes.
 */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReplacesIT {

    private static final int OPERATOR_TONE = 440;
    private static final int TEAMS_CALLER_TCP = 16080;
    private static final int TEAMS_CALLER_TLS = 15081;
    private static final int TEAMS_CALLER_PORT = 16081;
    private static Path certificate;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    @BeforeAll
    static void certificate() throws Exception {
        certificate = Socat.certificate("teams-replaces");
    }

    @AfterEach
    void peersGone() throws Exception {
        Sipp.stopAll();
        assertEquals(0.0, Metrics.awaitValue("opencg_sbc_peer_up", "peer=\"sip\"", 0, 30));
    }

    private static Sipp teamsProxy(String scenario, Map<String, String> fill) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(Map.of("HOST", "127.0.0.1", "PORT", "15071", "BUSY", "x",
                "DECLINE", "x", "SILENT", "x"));
        all.putAll(fill);
        return Sipp.peer(scenario, all, List.of("-t", "t1", "-p", "16071", "-mp", "16700"));
    }

    /** An operator phone's call to Teams, answered, and the Replaces value that names its dialog with the gateway. */
    private record AnsweredCall(Sipp phone, String replaces) {
    }

    private static AnsweredCall answeredCall(String called, String calling) throws Exception {
        Sipp phone = operatorPhone("operator-caller-long", 15193, called, calling, "extra", "X-Test: replaces");
        Eventually.until("the first phone's call is answered", Duration.ofSeconds(10),
                () -> phone.message("SIP/2.0 200") != null);
        String answer = phone.message("SIP/2.0 200");
        // RFC 3891 §3: the gateway matches to-tag against its own tag, from-tag against the phone's.
        return new AnsweredCall(phone, header(answer, "Call-ID") + ";to-tag=" + tag(answer, "To") + ";from-tag="
                + tag(answer, "From"));
    }

    /** A phone of the operator's network (SIPp over UDP) calling {@code called}; {@code key} fills a scenario field. */
    private static Sipp operatorPhone(String scenario, int port, String called, String calling, String key,
            String value) throws Exception {
        return Sipp.with(scenario, List.of("-p", String.valueOf(port), "-m", "1", "-s", called, "-key", "calling",
                calling, "-key", key, value, "127.0.0.1:" + TestServer.SIP_PORT));
    }

    private static String header(String message, String name) {
        Matcher m = Pattern.compile("(?mi)^" + name + ":\\s*(.+)$").matcher(message);
        assertTrue(m.find(), "no " + name + " in " + message);
        return m.group(1).strip();
    }

    private static String tag(String message, String name) {
        Matcher m = Pattern.compile(";tag=([^;>\\s]+)").matcher(header(message, name));
        assertTrue(m.find(), "no tag in the " + name + " of " + message);
        return m.group(1);
    }

    /**
     * A phone of the operator's network calls Teams; a second phone sends the gateway an INVITE with Replaces naming
     * the first phone's dialog with it (as a pick-up or the end of an attended transfer does). The second phone is
     * answered with the gateway's media, the first gets BYE, Teams gets a re-INVITE (SRTP, no Replaces) instead of a
     * new call, and the call records say who replaced whom.
     */
    @Test
    void anInviteWithReplacesFromTheOperatorTakesTheLegItNamesAndTeamsSeesOnlyAReInvite() throws Exception {
        Sipp teams = teamsProxy("teams-proxy", Map.of());
        try (Socat tls = Socat.server(15071, 16071, certificate)) {
            assertEquals(1.0, Metrics.awaitValue("opencg_sbc_peer_up", "peer=\"sip\"", 1, 30));
            AnsweredCall call = answeredCall("02079461031", "01632960031");
            Sipp first = call.phone();
            Sipp second = operatorPhone("operator-replacer", 15194, "02079461031", "01632960032", "replaces",
                    call.replaces());
            assertEquals(0, second.await(), second.report());
            String ok = second.message("SIP/2.0 200");
            assertTrue(ok.contains("CSeq: 1 INVITE") && ok.contains("m=audio ") && ok.contains("RTP/AVP"),
                    "the new phone is answered with RTP from the gateway: " + ok);
            assertEquals(0, first.await(), first.report());
            assertTrue(first.message("BYE ").contains("Via: SIP/2.0/UDP 127.0.0.1:" + TestServer.SIP_PORT),
                    "the replaced phone got BYE from the gateway: " + first.report());

            List<String> dialog = teams.dialogWith("+442079461031");
            List<String> invites = dialog.stream().filter(m -> m.startsWith("INVITE ")).toList();
            assertEquals(2, invites.size(), "the call and one re-INVITE, no second call: " + dialog);
            assertTrue(invites.get(1).contains("RTP/SAVP") && invites.get(1).contains("a=crypto:"),
                    "SRTP toward Teams: " + invites.get(1));
            assertTrue(dialog.stream().noneMatch(m -> m.contains("Replaces")), "no Replaces reached Teams: " + dialog);
            assertTrue(dialog.stream().anyMatch(m -> m.startsWith("BYE ")), "the call ended: " + dialog);
        } finally {
            teams.stop();
        }
        JsonObject before = ProvisioningApi.callRecord("+441632960031");
        assertEquals("Replaced by 01632960032", before.getString("reason"), before.toString());
        JsonObject after = ProvisioningApi.callRecord("01632960032");
        assertEquals("+442079461031", after.getString("calling"), after.toString());
    }

    /**
     * A phone that starts to take another's place and gives up (CANCEL) while Teams is still answering the re-offer
     * (its answer to a re-INVITE comes two seconds late here): the phone gets 487, and the call it meant to take goes
     * on as it was until the test's call limit (6 s) ends it: the replaced phone is not sent BYE before then, and the
     * record says the limit ended the call, not the CANCEL.
     */
    @Test
    void aPhoneThatGivesUpTakingALegsPlaceLeavesTheCallAsItWas() throws Exception {
        Sipp teams = Sipp.changed("teams-proxy", Map.of("@HOST@", "127.0.0.1", "@PORT@", "15071", "@BUSY@", "x",
                "@DECLINE@", "x", "@SILENT@", "x", "<label id=\"reinvite\"/>",
                "<label id=\"reinvite\"/><pause milliseconds=\"2000\"/>"),
                List.of("-t", "t1", "-p", "16071", "-mp", "16700"));
        try (Socat tls = Socat.server(15071, 16071, certificate)) {
            assertEquals(1.0, Metrics.awaitValue("opencg_sbc_peer_up", "peer=\"sip\"", 1, 30));
            AnsweredCall call = answeredCall("02079461036", "01632960036");
            java.time.Instant answered = java.time.Instant.now();
            Sipp first = call.phone();
            Sipp quitter = operatorPhone("operator-replacer-cancel", 15194, "02079461036", "01632960037", "replaces",
                    call.replaces());
            assertEquals(0, quitter.await(), quitter.report());
            assertEquals(487, quitter.finalInviteStatus(), quitter.report());
            assertEquals(0, first.await(), first.report());
            long lasted = java.time.Duration.between(answered, java.time.Instant.now()).toMillis();
            // To the gateway's limit and no further: the call was still the gateway's (a call it had let go would
            // last until the phone's own 20 s).
            assertTrue(lasted >= 5_000 && lasted < 12_000, "the first call went on to the call limit, " + lasted
                    + " ms: " + first.report());
        } finally {
            teams.stop();
        }
        JsonObject record = ProvisioningApi.callRecord("+441632960036");
        assertTrue(record.getString("reason").startsWith("Maximum call duration"), record.toString());
    }

    /**
     * An INVITE with Replaces marked early-only that names an answered call is 486 (RFC 3891 §3): the call stays as it
     * was, and Teams gets no re-INVITE.
     */
    @Test
    void anEarlyOnlyReplacesOfAnAnsweredCallIs486() throws Exception {
        Sipp teams = teamsProxy("teams-proxy", Map.of());
        try (Socat tls = Socat.server(15071, 16071, certificate)) {
            assertEquals(1.0, Metrics.awaitValue("opencg_sbc_peer_up", "peer=\"sip\"", 1, 30));
            AnsweredCall call = answeredCall("02079461038", "01632960038");
            Sipp latecomer = operatorPhone("operator-replacer", 15194, "02079461038", "01632960039", "replaces",
                    call.replaces() + ";early-only");
            latecomer.await();
            assertEquals(486, latecomer.finalInviteStatus(), latecomer.report());
            assertEquals(1, teams.dialogWith("+442079461038").stream().filter(m -> m.startsWith("INVITE ")).count(),
                    "no re-INVITE reached Teams: " + teams.report());
        } finally {
            teams.stop();
        }
    }

    /** An INVITE with Replaces that names no call of the gateway is 481 (RFC 3891 §3), and no call starts. */
    @Test
    void anInviteWithReplacesNamingNoCallIs481() throws Exception {
        Sipp teams = teamsProxy("teams-proxy", Map.of());
        try (Socat tls = Socat.server(15071, 16071, certificate)) {
            assertEquals(1.0, Metrics.awaitValue("opencg_sbc_peer_up", "peer=\"sip\"", 1, 30));
            Sipp stranger = operatorPhone("operator-replacer", 15195, "02079461034", "01632960034", "replaces",
                    "gone@nowhere;to-tag=a1;from-tag=b2");
            stranger.await();
            assertEquals(481, stranger.finalInviteStatus(), stranger.report());
            assertTrue(teams.dialogWith("+442079461034").isEmpty(), "nothing reached Teams: " + teams.report());
        } finally {
            teams.stop();
        }
    }

    /**
     * An attended transfer by a Teams user: Teams calls a PSTN phone (the consultation), the transferee's call to
     * Teams is answered, and Teams refers the transferee to the phone with Replaces naming the consultation's Teams
     * dialog. The phone gets an INVITE whose Replaces names the consultation's dialog on the operator side (its own
     * Call-ID and tags), ends that dialog itself, and the transferee hears its own tone echoed by the phone. Teams is
     * told in NOTIFYs and gets no Replaces; the consultation ends at Teams when the phone hangs it up.
     */
    @Test
    void anAttendedTransferByTeamsSendsThePhoneAnInviteReplacingTheConsultation() throws Exception {
        // Out of the 4420794610xx numbers of the other calls: one run drew +442079461035, the transferred call's
        // Teams user, and read the consultation's call record for the transferred call's.
        String consultant = "+4420794620" + (System.nanoTime() % 90 + 10);
        // The phone ends the consultation ten seconds after answering it, long after the transfer replaced it.
        Sipp phone = Sipp.peer("replaceable-target", Map.of("HOLD_MS", "10000"), List.of("-p", "15090", "-mp",
                "16600", "-rtp_echo"));
        try (Socat toGateway = Socat.client(TEAMS_CALLER_TCP, TestServer.SIP_TEAMS_PORT, certificate);
                Socat fromGateway = Socat.server(TEAMS_CALLER_TLS, TEAMS_CALLER_PORT, certificate)) {
            assertEquals(1.0, Metrics.awaitValue("opencg_sbc_peer_up", "peer=\"op1\"", 1, 30));
            provision(consultant);
            // The consultation: Teams calls the phone, and holds the call until the phone ends it.
            Sipp consultation = Sipp.changed("teams-caller", Map.of("timeout=\"1500\"", "timeout=\"20000\""),
                    List.of("-t", "t1", "-p", String.valueOf(TEAMS_CALLER_PORT), "-m", "1", "-s", "+442079469991",
                            "-key", "calling", consultant, "-key", "host", "1r1.gw.opencg.test", "-key", "extra",
                            "X-Test: consultation", "-key", "contact_port", String.valueOf(TEAMS_CALLER_TLS),
                            "127.0.0.1:" + TEAMS_CALLER_TCP));
            Eventually.until("the consultation is answered", Duration.ofSeconds(10),
                    () -> consultation.message("SIP/2.0 200") != null);
            String answer = consultation.message("SIP/2.0 200");
            // Named as Teams names it: the dialog of the party it refers to (the gateway's tag is the to-tag),
            // escaped as a URI header value must be (RFC 3261 §25.1: the Call-ID's '@' too).
            String teamsDialog = java.net.URLEncoder.encode(header(answer, "Call-ID") + ";to-tag=" + tag(answer, "To")
                    + ";from-tag=" + tag(answer, "From"), java.nio.charset.StandardCharsets.UTF_8);
            Sipp teams = teamsProxy("teams-transferor", Map.of("REFER_TO",
                    "<sip:+442079469991@sip.pstnhub.microsoft.com;user=phone?Replaces=" + teamsDialog + ">"));
            try (Socat tls = Socat.server(15071, 16071, certificate)) {
                assertEquals(1.0, Metrics.awaitValue("opencg_sbc_peer_up", "peer=\"sip\"", 1, 30));
                try (Baresip transferee = Baresip.start("attended-transferee", "127.0.0.1:15190",
                        "<sip:01632960035@127.0.0.1>;regint=0;audio_codecs=PCMU", OPERATOR_TONE, 8,
                        "sip:02079461035@127.0.0.1:" + TestServer.SIP_PORT, null, 0)) {
                    transferee.await();
                    double[] echo = transferee.heardOverTime(OPERATOR_TONE, 250);
                    String heard = java.util.Arrays.toString(echo) + "\n" + transferee.log() + "\n" + phone.report()
                            + "\n" + teams.report() + "\n" + consultation.report();
                    assertTrue(java.util.Arrays.stream(echo).filter(x -> x > 0.5).count() >= 4,
                            "a second at least of the phone's echo: " + heard);
                }
                List<String> referred = teams.dialogWith("+442079461035");
                assertTrue(referred.stream().anyMatch(m -> m.startsWith("SIP/2.0 202")), "REFER accepted: " + referred);
                assertTrue(referred.stream().anyMatch(m -> m.startsWith("NOTIFY ") && m.contains("SIP/2.0 200 OK")),
                        "NOTIFY 200: " + referred);
                assertTrue(teams.messages("INVITE ").stream().noneMatch(m -> m.contains("Replaces")),
                        "no Replaces toward Teams: " + teams.report());
            } finally {
                teams.stop();
            }
            // What the phone saw: the consultation, then an INVITE replacing it, named by its own dialog.
            List<String> invites = phone.messages("INVITE ");
            String first = invites.stream().filter(m -> !m.contains("Replaces:")).findFirst().orElseThrow();
            String replacing = invites.stream().filter(m -> m.contains("Replaces:")).findFirst()
                    .orElseThrow(() -> new AssertionError("no INVITE with Replaces: " + phone.report()));
            String phoneTag = tag(phone.dialogWith(header(first, "Call-ID")).stream()
                    .filter(m -> m.startsWith("SIP/2.0 200")).findFirst().orElseThrow(), "To");
            assertEquals(header(first, "Call-ID") + ";to-tag=" + phoneTag + ";from-tag=" + tag(first, "From"),
                    header(replacing, "Replaces"), "Replaces names the consultation as the phone knows it");
            assertTrue(replacing.contains("From: <sip:01632960035@"), "the phone sees the transferee: " + replacing);
            assertEquals(0, consultation.await(), "the consultation ended at Teams: " + consultation.report());
            assertTrue(consultation.messages("BYE ").stream().noneMatch(m -> m.contains("Replaces")));
        } finally {
            phone.stop();
        }
        JsonObject before = ProvisioningApi.callRecord("+442079461035");
        assertEquals("Transferred to +442079469991", before.getString("reason"), before.toString());
    }

    /** The consultant's number on an Operator Connect account of its own tenant (calls from Teams need one). */
    private static void provision(String number) throws Exception {
        String account = "replaces-" + System.nanoTime() % 1_000_000;
        assertEquals(201, ProvisioningApi.put("/accounts/" + account, "{\"serviceDetails\":{\"teamsTenantId\":\""
                + java.util.UUID.randomUUID() + "\",\"teamsOperatorConnect\":{\"syncEnabled\":false,"
                + "\"enabled\":true}}}").statusCode());
        assertEquals(201, ProvisioningApi.put("/accounts/" + account + "/numbers/" + number,
                "{\"serviceDetails\":{\"teamsOperatorConnect\":{\"enabled\":true}}}").statusCode());
    }
}
