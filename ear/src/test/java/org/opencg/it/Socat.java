package org.opencg.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A TLS end in front of a SIPp over TCP (Debian's SIPp is built without TLS): socat (Debian {@code socat}) takes
 * TLS connections and hands each to SIPp as a TCP connection ({@link #server}), or takes SIPp's TCP connection and
 * makes a TLS one to the gateway ({@link #client}). What the gateway sends and receives is SIP over TLS, with the
 * peer's certificate from the local CA.
 */
final class Socat implements AutoCloseable {

    private final Process process;

    private Socat(List<String> command) throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** TLS on 127.0.0.1:{@code tlsPort} to a SIPp listening on TCP 127.0.0.1:{@code sippPort}. */
    static Socat server(int tlsPort, int sippPort, Path certificate) throws IOException {
        return server("127.0.0.1", tlsPort, sippPort, certificate);
    }

    /** TLS on {@code address}:{@code tlsPort} to a SIPp listening on TCP 127.0.0.1:{@code sippPort}. */
    static Socat server(String address, int tlsPort, int sippPort, Path certificate) throws IOException {
        return new Socat(List.of("socat", "OPENSSL-LISTEN:" + tlsPort + ",bind=" + address + ",reuseaddr,fork,cert="
                + certificate + ",verify=0,nodelay", "TCP:127.0.0.1:" + sippPort + ",nodelay"));
    }

    /** TCP on 127.0.0.1:{@code tcpPort} (where SIPp connects) to the gateway's TLS port, with a client certificate. */
    static Socat client(int tcpPort, int gatewayPort, Path certificate) throws IOException {
        return client("127.0.0.1", tcpPort, gatewayPort, certificate);
    }

    /** The same, connecting to the gateway from the local address {@code from}. */
    static Socat client(String from, int tcpPort, int gatewayPort, Path certificate) throws IOException {
        return new Socat(List.of("socat", "TCP-LISTEN:" + tcpPort + ",bind=127.0.0.1,reuseaddr,fork,nodelay",
                "OPENSSL:127.0.0.1:" + gatewayPort + ",bind=" + from + ",cert=" + certificate + ",verify=0,nodelay"));
    }

    /**
     * The local CA's certificate for an emulated peer ({@code make-peer-certificate.sh}), made once: for {@code name},
     * localhost, 127.0.0.1 and the further addresses the peer listens on. Beside it, {@code name.p12}.
     */
    static Path certificate(String name, String... addresses) throws IOException, InterruptedException {
        Path tls = TestServer.BASE_DIR.resolve("data/opencg/tls").toAbsolutePath();
        List<String> command = new java.util.ArrayList<>(List.of("bash",
                Launcher.REPO.resolve("wildfly-config/src/main/scripts/make-peer-certificate.sh").toString(),
                tls.toString(), name, "changeit"));
        command.addAll(List.of(addresses));
        Process make = new ProcessBuilder(command).inheritIO().start();
        if (!make.waitFor(60, TimeUnit.SECONDS) || make.exitValue() != 0) {
            throw new IOException("no certificate for " + name);
        }
        return tls.resolve(name + ".pem");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
