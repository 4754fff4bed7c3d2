package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cross-site request forgery against the portal, sent as a forger's page would make a signed-in browser send it:
 * a change from another site's page is refused, a change without the page's own view state does nothing, and the
 * session cookie is kept from other sites and from scripts. The same request from the portal's own page (the
 * control) does make the change, so each refusal is the defence's.
 */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalForgeryIT {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    /** A browser's session with the portal: its cookies, its pages. */
    private static final class Session {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(TestServer.HTTP + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String origin, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestServer.HTTP + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (origin != null) {
                request.header("Origin", origin);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String viewState(HttpResponse<String> page) {
        Matcher m = VIEW_STATE.matcher(page.body());
        assertTrue(m.find(), "the page has a view state: " + page.body());
        return m.group(1);
    }

    /** Signs in through the sign-in form; returns the sign-in answer. */
    private static HttpResponse<String> signIn(Session browser) throws Exception {
        String[] admin = Files.readString(TestServer.BASE_DIR.resolve("data/opencg/first-admin-password")).trim()
                .split(":");
        String state = viewState(browser.get("/portal/login.xhtml"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("signIn", "signIn");
        form.put("signIn:username", admin[0]);
        form.put("signIn:password", admin[1]);
        form.put("signIn:signInButton", "");
        form.put("jakarta.faces.ViewState", state);
        HttpResponse<String> answer = browser.post("/portal/login.xhtml", TestServer.HTTP, form);
        assertEquals(302, answer.statusCode(), "signed in: " + answer.body());
        return answer;
    }

    private static Map<String, String> newAccount(String name, String viewState) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("accountForm", "accountForm");
        form.put("accountForm:name", name);
        form.put("accountForm:save", "");
        form.put("jakarta.faces.ViewState", viewState);
        return form;
    }

    private static int account(String name) throws Exception {
        return ProvisioningApi.get("/accounts/" + name).statusCode();
    }

    @Test
    void aChangeForgedByAnotherSiteIsRefusedAndTheSameChangeFromThePortalIsMade() throws Exception {
        Session browser = new Session();
        String cookie = signIn(browser).headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElse("");
        assertTrue(cookie.contains("SameSite=Strict"), "other sites' requests do not carry the session: " + cookie);
        assertTrue(cookie.contains("HttpOnly"), "scripts cannot read it: " + cookie);
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        String state = viewState(browser.get("/portal/accounts.xhtml"));

        HttpResponse<String> crossSite = browser.post("/portal/accounts.xhtml", "http://evil.example",
                newAccount("forged-origin-" + suffix, state));
        assertEquals(403, crossSite.statusCode(), crossSite.body());
        assertTrue(crossSite.body().contains("not sent from a page of this portal"), crossSite.body());
        assertEquals(404, account("forged-origin-" + suffix), "nothing was made");

        HttpResponse<String> noOrigin = browser.post("/portal/accounts.xhtml", null,
                newAccount("forged-blind-" + suffix, state));
        assertEquals(403, noOrigin.statusCode(), "a change that names no origin is refused: " + noOrigin.body());
        assertEquals(404, account("forged-blind-" + suffix));

        browser.post("/portal/accounts.xhtml", TestServer.HTTP, newAccount("forged-state-" + suffix,
                "-1234567890123456789:9876543210987654321"));
        assertEquals(404, account("forged-state-" + suffix), "a view state the forger made up does nothing");

        HttpResponse<String> own = browser.post("/portal/accounts.xhtml", TestServer.HTTP,
                newAccount("own-page-" + suffix, state));
        assertEquals(200, own.statusCode(), own.body());
        assertTrue(own.body().contains("Account own-page-" + suffix + " created."), own.body());
        assertEquals(200, account("own-page-" + suffix), "the portal's own page makes the change");
    }

    @Test
    void aForgedSignInIsRefused() throws Exception {
        Session browser = new Session();
        String state = viewState(browser.get("/portal/login.xhtml"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("signIn", "signIn");
        form.put("signIn:username", "someone");
        form.put("signIn:password", "something");
        form.put("signIn:signInButton", "");
        form.put("jakarta.faces.ViewState", state);
        assertEquals(403, browser.post("/portal/login.xhtml", "http://evil.example", form).statusCode(),
                "another site cannot sign the browser in as its own user");
    }
}
