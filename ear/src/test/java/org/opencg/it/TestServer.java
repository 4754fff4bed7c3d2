package org.opencg.it;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/** The deployed gateway as the tests see it: the built EAR, its HTTP and management addresses. */
public final class TestServer {

    public static final String HTTP = "http://127.0.0.1:" + System.getProperty("it.http.port", "18080");
    public static final String MANAGEMENT = "http://127.0.0.1:" + System.getProperty("it.management.port", "19990");
    public static final int SIP_PORT = Integer.parseInt(System.getProperty("it.sip.port", "15060"));
    public static final int SIP_TLS_PORT = Integer.parseInt(System.getProperty("it.sip.tls.port", "15061"));
    public static final int SIP_TEAMS_PORT = Integer.parseInt(System.getProperty("it.sip.teams.port", "15063"));
    public static final Path BASE_DIR = Path.of(System.getProperty("it.server.base", "target/wildfly-base"));

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    private TestServer() {
    }

    /** The EAR exactly as packaged: tests deploy what ships. */
    public static EnterpriseArchive ear() {
        File ear = new File(System.getProperty("opencg.ear", "target/opencg.ear"));
        return ShrinkWrap.create(ZipImporter.class, "opencg.ear").importFrom(ear).as(EnterpriseArchive.class);
    }

    /** The product EAR without the SBC: the SIP container with no application, answering by itself. */
    public static EnterpriseArchive earWithoutApplications() {
        EnterpriseArchive ear = ear();
        JavaArchive sip = ear.getAsType(JavaArchive.class, "sip-servlet-module.jar");
        sip.deletePackages(true, "org.opencg.sip.sbc");
        ear.delete("sip-servlet-module.jar");
        ear.addAsModule(sip);
        return ear;
    }

    /**
     * The product EAR with the JSR 289 test application ({@code sipapps}) in the SIP module in place of the SBC
     * ({@code org.opencg.sip.sbc}): the container tests see the container and their application alone, and no SBC
     * keep-alive or call of its own.
     */
    public static EnterpriseArchive earWithTestApplication() {
        EnterpriseArchive ear = ear();
        JavaArchive sip = ear.getAsType(JavaArchive.class, "sip-servlet-module.jar");
        sip.deletePackages(true, "org.opencg.sip.sbc");
        sip.addPackage(org.opencg.it.sipapps.TestCallsServlet.class.getPackage());
        ear.delete("sip-servlet-module.jar");
        ear.addAsModule(sip);
        return ear;
    }

    public static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The schema version the deployed EAR migrates to: the highest {@code V<n>__} file among its migrations. */
    public static String latestSchemaVersion() throws IOException {
        Path migrations = Launcher.REPO.resolve("ejb-core/service/src/main/resources/db/migration");
        try (var files = java.nio.file.Files.list(migrations)) {
            return String.valueOf(files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
        }
    }

    /** Sends any request (with a 20 s timeout) and returns the response with its body as text. */
    public static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
