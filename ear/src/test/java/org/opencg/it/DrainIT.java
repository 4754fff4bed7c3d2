package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown as an operator does it: {@code ./opencg stop} while a call is up. New INVITEs get 503 with
 * Retry-After, the established call goes on to its BYE, and the server stops as soon as it has ended, well before
 * {@code opencg.sip.drain-seconds}. The gateway runs through the launcher with the JSR 289 test application, in
 * its own home and on its own ports.
 */
class DrainIT {

    /** Below Linux's ephemeral ports (32768-60999): one an outgoing connection holds cannot be listened on. */
    private static final int GATEWAY_PORT = 21060;
    private static final int DRAIN_SECONDS = 30;
    private static final Path HOME = Path.of("target/drain-home").toAbsolutePath();
    private static final Launcher LAUNCHER = new Launcher(HOME, Map.ofEntries(
            Map.entry("OPENCG_HTTP_PORT", "21080"), Map.entry("OPENCG_HTTPS_PORT", "21443"),
            Map.entry("OPENCG_MANAGEMENT_PORT", "21990"),
            Map.entry("OPENCG_SIP_LISTENING_POINT_OPERATOR", "udp:127.0.0.1:" + GATEWAY_PORT + ",tls:127.0.0.1:21061"),
            Map.entry("OPENCG_SIP_LISTENING_POINT_TEAMS", "tls:127.0.0.1:21063"),
            Map.entry("OPENCG_SIP_LISTENING_POINT_ISC", "tls:127.0.0.1:21065"),
            Map.entry("OPENCG_SIP_DRAIN_SECONDS", String.valueOf(DRAIN_SECONDS)),
            Map.entry("OPENCG_RTPENGINE_NG_ADDRESS", "127.0.0.1:21223"),
            Map.entry("OPENCG_OC_EMULATOR_PORT", "21086"),
            Map.entry("OPENCG_SBC_EMULATOR_TEAMS_PORT", "21071"),
            Map.entry("OPENCG_SBC_EMULATOR_OPERATOR_PORT", "21090"),
            Map.entry("OPENCG_RTPENGINE_PORT_RANGE", "43000-43999"),
            Map.entry("OPENCG_EAR", HOME.resolve("opencg-test.ear").toString())));

    @BeforeAll
    static void runTheGatewayWithTheTestApplication() throws Exception {
        Files.createDirectories(HOME);
        TestServer.earWithTestApplication().as(ZipExporter.class).exportTo(HOME.resolve("opencg-test.ear").toFile(), true);
        Launcher.Result run = LAUNCHER.run("run");
        assertEquals(0, run.exit(), run.out() + run.err());
    }

    @AfterAll
    static void stopWhateverIsLeft() throws Exception {
        LAUNCHER.run("stop");
        Sipp.stopAll();
    }

    @Test
    void onStopNewCallsAreRefusedWhileTheEstablishedCallGoesOnToItsEnd() throws Exception {
        Sipp call = Sipp.uacTo(GATEWAY_PORT, "uac-call", "uas", 21160, null, "-d", "8000");
        Instant deadline = Instant.now().plusSeconds(10);
        while (call.message("SIP/2.0 200") == null && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertTrue(call.message("SIP/2.0 200") != null, "the call was not answered:\n" + call.report());

        Instant stopAt = Instant.now();
        Launcher.Running stop = LAUNCHER.start(Map.of(), "stop");
        Thread.sleep(2000);
        Sipp refused = Sipp.uacTo(GATEWAY_PORT, "uac-fail", "uas", 21162, null);
        assertEquals(0, refused.await(), refused.report());
        assertEquals(503, refused.finalInviteStatus(), refused.report());
        assertTrue(refused.messages().contains("Retry-After: 30"), refused.messages());

        assertEquals(0, call.await(), "the established call ends normally with BYE and 200:\n" + call.report());
        Launcher.Result stopped = stop.await();
        long stopSeconds = Duration.between(stopAt, Instant.now()).toSeconds();
        assertEquals(0, stopped.exit(), stopped.out() + stopped.err());
        assertTrue(stopSeconds < DRAIN_SECONDS, "the server stopped when the call ended, not at the drain deadline: "
                + stopSeconds + " s");
        assertEquals(List.of(), LAUNCHER.leftovers());
        assertEquals(List.of(), errorsWhileStopping(), "errors in the server's log from the stop's drain on");
    }

    /** The ERROR lines the server logged from the moment it began to suspend. */
    private static List<String> errorsWhileStopping() throws java.io.IOException {
        List<String> lines = Files.readAllLines(HOME.resolve("wildfly/log/server.log"));
        int suspended = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("WFLYSRV0272")) {
                suspended = i;
            }
        }
        assertTrue(suspended > 0, "the server's log says nothing of suspending");
        return lines.subList(suspended, lines.size()).stream().filter(l -> l.contains(" ERROR ")).toList();
    }
}
