package org.opencg.emulator.oc;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

/**
 * A stand-in for Microsoft's Operator Connect APIs, for tests and the local demo only (Microsoft's service is not
 * reachable from a test machine and its specification is not public). It serves the REST shape of
 * docs/operator-connect-api.md below {@code /oc}, keeps what it is told in memory, and takes orders on
 * {@code /_emulator}: add consents, refuse numbers, list the call durations received, and inject faults ({@code down}: connections are dropped
 * unanswered; {@code error}: every answer is the given status; {@code slow}: answers wait {@code delayMs}).
 */
public final class OperatorConnectEmulator implements AutoCloseable {

    /** A consent every emulator starts with, so the local demo has an enterprise to provision. */
    public static final String DEMO_TENANT = "7f3e9a62-4b1c-4d8e-9f2a-0c5b6d7e8f90";

    private final HttpServer server;
    private final Map<String, JsonObject> consents = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> numbers = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> refusals = new ConcurrentHashMap<>();
    /** Call durations received, by "tenant/call id": a second upload of one is refused (409), never counted. */
    private final Map<String, JsonObject> callDurations = new ConcurrentHashMap<>();
    private final AtomicReference<JsonObject> fault = new AtomicReference<>(JsonValue.EMPTY_JSON_OBJECT);

    private OperatorConnectEmulator(HttpServer server) {
        this.server = server;
    }

    public static OperatorConnectEmulator start(String address, int port) throws IOException {
        // The JDK server writes headers and body separately; with Nagle on, each answer then waits for the
        // client's delayed ACK (~40 ms). Read once, when the server classes load, so set before the first server.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 64);
        OperatorConnectEmulator emulator = new OperatorConnectEmulator(server);
        server.createContext("/oc/", emulator::api);
        server.createContext("/_emulator/", emulator::control);
        server.setExecutor(Executors.newCachedThreadPool());
        emulator.addConsent(demoConsent());
        server.start();
        return emulator;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    // --- what tests drive directly --------------------------------------------------------------------------------

    public void addConsent(JsonObject consent) {
        consents.put(consent.getString("tenantId"), consent);
    }

    /** {@code mode} none, down, error (with {@code status}) or slow (with {@code delayMs}). */
    public void fault(String mode, int status, long delayMs) {
        fault.set(Json.createObjectBuilder().add("mode", mode).add("status", status).add("delayMs", delayMs).build());
    }

    /** Uploads of this number are refused with 400 and this error from now on. */
    public void refuse(String number, String code, String message) {
        refusals.put(number, Json.createObjectBuilder().add("code", code).add("message", message).build());
    }

    /** The numbers Teams holds now, as "tenant/number" → the last upload. */
    public Map<String, JsonObject> numbers() {
        return Map.copyOf(numbers);
    }

    public JsonObject consent(String tenantId) {
        return consents.get(tenantId);
    }

    // --- the API --------------------------------------------------------------------------------------------------

    private void api(HttpExchange exchange) throws IOException {
        JsonObject now = fault.get();
        String mode = now.getString("mode", "none");
        if (mode.equals("down")) {
            exchange.close(); // no status line at all: to the client the service is unreachable
            return;
        }
        if (mode.equals("slow")) {
            sleep(now.getJsonNumber("delayMs").longValue());
        }
        if (mode.equals("error")) {
            send(exchange, now.getInt("status"), error("EmulatedFault", "fault injected by the emulator"));
            return;
        }
        try {
            route(exchange);
        } catch (RuntimeException e) {
            send(exchange, 400, error("BadRequest", String.valueOf(e.getMessage())));
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        List<String> path = segments(exchange.getRequestURI().getRawPath().substring("/oc/".length()));
        if (path.equals(List.of("consents")) && method.equals("GET")) {
            JsonArrayBuilder value = Json.createArrayBuilder();
            consents.values().forEach(value::add);
            send(exchange, 200, Json.createObjectBuilder().add("value", value).build());
        } else if (path.size() == 3 && path.get(0).equals("consents") && path.get(2).equals("customerRelationship")
                && method.equals("PUT")) {
            JsonObject consent = consents.get(path.get(1));
            if (consent == null) {
                send(exchange, 404, error("NotFound", "no consent from tenant " + path.get(1)));
                return;
            }
            JsonObject body = read(exchange);
            consents.put(path.get(1), Json.createObjectBuilder(consent).add("customerRelationship",
                    Json.createObjectBuilder(body).add("lastModifiedOn", Instant.now().toString())).build());
            send(exchange, 200, consents.get(path.get(1)));
        } else if (path.size() >= 2 && path.get(0).equals("tenants")) {
            tenant(exchange, method, path);
        } else {
            send(exchange, 404, error("NotFound", method + " " + path + " is not part of the API"));
        }
    }

    private void tenant(HttpExchange exchange, String method, List<String> path) throws IOException {
        String tenant = path.get(1);
        JsonObject consent = consents.get(tenant);
        if (consent == null || !"active".equals(consent.getString("status", ""))) {
            send(exchange, 404, error("TenantNotConsented", "tenant " + tenant + " has no active consent for this"
                    + " operator"));
            return;
        }
        if (path.size() == 2 && method.equals("GET")) {
            send(exchange, 200, consent);
        } else if (path.size() == 4 && path.get(2).equals("numbers") && method.equals("PUT")) {
            String number = path.get(3);
            JsonObject refusal = refusals.get(number);
            if (refusal != null) {
                send(exchange, 400, Json.createObjectBuilder().add("error", refusal).build());
                return;
            }
            JsonObject upload = read(exchange);
            numbers.put(tenant + "/" + number, upload);
            JsonArrayBuilder acquired = Json.createArrayBuilder();
            upload.getJsonArray("choosableCapabilities").forEach(acquired::add);
            send(exchange, 200, Json.createObjectBuilder().add("acquired", acquired)
                    .add("available", Json.createArrayBuilder().add("InboundCalling").add("OutboundCalling")
                            .add("UserAssignment").add("Office365"))
                    .build());
        } else if (path.size() == 4 && path.get(2).equals("numbers") && method.equals("DELETE")) {
            numbers.remove(tenant + "/" + path.get(3));
            send(exchange, 204, null);
        } else if (path.size() == 4 && path.get(2).equals("callDurations") && method.equals("PUT")) {
            JsonObject duration = read(exchange);
            if (callDurations.putIfAbsent(tenant + "/" + path.get(3), duration) != null) {
                send(exchange, 409, error("DuplicateCallDuration", "the duration of call " + path.get(3)
                        + " was received already"));
                return;
            }
            send(exchange, 201, duration);
        } else if (path.size() == 3 && path.get(2).equals("civicAddresses") && method.equals("GET")) {
            send(exchange, 200, Json.createObjectBuilder().add("value", Json.createArrayBuilder()
                    .add(civicAddress(tenant))).build());
        } else if (path.size() == 3 && path.get(2).equals("capabilityPlans") && method.equals("GET")) {
            send(exchange, 200, Json.createObjectBuilder().add("value", capabilityPlans()).build());
        } else if (path.size() == 3 && path.get(2).equals("availableCapabilities") && method.equals("POST")) {
            read(exchange);
            send(exchange, 200, Json.createObjectBuilder().add("availableCapabilities", Json.createArrayBuilder()
                    .add("InboundCalling").add("OutboundCalling").add("UserAssignment")).build());
        } else {
            send(exchange, 404, error("NotFound", method + " " + path + " is not part of the API"));
        }
    }

    // --- control --------------------------------------------------------------------------------------------------

    private void control(HttpExchange exchange) throws IOException {
        String what = exchange.getRequestURI().getPath().substring("/_emulator/".length());
        switch (what) {
            case "fault" -> {
                JsonObject body = read(exchange);
                fault(body.getString("mode", "none"), body.getInt("status", 503),
                        body.containsKey("delayMs") ? body.getJsonNumber("delayMs").longValue() : 0);
                send(exchange, 200, fault.get());
            }
            case "consents" -> {
                if (exchange.getRequestMethod().equals("POST")) {
                    addConsent(read(exchange));
                }
                JsonArrayBuilder value = Json.createArrayBuilder();
                consents.values().forEach(value::add);
                send(exchange, 200, Json.createObjectBuilder().add("value", value).build());
            }
            case "numbers" -> {
                var body = Json.createObjectBuilder();
                numbers.forEach(body::add);
                send(exchange, 200, body.build());
            }
            case "callDurations" -> {
                var body = Json.createObjectBuilder();
                callDurations.forEach(body::add);
                send(exchange, 200, body.build());
            }
            case "refuse" -> {
                JsonObject body = read(exchange);
                refuse(body.getString("telephoneNumber"), body.getString("code"), body.getString("message"));
                send(exchange, 200, body);
            }
            default -> send(exchange, 404, error("NotFound", "no control " + what));
        }
    }

    // --- data -----------------------------------------------------------------------------------------------------

    static JsonObject demoConsent() {
        return Json.createObjectBuilder().add("tenantId", DEMO_TENANT).add("operatorId", "opencg-demo-operator")
                .add("status", "active").add("consentedOn", "2026-01-15T09:30:00Z")
                .add("lastModifiedOn", "2026-01-15T09:30:00Z")
                .add("consentedCountries", Json.createArrayBuilder().add("GB").add("IE"))
                .add("contacts", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("fullName", "Alex Wilber").add("email", "alex@contoso.example")
                        .add("telephoneNumber", "+442079460000").add("companyName", "Contoso Ltd")
                        .add("companySize", "250-999")))
                .build();
    }

    private static JsonObject civicAddress(String tenant) {
        return Json.createObjectBuilder().add("id", "ca-" + tenant.substring(0, 8)).add("country", "GB")
                .add("houseNumber", "1").add("streetName", "Queen Victoria Street").add("cityOrTown", "London")
                .add("postalOrZipCode", "EC4N 4TQ").add("description", "Head office").add("companyName", "Contoso")
                .add("defaultLocationId", "loc-" + tenant.substring(0, 8)).add("validationStatus", "validated")
                .add("tenantId", tenant).add("partnerId", "opencg-demo-operator")
                .add("locations", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("id", "loc-" + tenant.substring(0, 8)).add("civicAddressId", "ca-" + tenant.substring(0, 8))
                        .add("description", "Reception").add("isDefault", true).add("elin", "442079460000")))
                .add("latitude", "51.5124").add("longitude", "-0.0906").build();
    }

    private static JsonArrayBuilder capabilityPlans() {
        return Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "UserNumbers").add("offerTypes",
                        Json.createArrayBuilder().add("Geographic")).add("usage", "CallingUserAssignment")
                        .add("mandatoryCapabilities", Json.createArrayBuilder().add("InboundCalling"))
                        .add("choosableCapabilities", Json.createArrayBuilder().add("OutboundCalling")
                                .add("Office365"))
                        .add("supportsTollFree", false))
                .add(Json.createObjectBuilder().add("name", "ServiceNumbers").add("offerTypes",
                        Json.createArrayBuilder().add("Geographic").add("TollFree"))
                        .add("usage", "FirstPartyAppAssignment")
                        .add("mandatoryCapabilities", Json.createArrayBuilder().add("InboundCalling"))
                        .add("choosableCapabilities", Json.createArrayBuilder().add("FirstPartyAppAssignment"))
                        .add("supportsTollFree", true));
    }

    // --- plumbing -------------------------------------------------------------------------------------------------

    private static List<String> segments(String rawPath) {
        return java.util.Arrays.stream(rawPath.split("/")).filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
    }

    private static JsonObject read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.isBlank() ? JsonValue.EMPTY_JSON_OBJECT
                    : Json.createReader(new StringReader(text)).readObject();
        }
    }

    private static JsonObject error(String code, String message) {
        return Json.createObjectBuilder().add("error", Json.createObjectBuilder().add("code", code)
                .add("message", message)).build();
    }

    private static void send(HttpExchange exchange, int status, JsonStructure body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code java -jar oc-emulator.jar [--address A] [--port N]}: runs until killed. */
    public static void main(String[] args) throws IOException {
        String address = "127.0.0.1";
        int port = 8086;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--address" -> address = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--address, --port)");
            }
        }
        OperatorConnectEmulator emulator = start(address, port);
        System.out.println("Operator Connect emulator on http://" + address + ":" + emulator.port() + "/oc"
                + " (control: /_emulator/fault, /_emulator/consents, /_emulator/numbers, /_emulator/callDurations,"
                + " /_emulator/refuse)");
    }
}
