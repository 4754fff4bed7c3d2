package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Media through the gateway (issue 6), with a real rtpengine and two real phones (baresip): the operator's phone
 * speaks plain RTP over UDP signalling, the "Teams" phone takes only SRTP over TLS, as Microsoft's media
 * processors do. Each phone sends its own tone; each must hear the other's, decoded, so media crossed the anchor
 * both ways, decrypted on one side and encrypted on the other (and transcoded where their codecs differ).
 */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MediaIT {

    private static final int OPERATOR_TONE = 440;
    private static final int TEAMS_TONE = 1000;
    private static Path certificate;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    @BeforeAll
    static void certificate() throws Exception {
        certificate = Socat.certificate("teams-phone");
    }

    /** A call from the operator's phone to the Teams phone (the Teams proxy "sip" at 127.0.0.1:15071). */
    private static void call(String called, String operatorCodecs, String teamsCodecs, String teamsName)
            throws Exception {
        // Two users: the one the keep-alive asks for (keepalive-user of peer "sip" in arquillian.xml) and the
        // called number, which answers by itself and takes SRTP only.
        String accounts = "<sip:+442079461000@127.0.0.1>;regint=0\n<sip:+44" + called.substring(1)
                + "@127.0.0.1>;regint=0;answermode=auto;mediaenc=srtp-mand;audio_codecs=" + teamsCodecs;
        try (Baresip teams = Baresip.start(teamsName, "127.0.0.1:15070", accounts, TEAMS_TONE, 14, null,
                certificate, 0)) {
            assertEquals(1.0, Metrics.awaitValue("opencg_sbc_peer_up", "peer=\"sip\"", 1, 30),
                    "the Teams phone answers the keep-alive");
            try (Baresip operator = Baresip.start(teamsName + "-operator", "127.0.0.1:15190",
                    "<sip:01632960000@127.0.0.1>;regint=0;audio_codecs=" + operatorCodecs, OPERATOR_TONE, 5,
                    "sip:" + called + "@127.0.0.1:" + TestServer.SIP_PORT, null, 0)) {
                operator.await();
                teams.close();
                double operatorHears = operator.heard(TEAMS_TONE);
                double teamsHears = teams.heard(OPERATOR_TONE);
                assertTrue(operatorHears > 0.5, "the operator's phone hears the Teams tone: " + operatorHears
                        + "\n" + operator.log());
                assertTrue(teamsHears > 0.5, "the Teams phone hears the operator's tone: " + teamsHears
                        + "\n" + teams.log());
                assertTrue(operator.heard(OPERATOR_TONE) < 0.05, "not its own tone echoed");
                assertTrue(teams.log().contains("srtp"), teams.log());
                // baresip names the codec it encodes with: "audio tx pipeline: ausine ---> sndfile ---> PCMA".
                assertTrue(operator.log().contains("---> " + operatorCodecs.split(",")[0]), operator.log());
                assertTrue(teams.log().contains("---> " + teamsCodecs.split(",")[0]), teams.log());
            }
        }
    }

    @Test
    void srtpTowardTeamsAndRtpTowardTheOperatorCarryAudioBothWays() throws Exception {
        call("02079461001", "PCMU,PCMA", "PCMU,PCMA", "teams-srtp");
        JsonObject record = ProvisioningApi.callRecord("+442079461001");
        JsonObject media = record.getJsonObject("media");
        assertTrue(media.getJsonNumber("packets").longValue() > 300, "packets relayed: " + record);
    }

    @Test
    void pcmaOnTheOperatorSideIsTranscodedToG722ForTeams() throws Exception {
        call("02079461002", "PCMA", "G722", "teams-g722");
    }

    /**
     * DTMF between a trunk set to {@code info} (the mobile trunk in arquillian.xml) and Teams, both ways: the
     * operator's INFO is answered by the gateway and its key reaches the Teams phone as RFC 4733 events in the media,
     * not as INFO; a key the Teams phone sends as RFC 4733 events reaches the operator as INFO.
     */
    @Test
    void dtmfAsInfoOnTheOperatorTrunkIsRfc4733TowardTeamsAndBack() throws Exception {
        // The called number first: baresip's keypad acts on its first account's call.
        String accounts = "<sip:+442079461004@127.0.0.1>;regint=0;answermode=auto;mediaenc=srtp-mand;"
                + "audio_codecs=PCMA\n<sip:+442079461000@127.0.0.1>;regint=0";
        try (Baresip teams = Baresip.start("teams-dtmf", "127.0.0.1:15070", accounts, TEAMS_TONE, 15, null,
                certificate, 15555)) {
            assertEquals(1.0, Metrics.awaitValue("opencg_sbc_peer_up", "peer=\"sip\"", 1, 30));
            Sipp caller = Sipp.with("operator-caller-dtmf", java.util.List.of("-i", "127.0.0.2", "-p", "15192",
                    "-m", "1", "-s", "+442079461004", "-key", "calling", "+441632960001", "-key", "extra",
                    "X-Test: dtmf", "127.0.0.1:" + TestServer.SIP_PORT));
            Eventually.until("the Teams phone got the operator's key as an RFC 4733 event",
                    java.time.Duration.ofSeconds(10), () -> teams.log().contains("received event: '5'"));
            teams.press('1');
            assertEquals(0, caller.await(), caller.report());
            assertTrue(caller.messages("SIP/2.0 200").stream().anyMatch(m -> m.contains("CSeq: 2 INFO")),
                    "the gateway answered the INFO:\n" + caller.report());
            assertTrue(caller.messages("INFO ").stream().anyMatch(m -> m.contains("Content-Type: application/dtmf-relay")
                    && m.contains("Signal=1")), "Teams' key reached the operator as INFO:\n" + caller.report());
            assertFalse(teams.log().contains("INFO sip:"), "no INFO reached Teams:\n" + teams.log());
        }
    }

    /**
     * A core that sends its keys as tones in the audio (the "inband" trunk, dtmf=inband in trunk-rules.properties,
     * its phone at 127.0.0.10) although its SDP lists telephone-event, as baresip's always does: the keys 5 and then 8,
     * played into the call as tones, reach the Teams phone as RFC 4733 events, in that order.
     */
    @Test
    void keysACoreSendsAsTonesReachTeamsAsRfc4733Events() throws Exception {
        Path keys = dtmfTones(Path.of("target", "baresip", "keys-58.wav").toAbsolutePath(), "58");
        String accounts = "<sip:+442079461044@127.0.0.1>;regint=0;answermode=auto;mediaenc=srtp-mand;"
                + "audio_codecs=PCMU\n<sip:+442079461000@127.0.0.1>;regint=0";
        try (Baresip teams = Baresip.start("teams-inband", "127.0.0.1:15070", accounts, TEAMS_TONE, 12, null,
                certificate, 0)) {
            assertEquals(1.0, Metrics.awaitValue("opencg_sbc_peer_up", "peer=\"sip\"", 1, 30));
            try (Baresip core = Baresip.playing("inband-core", "127.0.0.10:15198",
                    "<sip:01632960044@127.0.0.10>;regint=0;audio_codecs=PCMU", keys, 7,
                    "sip:02079461044@127.0.0.1:" + TestServer.SIP_PORT)) {
                Eventually.until("the Teams phone got both keys as events", java.time.Duration.ofSeconds(15),
                        () -> teams.log().contains("received event: '8'"));
                String log = teams.log();
                assertTrue(log.indexOf("received event: '5'") >= 0
                        && log.indexOf("received event: '5'") < log.indexOf("received event: '8'"), log);
                assertTrue(core.log().contains("telephone-event"), "the core listed telephone-event:\n" + core.log());
            }
        }
    }

    /**
     * A WAV file as a phone's microphone plays it (48 kHz, two channels): a second and a half of silence, then each key
     * as its two DTMF frequencies (ITU-T Q.23) for 200 ms with 600 ms of silence after it, then three seconds more.
     */
    private static Path dtmfTones(Path file, String keys) throws Exception {
        String layout = "123A456B789C*0#D";
        int rate = 48_000;
        java.io.ByteArrayOutputStream pcm = new java.io.ByteArrayOutputStream();
        java.util.function.BiConsumer<Integer, double[]> play = (ms, hz) -> {
            for (int i = 0; i < rate * ms / 1000; i++) {
                double t = (double) i / rate;
                double v = 0;
                for (double f : hz) {
                    v += 8000 * Math.sin(2 * Math.PI * f * t);
                }
                short sample = (short) v;
                for (int channel = 0; channel < 2; channel++) {
                    pcm.write(sample & 0xff);
                    pcm.write((sample >> 8) & 0xff);
                }
            }
        };
        play.accept(1500, new double[0]);
        for (char key : keys.toCharArray()) {
            int at = layout.indexOf(key);
            play.accept(200, new double[] {new double[] {697, 770, 852, 941}[at / 4],
                    new double[] {1209, 1336, 1477, 1633}[at % 4]});
            play.accept(600, new double[0]);
        }
        play.accept(3000, new double[0]);
        byte[] bytes = pcm.toByteArray();
        javax.sound.sampled.AudioFormat format = new javax.sound.sampled.AudioFormat(rate, 16, 2, true, false);
        java.nio.file.Files.createDirectories(file.getParent());
        try (javax.sound.sampled.AudioInputStream in = new javax.sound.sampled.AudioInputStream(
                new java.io.ByteArrayInputStream(bytes), format, bytes.length / 4)) {
            javax.sound.sampled.AudioSystem.write(in, javax.sound.sampled.AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    /**
     * DTMF during early media (an IVR before the answer, acg-behaviour.md checklist 25): Teams (SIPp behind TLS)
     * answers with early media only (183 with SRTP, never 200), its media going to a socket of this test; the
     * operator caller on an INFO trunk (the "quiet" trunk, at 127.0.0.5) sends audio and keys 5 as an INFO in the
     * early dialog. The gateway answers the INFO, and what reaches Teams' media address is the caller's audio
     * (payload type 8) and then RFC 4733 events (101): SRTP leaves the RTP header, and so its payload type, in clear.
     * No INFO reaches Teams.
     */
    @Test
    void dtmfAsInfoDuringEarlyMediaReachesTeamsAsRfc4733Events() throws Exception {
        try (java.net.DatagramSocket media = new java.net.DatagramSocket(0,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            Sipp teams = Sipp.peer("teams-early-media", java.util.Map.of("HOST", "127.0.0.1", "PORT", "15071",
                    "MEDIA_PORT", String.valueOf(media.getLocalPort())), java.util.List.of("-t", "t1", "-p", "16071"));
            try (Socat tls = Socat.server(15071, 16071, certificate)) {
                assertEquals(1.0, Metrics.awaitValue("opencg_sbc_peer_up", "peer=\"sip\"", 1, 30));
                java.util.concurrent.CompletableFuture<java.util.List<Integer>> payloadTypes =
                        java.util.concurrent.CompletableFuture.supplyAsync(() -> payloadTypes(media, 6000));
                Sipp caller = Sipp.with("operator-caller-early-dtmf", java.util.List.of("-i", "127.0.0.5", "-p",
                        "15197", "-m", "1", "-s", "02079461043", "-key", "calling", "01632960043",
                        "127.0.0.1:" + TestServer.SIP_PORT));
                assertEquals(0, caller.await(), caller.report());
                java.util.List<Integer> types = payloadTypes.get();
                String log = "payload types " + types + "\n" + caller.report() + "\n" + teams.report();
                assertTrue(caller.messages("SIP/2.0 200").stream().anyMatch(m -> m.contains("CSeq: 2 INFO")),
                        "the gateway answered the INFO in the early dialog: " + log);
                assertTrue(caller.messages("SIP/2.0 200").stream().noneMatch(m -> m.contains("INVITE")),
                        "the call was never answered: " + log);
                int firstEvent = types.indexOf(101);
                assertTrue(types.indexOf(8) >= 0 && firstEvent > types.indexOf(8),
                        "the caller's audio, then the key as RFC 4733 events, reached Teams in early media: " + log);
                assertTrue(types.stream().filter(t -> t == 101).count() >= 3, "an event is several packets: " + log);
                assertFalse(teams.messages().contains("INFO sip:"), "no INFO reached Teams: " + log);
            } finally {
                teams.stop();
            }
        }
    }

    /** The RTP payload type of each packet a socket gets within {@code millis}, in order (RFC 3550 §5.1). */
    private static java.util.List<Integer> payloadTypes(java.net.DatagramSocket socket, long millis) {
        java.util.List<Integer> types = new java.util.ArrayList<>();
        byte[] buffer = new byte[2048];
        long deadline = System.currentTimeMillis() + millis;
        try {
            while (System.currentTimeMillis() < deadline) {
                socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
                java.net.DatagramPacket packet = new java.net.DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (java.net.SocketTimeoutException e) {
                    break;
                }
                if (packet.getLength() >= 12 && (buffer[0] & 0xc0) == 0x80) {
                    types.add(buffer[1] & 0x7f);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return types;
    }

    /**
     * A blind transfer by the Teams party (acg-behaviour.md §3.8, checklist 24): Teams' REFER names a PSTN number;
     * the gateway accepts it, plays ringback to the operator's phone while the target (SIPp behind the operator trunk,
     * echoing the media it gets) rings, connects the phone to the target when it answers, and tells Teams in
     * sipfrag NOTIFYs. The phone must hear ringback, then its own tone back from the target; the call's records
     * say it was transferred, and to whom.
     */
    @Test
    void referFromTeamsConnectsTheOperatorPhoneToThePstnTargetWithRingbackWhileItRings() throws Exception {
        Sipp target = Sipp.peer("transfer-target", java.util.Map.of(), java.util.List.of("-p", "15090", "-mp",
                "16600", "-rtp_echo"));
        try {
            assertEquals(1.0, Metrics.awaitValue("opencg_sbc_peer_up", "peer=\"op1\"", 1, 30));
            Transferred call = transfer("02079461006", "<sip:+442079469999@sip.pstnhub.microsoft.com;user=phone>");
            String heard = call.heard() + target.report();
            int firstEcho = firstAbove(call.echo(), 0.5, call.firstRingback());
            assertTrue(firstEcho > call.firstRingback(), "ringback, then the target: " + heard);
            assertTrue(java.util.Arrays.stream(call.echo()).skip(firstEcho).filter(x -> x > 0.5).count() >= 4,
                    "at least a second of the target's media: " + heard);
            String invite = target.dialogWith("02079469999").get(0);
            assertTrue(invite.startsWith("INVITE sip:02079469999@127.0.0.1:15090"), invite);
            assertTrue(invite.contains("From: <sip:01632960000@"), "the target sees the transferee: " + invite);
        } finally {
            target.stop();
        }
        JsonObject before = ProvisioningApi.callRecord("+442079461006");
        assertEquals("Transferred to +442079469999", before.getString("reason"), before.toString());
        JsonObject after = ProvisioningApi.callRecord("+442079469999");
        assertEquals("to-operator", after.getString("direction"), after.toString());
        assertEquals("+441632960000", after.getString("calling"), after.toString());
    }

    /**
     * A transfer to a Teams user (Refer-To with x-m and x-t): a new INVITE back to Teams, from the transferee's number,
     * with the user's URI and without Replaces; ringback meanwhile.
     */
    @Test
    void referToATeamsUserInvitesTeamsAgainWithoutReplaces() throws Exception {
        Transferred call = transfer("02079461008", "<sip:sip.pstnhub.microsoft.com;x-m=8:orgid:5a1b;x-t=72f9>");
        String invite = call.teams().dialogWith("x-m=8:orgid:5a1b").get(0);
        assertTrue(invite.startsWith("INVITE sip:127.0.0.1:15071;x-m=8:orgid:5a1b;x-t=72f9"), invite);
        assertTrue(invite.contains("From: <sip:+441632960000@"), invite);
        assertFalse(invite.contains("Replaces"), invite);
        assertTrue(invite.contains("RTP/SAVP") && invite.contains("a=crypto:"), "SRTP toward Teams: " + invite);
    }

    /**
     * A caller on a trunk whose network plays no ringback of its own (the "ringback" trunk, ringback=inject in
     * arquillian.xml, its phone at 127.0.0.4): Teams rings with a 180 without media for two seconds, and the caller
     * must hear the ringback tone meanwhile, from a 183 the gateway made.
     */
    @Test
    void aCallerWhoseNetworkPlaysNoRingbackHearsTheGatewaysWhileTeamsRings() throws Exception {
        Sipp teams = Sipp.peer("teams-transferor", java.util.Map.of("HOST", "127.0.0.1", "PORT", "15071",
                "REFER_TO", "<sip:+442079469998@sip.pstnhub.microsoft.com;user=phone>"),
                java.util.List.of("-t", "t1", "-p", "16071", "-mp", "16700"));
        try (Socat tls = Socat.server(15071, 16071, certificate)) {
            assertEquals(1.0, Metrics.awaitValue("opencg_sbc_peer_up", "peer=\"sip\"", 1, 30));
            try (Baresip caller = Baresip.start("ringback-caller", "127.0.0.4:15194",
                    "<sip:+441632960004@127.0.0.4>;regint=0;audio_codecs=PCMU", OPERATOR_TONE, 5,
                    "sip:+442079461555@127.0.0.1:" + TestServer.SIP_PORT, null, 0)) {
                caller.await();
                double[] ringback = caller.heardOverTime(425, 250);
                String heard = java.util.Arrays.toString(ringback) + "\n" + caller.log() + "\n" + teams.report();
                assertTrue(caller.log().contains("SIP/2.0 183"), heard);
                assertTrue(java.util.Arrays.stream(ringback).filter(x -> x > 0.5).count() >= 2,
                        "half a second of ringback at least: " + heard);
            }
        } finally {
            teams.stop();
        }
    }

    /**
     * A core that goes quiet (the operator's phone stops sending without hanging up, as a core that sends no comfort
     * noise does in silence). On a trunk set to comfort-noise=inject (the "quiet" trunk of arquillian.xml, its phone
     * at 127.0.0.5) the Teams phone goes on hearing media until the call ends: noise, not the tone, and not digital
     * silence; on the "operator" trunk, which is not so set, its media stops with the core's.
     */
    @Test
    void aQuietCoreIsFilledWithComfortNoiseTowardTeamsOnATrunkSetToInjectIt() throws Exception {
        double[] filled = afterTheCoreGoesQuiet("127.0.0.5", "02079461041", "cn-inject");
        double[] plain = afterTheCoreGoesQuiet("127.0.0.1", "02079461042", "cn-none");
        String both = "with comfort noise " + java.util.Arrays.toString(filled) + "\nwithout "
                + java.util.Arrays.toString(plain);
        assertTrue(filled.length >= 8, "two seconds at least of media after the core went quiet: " + both);
        java.util.Arrays.sort(filled);
        double median = filled[filled.length / 2];
        assertTrue(median > 4 && median < 1000, "faint noise (RMS of 16-bit samples), neither silence nor loud: "
                + both);
        assertTrue(plain.length <= 2 || java.util.Arrays.stream(plain).allMatch(x -> x < 2),
                "without the setting, nothing but silence follows the core's last packet: " + both);
    }

    /**
     * The operator's phone on {@code host} calls the Teams phone; 1.5 s after the call is up it vanishes (no BYE,
     * no media) and the gateway's call limit (6 s in the tests) ends the call later. Returns the loudness, per
     * 250 ms, of what the Teams phone heard after the tone had stopped.
     */
    private static double[] afterTheCoreGoesQuiet(String host, String called, String name) throws Exception {
        String accounts = "<sip:+442079461000@127.0.0.1>;regint=0\n<sip:+44" + called.substring(1)
                + "@127.0.0.1>;regint=0;answermode=auto;mediaenc=srtp-mand;audio_codecs=PCMU";
        try (Baresip teams = Baresip.start(name, "127.0.0.1:15070", accounts, TEAMS_TONE, 10, null, certificate, 0)) {
            assertEquals(1.0, Metrics.awaitValue("opencg_sbc_peer_up", "peer=\"sip\"", 1, 30));
            Baresip core = Baresip.start(name + "-core", host + ":15196", "<sip:01632960041@" + host
                    + ">;regint=0;audio_codecs=PCMU", OPERATOR_TONE, 20, "sip:" + called + "@127.0.0.1:"
                    + TestServer.SIP_PORT, null, 0);
            try {
                Eventually.until("the call is up", java.time.Duration.ofSeconds(10),
                        () -> core.log().contains("Call established"));
                Thread.sleep(1500);
            } finally {
                core.vanish();
            }
            teams.await();
            double[] tone = teams.heardOverTime(OPERATOR_TONE, 250);
            double[] level = teams.levelOverTime(250);
            int lastTone = -1;
            for (int i = 0; i < tone.length; i++) {
                if (tone[i] > 0.5) {
                    lastTone = i;
                }
            }
            assertTrue(lastTone >= 2, "the Teams phone heard the core's tone first: " + java.util.Arrays.toString(tone)
                    + "\n" + teams.log());
            // The window in which the tone stopped is half tone, half what followed: skip it.
            return java.util.Arrays.copyOfRange(level, Math.min(level.length, lastTone + 2), level.length);
        }
    }

    /** What the transferee heard, and the Teams side's view of a transfer. */
    private record Transferred(Sipp teams, double[] ringback, double[] echo, String log) {

        int firstRingback() {
            return firstAbove(ringback, 0.5, 0);
        }

        String heard() {
            return "ringback " + java.util.Arrays.toString(ringback) + "\necho " + java.util.Arrays.toString(echo)
                    + "\n" + log;
        }
    }

    /**
     * The operator's phone calls {@code called} in Teams (SIPp behind TLS as the Teams proxy "sip"), whose user
     * refers the call to {@code referTo} a second after answering and hangs up once told the outcome. Checks what
     * every transfer must show: 202, a NOTIFY "100 Trying", a final NOTIFY "200 OK" ending the subscription, and
     * ringback heard by the transferee.
     */
    private static Transferred transfer(String called, String referTo) throws Exception {
        Sipp teams = Sipp.peer("teams-transferor", java.util.Map.of("HOST", "127.0.0.1", "PORT", "15071",
                "REFER_TO", referTo), java.util.List.of("-t", "t1", "-p", "16071", "-mp", "16700"));
        try (Socat tls = Socat.server(15071, 16071, certificate)) {
            assertEquals(1.0, Metrics.awaitValue("opencg_sbc_peer_up", "peer=\"sip\"", 1, 30));
            try (Baresip operator = Baresip.start("transferee-" + called, "127.0.0.1:15190",
                    "<sip:01632960000@127.0.0.1>;regint=0;audio_codecs=PCMU", OPERATOR_TONE, 9,
                    "sip:" + called + "@127.0.0.1:" + TestServer.SIP_PORT, null, 0)) {
                operator.await();
                List<String> dialog = teams.dialogWith("+44" + called.substring(1));
                String log = operator.log() + "\n" + teams.report();
                assertTrue(dialog.stream().anyMatch(m -> m.startsWith("SIP/2.0 202")), "REFER accepted:\n" + log);
                assertTrue(dialog.stream().anyMatch(m -> m.startsWith("NOTIFY ") && m.contains("SIP/2.0 100 Trying")),
                        "NOTIFY 100:\n" + log);
                assertTrue(dialog.stream().anyMatch(m -> m.startsWith("NOTIFY ") && m.contains("SIP/2.0 200 OK")
                        && m.contains("Subscription-State: terminated") && m.contains("message/sipfrag")),
                        "NOTIFY 200 ends the subscription:\n" + log);
                Transferred result = new Transferred(teams, operator.heardOverTime(425, 250),
                        operator.heardOverTime(OPERATOR_TONE, 250), log);
                assertTrue(result.firstRingback() >= 0, "the transferee heard ringback: " + result.heard());
                return result;
            }
        } finally {
            teams.stop();
        }
    }

    /**
     * Each test brings its own Teams side (a phone or SIPp) to 127.0.0.1:15071 and takes it away: the gateway must
     * have seen it go (its OPTIONS unanswered) before the next test's wait for a Teams proxy that is up means that
     * test's own, not this one's last answer over a TLS connection that is gone.
     */
    @org.junit.jupiter.api.AfterEach
    void teamsProxyGone() throws Exception {
        assertEquals(0.0, Metrics.awaitValue("opencg_sbc_peer_up", "peer=\"sip\"", 0, 30));
    }

    private static int firstAbove(double[] strength, double level, int from) {
        for (int i = from; i < strength.length; i++) {
            if (strength[i] > level) {
                return i;
            }
        }
        return -1;
    }

    /** Without its media anchor the gateway takes no new call, and says so (503 with Retry-After). */
    @Test
    void withoutRtpengineANewCallGets503() throws Exception {
        Rtpengine.stop();
        try {
            Sipp caller = Sipp.with("operator-caller", java.util.List.of("-p", "15191", "-m", "1", "-s",
                    "02079461003", "-key", "calling", "01632960000", "-key", "extra", "X-Test: media",
                    "127.0.0.1:" + TestServer.SIP_PORT));
            caller.await();
            assertEquals(503, caller.finalInviteStatus(), caller.report());
            assertTrue(caller.message("SIP/2.0 503").contains("Retry-After:"), caller.report());
        } finally {
            Rtpengine.start();
        }
    }
}
