package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Liveness, readiness and metrics as a monitoring system sees them on the management interface. */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    private static Map<String, JsonObject> checks(JsonObject health) {
        return health.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c));
    }

    @Test
    void readyWhenDatabaseSipListenersAndRtpengineAllAnswer() throws Exception {
        HttpResponse<String> response = TestServer.get(TestServer.MANAGEMENT + "/health/ready");
        assertEquals(200, response.statusCode(), response.body());
        Map<String, JsonObject> checks = checks(TestServer.json(response.body()));
        for (String part : new String[] {"database", "sip-listeners", "rtpengine"}) {
            assertEquals("UP", checks.get(part).getString("status"), part + ": " + response.body());
        }
        JsonObject database = checks.get("database").getJsonObject("data");
        assertEquals("H2", database.getString("product"));
        assertEquals(TestServer.latestSchemaVersion(), database.getString("schema"));
        assertEquals("udp:127.0.0.1:" + TestServer.SIP_PORT + ",tcp:127.0.0.1:" + TestServer.SIP_PORT
                + ",tls:127.0.0.1:" + TestServer.SIP_TLS_PORT,
                checks.get("sip-listeners").getJsonObject("data").getString("operator"));
        assertEquals("tls:127.0.0.1:" + TestServer.SIP_TEAMS_PORT,
                checks.get("sip-listeners").getJsonObject("data").getString("teams"));
    }

    @Test
    void notReadyWithTheReasonWhileRtpengineIsAwayButStillLive() throws Exception {
        Rtpengine.stop();
        try {
            HttpResponse<String> ready = TestServer.get(TestServer.MANAGEMENT + "/health/ready");
            assertEquals(503, ready.statusCode(), ready.body());
            JsonObject rtpengine = checks(TestServer.json(ready.body())).get("rtpengine");
            assertEquals("DOWN", rtpengine.getString("status"));
            assertTrue(rtpengine.getJsonObject("data").getString("reason").contains("did not answer"), ready.body());
            assertEquals("UP", checks(TestServer.json(ready.body())).get("database").getString("status"));

            HttpResponse<String> live = TestServer.get(TestServer.MANAGEMENT + "/health/live");
            assertEquals(200, live.statusCode(), live.body());
        } finally {
            Rtpengine.start();
        }
        assertEquals(200, TestServer.get(TestServer.MANAGEMENT + "/health/ready").statusCode());
    }

    @Test
    void metricsAreServedInPrometheusFormat() throws Exception {
        HttpResponse<String> metrics = TestServer.get(TestServer.MANAGEMENT + "/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("# TYPE "), metrics.body());
    }
}
