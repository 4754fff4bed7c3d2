package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The launcher end to end, as a newcomer uses it: ./opencg run, status, a second run, stop, a restart that keeps
 * the data, and start-up refused with one clear line on bad configuration. It runs in its own home directory on
 * its own ports, so it neither disturbs nor is disturbed by a gateway already running on this machine.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {

    private static final Path HOME = Path.of("target/launcher-home").toAbsolutePath();
    private static final int HTTP_PORT = 28080;
    /** The account made through the launched gateway's API; the launcher home may keep earlier runs' data. */
    private static final String ACCOUNT = "launcher-" + System.currentTimeMillis();
    private static final Launcher LAUNCHER = new Launcher(HOME, Map.ofEntries(
            Map.entry("OPENCG_HTTP_PORT", String.valueOf(HTTP_PORT)),
            Map.entry("OPENCG_HTTPS_PORT", "28443"),
            Map.entry("OPENCG_MANAGEMENT_PORT", "29990"),
            Map.entry("OPENCG_SIP_LISTENING_POINT_OPERATOR",
                    "udp:127.0.0.1:25060,tcp:127.0.0.1:25060,tls:127.0.0.1:25061"),
            Map.entry("OPENCG_SIP_LISTENING_POINT_TEAMS", "tls:127.0.0.1:25063"),
            Map.entry("OPENCG_SIP_LISTENING_POINT_ISC", "tls:127.0.0.1:25065"),
            Map.entry("OPENCG_RTPENGINE_NG_ADDRESS", "127.0.0.1:22223"),
            Map.entry("OPENCG_OC_EMULATOR_PORT", "28086"),
            Map.entry("OPENCG_SBC_EMULATOR_TEAMS_PORT", "25071"),
            Map.entry("OPENCG_SBC_EMULATOR_OPERATOR_PORT", "25090"),
            Map.entry("OPENCG_RTPENGINE_PORT_RANGE", "42000-42999")));

    private static Launcher.Result opencg(Map<String, String> extra, String... args) throws Exception {
        return LAUNCHER.run(extra, args);
    }

    private static Launcher.Result opencg(String... args) throws Exception {
        return LAUNCHER.run(args);
    }

    private static List<String> leftovers() {
        return LAUNCHER.leftovers();
    }

    private static String firstAdminFile() throws IOException {
        return Files.readString(HOME.resolve("data/h2/first-admin-password"), StandardCharsets.US_ASCII);
    }

    @AfterAll
    static void stopWhateverIsLeft() throws Exception {
        opencg("stop");
    }

    @Test
    @Order(1)
    void runStartsEverythingAndPrintsTheAddressesAndTheFirstLogin() throws Exception {
        Launcher.Result run = opencg("run");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("OpenCG is ready (h2 database)"), run.out());
        assertTrue(run.out().contains("Portal        http://127.0.0.1:" + HTTP_PORT + "/portal/   (HTTPS: "
                + "https://127.0.0.1:28443/portal/)"), run.out());
        assertTrue(run.out().contains("API           http://127.0.0.1:" + HTTP_PORT + "/api"), run.out());
        assertTrue(run.out().contains("Health        http://127.0.0.1:29990/health"), run.out());
        assertTrue(run.out().contains("SIP           operator udp:127.0.0.1:25060, operator tcp:127.0.0.1:25060, "
                + "operator tls:127.0.0.1:25061, teams tls:127.0.0.1:25063, isc tls:127.0.0.1:25065"), run.out());
        assertTrue(Files.exists(HOME.resolve("data/h2/tls/gateway.p12")), "no gateway certificate made at first run");
        assertTrue(run.out().contains("Operator Connect API  http://127.0.0.1:28086/oc   (local emulator"), run.out());
        assertTrue(run.out().contains("Teams proxy   tls:127.0.0.1:25071   (local SIPp emulator"), run.out());
        assertTrue(run.out().contains("Operator SBC  udp:127.0.0.1:25090   (local SIPp emulator"), run.out());
        String password = firstAdminFile().trim().split(":")[1];
        assertTrue(run.out().contains("First login   admin / " + password), run.out());

        assertEquals(200, TestServer.get("http://127.0.0.1:" + HTTP_PORT + "/portal/login.xhtml").statusCode());
        // The database, the keys and the first login are readable by the service's user only.
        for (String secret : List.of("data/h2/opencg.mv.db", "data/h2/tls/gateway.p12", "data/h2/tls/ca.p12",
                "data/h2/api/signing.pem", "data/h2/first-admin-password", "run/server.properties")) {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> modes = Files.getPosixFilePermissions(
                    HOME.resolve(secret));
            assertTrue(modes.stream().allMatch(p -> p.name().startsWith("OWNER")), secret + " is " + modes);
        }
    }

    private static HttpResponse<String> api(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + "/api" + path
                + "?api-version=2024-02-29-preview")).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return TestServer.send(request);
    }

    @Test
    @Order(2)
    void tokenPrintsABearerTokenTheGatewayAcceptsWithItsRoles() throws Exception {
        Launcher.Result read = opencg("token", "Read");
        assertEquals(0, read.exit(), read.out() + read.err());
        String readToken = read.out().trim();
        assertEquals(200, api("GET", "/accounts", readToken, null).statusCode());
        assertEquals(403, api("PUT", "/accounts/" + ACCOUNT, readToken, "{}").statusCode());
        assertEquals(401, api("GET", "/accounts", null, null).statusCode());
        String admin = opencg("token", "--hours", "1", "Admin").out().trim();
        // Operator Connect with flow-through sync to the emulator's demo enterprise: the launched gateway syncs it.
        HttpResponse<String> created = api("PUT", "/accounts/" + ACCOUNT, admin, """
                {"correlationId":"kept","serviceDetails":{"teamsTenantId":"7f3e9a62-4b1c-4d8e-9f2a-0c5b6d7e8f90",
                 "teamsOperatorConnect":{"syncEnabled":true,"enabled":true}}}""");
        assertEquals(201, created.statusCode(), created.body());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!api("GET", "/accounts/" + ACCOUNT, admin, null).body().contains("\"serviceProvisioningStatus\":\"synced\"")) {
            assertTrue(System.nanoTime() < deadline, "the account did not sync with the emulator: "
                    + api("GET", "/accounts/" + ACCOUNT, admin, null).body());
            Thread.sleep(250);
        }

        Launcher.Result wrong = opencg("token", "Superuser");
        assertEquals(1, wrong.exit());
        assertTrue(wrong.err().contains("Admin Read Write Delete"), wrong.err());
    }

    @Test
    @Order(3)
    void statusSaysEveryServiceIsUp() throws Exception {
        Launcher.Result status = opencg("status");
        assertEquals(0, status.exit(), status.out() + status.err());
        for (String service : new String[] {"wildfly", "database", "sip-listeners", "rtpengine"}) {
            assertTrue(status.out().lines().anyMatch(l -> l.startsWith(service) && l.contains(" up ")),
                    service + " not up: " + status.out());
        }
    }

    /** The first thing a newcomer runs after ./opencg run: a call each way through the emulated peers. */
    @Test
    @Order(4)
    void demoCallCompletesACallEachWayAndShowsBothLegs() throws Exception {
        Launcher.Result demo = opencg("demo-call");
        assertEquals(0, demo.exit(), demo.out() + demo.err());
        assertTrue(demo.out().contains("=> call 1 completed") && demo.out().contains("=> call 2 completed"), demo.out());
        assertTrue(demo.out().contains("Teams leg (SIPp as sip.pstnhub.microsoft.com, TLS):"), demo.out());
        assertTrue(demo.out().lines().anyMatch(l -> l.contains("X-MS-SBC: OpenCG/")), "the Teams leg shows X-MS-SBC:\n"
                + demo.out());
        assertTrue(demo.out().lines().anyMatch(l -> l.matches("\\s+Teams\\s+<- OpenCG\\s+INVITE sip:\\+44\\d+@.*"
                + "user=phone;transport=tls SIP/2.0")), "the Teams emulator received the INVITE in Teams form:\n"
                + demo.out());
    }

    @Test
    @Order(4)
    void aSecondRunWhileRunningSaysSoAndSucceeds() throws Exception {
        Launcher.Result again = opencg("run");
        assertEquals(0, again.exit(), again.out() + again.err());
        assertTrue(again.out().contains("already running"), again.out());
    }

    @Test
    @Order(5)
    void stopLeavesNoProcessBehindAndStatusThenFails() throws Exception {
        Launcher.Result stop = opencg("stop");
        assertEquals(0, stop.exit(), stop.out() + stop.err());
        assertEquals(List.of(), leftovers());
        Launcher.Result status = opencg("status");
        assertNotEquals(0, status.exit(), status.out());
    }

    @Test
    @Order(6)
    void aRestartKeepsTheDataAndDoesNotCreateAnotherAdministrator() throws Exception {
        String before = firstAdminFile();
        Launcher.Result run = opencg("run");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(before, firstAdminFile());
        String admin = opencg("token", "Admin").out().trim();
        HttpResponse<String> kept = api("GET", "/accounts/" + ACCOUNT, admin, null);
        assertEquals(200, kept.statusCode(), "an acknowledged write survives a restart: " + kept.body());
        String log = Files.readString(HOME.resolve("wildfly/log/server.log"));
        assertTrue(log.contains("WFLYSRV0010: Deployed \"opencg.ear\""), "the EAR did not deploy again");
        assertFalse(log.contains("Created the first portal administrator"), "the users table was empty after restart");
        assertEquals(0, opencg("stop").exit());
        assertEquals(List.of(), leftovers());
    }

    @Test
    @Order(7)
    void theSameEarRunsOnPostgresql() throws Exception {
        Launcher.Result run = opencg("run", "--postgres");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("OpenCG is ready (postgres database)"), run.out());
        Launcher.Result status = opencg("status");
        assertEquals(0, status.exit(), status.out());
        assertTrue(status.out().contains("product PostgreSQL"), status.out());
        // An acknowledged write survives a restart on PostgreSQL too.
        String admin = opencg("token", "Admin").out().trim();
        String name = "pg-" + System.nanoTime();
        assertEquals(201, api("PUT", "/accounts/" + name, admin, "{}").statusCode());
        assertEquals(0, opencg("stop").exit());
        assertEquals(0, opencg("run", "--postgres").exit());
        assertEquals(200, api("GET", "/accounts/" + name, opencg("token", "Admin").out().trim(), null).statusCode());
        assertEquals(204, api("DELETE", "/accounts/" + name, admin, null).statusCode());
        assertEquals(0, opencg("stop").exit());
        assertEquals(List.of(), leftovers());
    }

    @Test
    @Order(8)
    void aPortInUseStopsStartUpWithOneLineNamingTheSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(HTTP_PORT, 1, InetAddress.getByName("127.0.0.1"))) {
            Launcher.Result run = opencg("run");
            assertEquals(1, run.exit(), run.out());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().contains("opencg.http.port: tcp 127.0.0.1:" + HTTP_PORT + " is already in use"), run.err());
        }
        assertEquals(List.of(), leftovers());
    }

    @Test
    @Order(9)
    void aBadSipSettingStopsStartUpWithOneLineNamingTheSetting() throws Exception {
        Launcher.Result run = opencg(Map.of("OPENCG_SIP_LISTENING_POINT_OPERATOR", "udp:127.0.0.1:99999"), "run");
        assertEquals(1, run.exit(), run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("opencg.sip.listening-point.operator: 'udp:127.0.0.1:99999' has no port"),
                run.err());
        assertEquals(List.of(), leftovers());
    }

    @Test
    @Order(10)
    void anUnreachableDatabaseStopsStartUpWithOneLineNamingTheSetting() throws Exception {
        Launcher.Result run = opencg(Map.of("OPENCG_DB_URL", "jdbc:postgresql://127.0.0.1:1/opencg"), "run", "--postgres");
        assertEquals(1, run.exit(), run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("opencg: opencg.db.url: "), run.err());
        assertEquals(List.of(), leftovers());
    }

    @Test
    @Order(11)
    void tokensOfAnIdentityProviderWithoutAnAudienceStopStartUpWithOneLineNamingTheSetting() throws Exception {
        Launcher.Result run = opencg(Map.of("OPENCG_API_JWT_KEYS",
                "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/discovery/v2.0/keys"), "run");
        assertEquals(1, run.exit(), run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("opencg: opencg.api.jwt.audience: must be set"), run.err());
        assertEquals(List.of(), leftovers());
    }

    @Test
    @Order(12)
    void aTrunkRuleThatCannotCompileStopsStartUpWithOneLineNamingIt() throws Exception {
        Launcher.Result run = opencg(Map.of("OPENCG_SBC_TRUNK_OPERATOR_HEADER_RULE_1",
                "from invite replace P-Asserted-Identity ([a-z => x"), "run");
        assertEquals(1, run.exit(), run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("opencg.sbc.trunk.operator.header-rule.1: the regex '([a-z' does not compile"),
                run.err());
        assertEquals(List.of(), leftovers());
    }
}
