package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencg.it.ProvisioningApi.body;
import static org.opencg.it.ProvisioningApi.delete;
import static org.opencg.it.ProvisioningApi.get;
import static org.opencg.it.ProvisioningApi.put;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Direct Routing subdomains in DNS (acg-behaviour.md §9, checklist items 13-14) with a real BIND: the region
 * tokens published by RFC 2136 update under {@code <label>.1r1.<base>} and {@code <label>.1r2.<base>},
 * subdomainStatus read back from what the server serves, tampering seen as inconsistent, and a DNS outage
 * caught up afterwards.
 */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DirectRoutingDnsIT {

    private static Bind bind;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    @BeforeAll
    static void startDns() throws Exception {
        bind = Bind.start();
    }

    @AfterAll
    static void stopDns() throws Exception {
        bind.close();
    }

    private static void eventually(String what, Callable<Boolean> condition) throws Exception {
        Eventually.until(what, Duration.ofSeconds(20), condition);
    }

    private static String directRouting(String label, String token1, String token2) {
        return """
                {"serviceDetails":{"teamsDirectRouting":{"syncEnabled":false,"enabled":true,"configuration":{
                  "callScreening":true,"subdomain":"%s","subdomainTokens":{"region1Token":"%s","region2Token":"%s"}}}}}"""
                .formatted(label, token1, token2);
    }

    private static String subdomainStatus(String account) throws Exception {
        return body(get("/accounts/" + account)).getJsonObject("serviceDetails").getJsonObject("teamsDirectRouting")
                .getString("subdomainStatus");
    }

    private static String name(String label, int region) {
        return label + ".1r" + region + "." + Bind.ZONE;
    }

    private static String label() {
        return "c" + Long.toString(System.nanoTime() % 100_000_000, 36);
    }

    @Test
    void tokensArePublishedChangedAndWithdrawn() throws Exception {
        String account = "dr-" + System.nanoTime();
        String label = label();
        HttpResponse<String> created = put("/accounts/" + account, directRouting(label, "ms=ms1111", "ms=ms2222"));
        assertEquals(201, created.statusCode(), created.body());

        eventually("both regions serve their token", () -> "provisioned".equals(subdomainStatus(account)));
        assertEquals(List.of("ms=ms1111"), Bind.dig(name(label, 1), "TXT"));
        assertEquals(List.of("ms=ms2222"), Bind.dig(name(label, 2), "TXT"));

        assertEquals(200, put("/accounts/" + account, directRouting(label, "ms=ms3333", "ms=ms2222")).statusCode());
        eventually("the new token replaces the old", () -> Bind.dig(name(label, 1), "TXT").equals(List.of("ms=ms3333")));
        eventually("provisioned again", () -> "provisioned".equals(subdomainStatus(account)));

        // Someone changes the zone behind OpenCG's back: the account says so.
        Bind.nsupdate("update add " + name(label, 2) + ". 5 TXT \"ms=intruder\"");
        eventually("tampering shows as inconsistent", () -> "inconsistent".equals(subdomainStatus(account)));

        assertEquals(204, delete("/accounts/" + account).statusCode());
        eventually("the records are withdrawn", () -> Bind.dig(name(label, 1), "TXT").isEmpty()
                && Bind.dig(name(label, 2), "TXT").isEmpty());
    }

    @Test
    void aDnsOutageIsCaughtUpAfterwards() throws Exception {
        String account = "dr-down-" + System.nanoTime();
        String label = label();
        bind.down();
        try {
            assertEquals(201, put("/accounts/" + account, directRouting(label, "tokA", "tokB")).statusCode());
            Thread.sleep(1500);
            assertEquals("notProvisioned", subdomainStatus(account));
        } finally {
            bind.up();
        }
        eventually("published once DNS is back", () -> "provisioned".equals(subdomainStatus(account)));
        assertEquals(List.of("tokB"), Bind.dig(name(label, 2), "TXT"));
    }
}
