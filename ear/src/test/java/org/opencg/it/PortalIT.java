package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** web-portal on the deployed EAR: the portal page, the API's error format and the OpenAPI document. */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    /** The pages need a signed-in user (PortalBrowserIT signs in); without one, the sign-in page. */
    @Test
    void thePortalSendsAStrangerToItsSignInPageRenderedWithPrimeFaces() throws Exception {
        HttpResponse<String> portal = TestServer.get(TestServer.HTTP + "/portal/");
        assertEquals(302, portal.statusCode());
        assertTrue(portal.headers().firstValue("Location").orElse("").endsWith("/portal/login.xhtml"),
                portal.headers().map().toString());
        HttpResponse<String> page = TestServer.get(TestServer.HTTP + "/portal/login.xhtml");
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("OpenCG Number Management Portal"), html);
        assertTrue(html.contains("jakarta.faces.resource/"), "no PrimeFaces resources: " + html);
        assertTrue(html.contains("<label id=\"signIn:j_idt") || html.contains("for=\"signIn:username\""),
                "the fields have labels: " + html);
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
    }

    /**
     * Paths that reach a page through the open resources folder, as the raw bytes a client can send: the access
     * decision is made on the path the container resolved, so each gets the sign-in page and none the audit trail.
     */
    @Test
    void noPathTrickReachesAPageWithoutSigningIn() throws Exception {
        for (String trick : java.util.List.of("/portal/jakarta.faces.resource/../audit.xhtml",
                "/portal/jakarta.faces.resource/%2e%2e/audit.xhtml", "/portal/jakarta.faces.resource/.%2e/audit.xhtml",
                "/portal/jakarta.faces.resource/foo/../../audit.xhtml",
                "/portal/jakarta.faces.resource/..;/audit.xhtml",
                "/portal/./audit.xhtml", "/portal//audit.xhtml", "/portal/audit.xhtml")) {
            String answer = rawGet(trick);
            String status = answer.substring(0, answer.indexOf("\r\n"));
            assertTrue(status.contains(" 302 ") && answer.contains("/portal/login.xhtml")
                    || status.contains(" 400 ") || status.contains(" 404 "), trick + " gave " + answer);
            assertTrue(!answer.contains("ui-datatable"), trick + " showed the audit table: " + answer);
        }
    }

    @Test
    void everyAnswerTellsTheBrowserWhatNotToDo() throws Exception {
        for (String path : java.util.List.of("/portal/login.xhtml", "/api/accounts?api-version=2024-02-29-preview")) {
            HttpResponse<String> answer = TestServer.get(TestServer.HTTP + path);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("same-origin", answer.headers().firstValue("Referrer-Policy").orElse(""), path);
            String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
        }
    }

    /** The portal and API over HTTPS with the gateway's certificate (the local CA's), the session cookie Secure. */
    @Test
    void thePortalAndTheApiAnswerOverHttpsWithASecureSessionCookie() throws Exception {
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(
                TestServer.BASE_DIR.resolve("data/opencg/tls/trust.p12"))) {
            trust.load(in, "changeit".toCharArray());
        }
        javax.net.ssl.TrustManagerFactory trustManagers = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, trustManagers.getTrustManagers(), null);
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().sslContext(tls).build();
        int port = java.net.URI.create(TestServer.HTTP).getPort() - 8080 + 8443;
        HttpResponse<String> page = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "https://localhost:" + port + "/portal/login.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("OpenCG Number Management Portal"), page.body());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElse("");
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("; secure"),
                "over HTTPS the session cookie is Secure: " + cookie);
        HttpResponse<String> api = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "https://localhost:" + port + "/api/accounts?api-version=2024-02-29-preview")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, api.statusCode(), "the API is there, and wants its token: " + api.body());
        String plain = TestServer.get(TestServer.HTTP + "/portal/login.xhtml").headers().allValues("Set-Cookie")
                .stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElse("");
        assertTrue(!plain.toLowerCase(java.util.Locale.ROOT).contains("; secure"),
                "over plain HTTP (loopback) the browser could not send it back: " + plain);
    }

    /** GET with the path sent exactly as written (java.net.http would normalise nothing, but says nothing of it). */
    private static String rawGet(String path) throws Exception {
        java.net.URI base = java.net.URI.create(TestServer.HTTP);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void theRootLeadsToThePortal() throws Exception {
        HttpResponse<String> root = TestServer.get(TestServer.HTTP + "/");
        assertEquals(200, root.statusCode());
        assertTrue(root.body().contains("url=portal/"), root.body());
    }

    @Test
    void anUnknownApiPathIsAnAzureStyleNotFound() throws Exception {
        HttpResponse<String> response = TestServer.get(TestServer.HTTP + "/api/nowhere?api-version=2024-02-29-preview");
        assertEquals(404, response.statusCode());
        assertEquals("NotFound", response.headers().firstValue("x-ms-error-code").orElse(""));
        JsonObject error = TestServer.json(response.body()).getJsonObject("error");
        assertEquals("NotFound", error.getString("code"));
        assertTrue(error.getString("target").contains("nowhere"), response.body());
    }

    @Test
    void anOpenApiDocumentIsServed() throws Exception {
        HttpResponse<String> response = TestServer.get(TestServer.HTTP + "/openapi?format=JSON");
        assertEquals(200, response.statusCode());
        assertTrue(TestServer.json(response.body()).getString("openapi").startsWith("3."), response.body());
    }
}
