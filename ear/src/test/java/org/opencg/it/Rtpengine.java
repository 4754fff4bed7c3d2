package org.opencg.it;

import java.io.File;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real rtpengine (Debian rtpengine-daemon) in userspace on loopback, started once for the whole test run at
 * the ng address the test server is configured with. Tests may stop and start it to see readiness follow.
 */
public final class Rtpengine implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    private static final String NG = System.getProperty("it.rtpengine.ng", "127.0.0.1:12223");
    /** Where it reports DTMF events: the port after the ng port, where the gateway listens by default. */
    private static final String DTMF_EVENTS = NG.substring(0, NG.lastIndexOf(':') + 1)
            + (Integer.parseInt(NG.substring(NG.lastIndexOf(':') + 1)) + 1);
    private static Process process;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        // The root store closes this resource once, after the last test class.
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Rtpengine.class, k -> this, Rtpengine.class);
        start();
    }

    public static synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        File log = new File(System.getProperty("java.io.tmpdir"), "opencg-it-rtpengine.log");
        process = new ProcessBuilder(List.of("rtpengine", "--config-file=none", "--foreground", "--table=-1",
                "--interface=127.0.0.1", "--listen-ng=" + NG, "--port-min=41000", "--port-max=41999",
                "--dtmf-log-dest=" + DTMF_EVENTS,
                // As ./opencg run starts it: gaps in transcoded audio filled with comfort noise (60 ms, -60 dBov).
                "--dtx-delay=60", "--dtx-cn-params=60",
                "--log-stderr", "--log-level=5"))
                .redirectErrorStream(true).redirectOutput(log).start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!answersPing()) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("rtpengine did not start on " + NG + "; see " + log);
            }
            Thread.sleep(100);
        }
    }

    public static synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }

    static boolean answersPing() {
        int colon = NG.lastIndexOf(':');
        InetSocketAddress address = new InetSocketAddress(NG.substring(0, colon), Integer.parseInt(NG.substring(colon + 1)));
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(300);
            byte[] ping = "t1 d7:command4:pinge".getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(ping, ping.length, address));
            byte[] buffer = new byte[256];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            socket.receive(reply);
            return new String(buffer, 0, reply.getLength(), StandardCharsets.US_ASCII).contains("pong");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
