package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A password guesser at the sign-in form, from an address of its own (127.0.0.3): after five wrong passwords for a
 * name that name is refused from there, even with the right password, without a password check; the administrator
 * still signs in from elsewhere.
 */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalSignInIT {

    private static final String GUESSER = "127.0.0.3";
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("(?im)^Set-Cookie: (JSESSIONID=[^;\r\n]+)");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    @Test
    void aGuesserIsStoppedAfterFiveWrongPasswordsWhileTheAdministratorSignsInFromElsewhere() throws Exception {
        String[] admin = Files.readString(TestServer.BASE_DIR.resolve("data/opencg/first-admin-password")).trim()
                .split(":");
        for (int i = 0; i < 5; i++) {
            String answer = signIn(GUESSER, admin[0], "wrong-guess-" + i);
            assertTrue(answer.contains("Wrong user name or password."), answer);
        }
        String locked = signIn(GUESSER, admin[0], admin[1]);
        assertTrue(locked.contains("Too many failed sign-ins"), "the right password while locked: " + locked);
        assertTrue(!locked.startsWith("HTTP/1.1 302"), locked);
        String elsewhere = signIn("127.0.0.1", admin[0], admin[1]);
        assertTrue(elsewhere.startsWith("HTTP/1.1 302"), "the administrator from another address: " + elsewhere);
    }

    /** Opens the sign-in page and posts its form from {@code from}; returns the raw answer to the post. */
    private static String signIn(String from, String name, String password) throws Exception {
        String page = exchange(from, "GET /portal/login.xhtml HTTP/1.1\r\nHost: " + host() + "\r\n"
                + "Connection: close\r\n\r\n");
        Matcher cookie = COOKIE.matcher(page);
        Matcher state = VIEW_STATE.matcher(page);
        assertTrue(cookie.find() && state.find(), page);
        String form = "signIn=signIn&signIn%3Ausername=" + encode(name) + "&signIn%3Apassword=" + encode(password)
                + "&signIn%3AsignInButton=&jakarta.faces.ViewState=" + encode(state.group(1));
        return exchange(from, "POST /portal/login.xhtml HTTP/1.1\r\nHost: " + host() + "\r\nOrigin: "
                + TestServer.HTTP + "\r\nCookie: " + cookie.group(1) + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n"
                + "Connection: close\r\n\r\n" + form);
    }

    private static String host() {
        URI base = URI.create(TestServer.HTTP);
        return base.getHost() + ":" + base.getPort();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String exchange(String from, String request) throws Exception {
        URI base = URI.create(TestServer.HTTP);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
