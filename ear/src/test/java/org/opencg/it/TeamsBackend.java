package org.opencg.it;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * Microsoft's Operator Connect API as the tests meet it: the emulator the build makes
 * ({@code emulators/operator-connect}), run as a process of its own from its jar, the way {@code ./opencg run} runs
 * it, and driven only through its HTTP control endpoints. Nothing of it is on the ear module's class path, so it
 * cannot end up in the EAR.
 */
final class TeamsBackend implements AutoCloseable {

    private static final Path JAR = Launcher.REPO.resolve("emulators/operator-connect/target/oc-emulator-standalone.jar");

    private final Process process;
    private final String control;

    private TeamsBackend(Process process, int port) {
        this.process = process;
        this.control = "http://127.0.0.1:" + port + "/_emulator/";
    }

    static TeamsBackend start(int port) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build the emulators module first");
        }
        Path log = Path.of("target/oc-emulator.log").toAbsolutePath();
        Process process = new ProcessBuilder("java", "-Xmx64m", "-jar", JAR.toString(), "--port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        TeamsBackend backend = new TeamsBackend(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                backend.call("GET", "consents", null);
                return backend;
            } catch (java.io.IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroy();
                    throw new IllegalStateException("the emulator did not start: " + Files.readString(log));
                }
                Thread.sleep(100);
            }
        }
    }

    private JsonObject call(String method, String what, JsonObject body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(control + what))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        String answer = TestServer.send(request).body();
        try (var reader = Json.createReader(new StringReader(answer))) {
            return reader.readObject();
        }
    }

    /** {@code mode} none, down (connections dropped), error (with {@code status}) or slow (with {@code delayMs}). */
    void fault(String mode, int status, long delayMs) throws Exception {
        call("POST", "fault", Json.createObjectBuilder().add("mode", mode).add("status", status)
                .add("delayMs", delayMs).build());
    }

    void addConsent(JsonObject consent) throws Exception {
        call("POST", "consents", consent);
    }

    /** Uploads of this number are refused with 400 and this error from now on. */
    void refuse(String number, String code, String message) throws Exception {
        call("POST", "refuse", Json.createObjectBuilder().add("telephoneNumber", number).add("code", code)
                .add("message", message).build());
    }

    /** The numbers Teams holds now, as "tenant/number" → the last upload. */
    Map<String, JsonObject> numbers() throws Exception {
        JsonObject all = call("GET", "numbers", null);
        return all.keySet().stream().collect(java.util.stream.Collectors.toMap(k -> k, all::getJsonObject));
    }

    /** The call durations Teams received, as "tenant/id" → the upload; each once, however often it was sent. */
    Map<String, JsonObject> callDurations() throws Exception {
        JsonObject all = call("GET", "callDurations", null);
        return all.keySet().stream().collect(java.util.stream.Collectors.toMap(k -> k, all::getJsonObject));
    }

    /** The consent of a tenant as Teams holds it, or null. */
    JsonObject consent(String tenantId) throws Exception {
        return call("GET", "consents", null).getJsonArray("value").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("tenantId").equals(tenantId)).findFirst().orElse(null);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
