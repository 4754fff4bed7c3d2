package org.opencg.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real BIND 9 ({@code named}, Debian {@code bind9}) on loopback, authoritative for {@link #ZONE} and taking
 * RFC 2136 updates signed with the test TSIG key, the way an operator's DNS server takes OpenCG's. {@code dig} and
 * {@code nsupdate} (Debian {@code bind9-dnsutils}) look at it and tamper with it as an outsider would.
 */
final class Bind implements AutoCloseable {

    static final String ZONE = "gw.opencg.test";
    static final String KEY_NAME = "opencg-update";
    /** The same secret the test server is given (arquillian.xml). */
    static final String KEY_SECRET = "b3BlbmNnLXRlc3QtdHNpZy1rZXktMzItYnl0ZXMhIQ==";
    static final int PORT = Integer.parseInt(System.getProperty("it.dns.port", "15353"));

    private final Path dir;
    private Process named;

    private Bind(Path dir) {
        this.dir = dir;
    }

    static Bind start() throws Exception {
        Path dir = Path.of("target/bind").toAbsolutePath();
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        Files.writeString(dir.resolve("named.conf"), """
                options { directory "%1$s"; listen-on port %2$d { 127.0.0.1; }; listen-on-v6 { none; };
                  pid-file "%1$s/named.pid"; recursion no; dnssec-validation no; };
                key "%3$s" { algorithm hmac-sha256; secret "%4$s"; };
                zone "%5$s" { type master; file "%1$s/zone.db";
                  update-policy { grant %3$s subdomain %5$s. TXT; }; };
                """.formatted(dir, PORT, KEY_NAME, KEY_SECRET, ZONE));
        Files.writeString(dir.resolve("zone.db"), """
                $TTL 300
                @ IN SOA ns.%1$s. hostmaster.%1$s. 1 3600 600 86400 5
                @ IN NS ns.%1$s.
                ns IN A 127.0.0.1
                """.formatted(ZONE));
        Bind bind = new Bind(dir);
        bind.up();
        return bind;
    }

    /** Starts named (again), with the zone's journal kept, and waits until it answers. */
    void up() throws Exception {
        named = new ProcessBuilder("named", "-g", "-c", dir.resolve("named.conf").toString(), "-p",
                String.valueOf(PORT)).redirectErrorStream(true).redirectOutput(dir.resolve("named.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (dig("ns." + ZONE, "A").isEmpty()) {
            if (!named.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("named did not start: " + Files.readString(dir.resolve("named.log")));
            }
            Thread.sleep(100);
        }
    }

    /** Stops named: the DNS server is down. */
    void down() throws InterruptedException {
        named.destroy();
        named.waitFor(10, TimeUnit.SECONDS);
    }

    /** The values a name serves for a type ({@code dig +short}, quotes removed). */
    static List<String> dig(String name, String type) throws IOException, InterruptedException {
        Process dig = new ProcessBuilder("dig", "@127.0.0.1", "-p", String.valueOf(PORT), "+short", "+time=1",
                "+tries=1", name, type).redirectErrorStream(true).start();
        String out = new String(dig.getInputStream().readAllBytes());
        dig.waitFor(5, TimeUnit.SECONDS);
        List<String> values = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank() && !line.startsWith(";")) {
                values.add(line.trim().replace("\"", ""));
            }
        }
        return values;
    }

    /** Sends an RFC 2136 update with nsupdate and the TSIG key, as someone tampering with the zone would. */
    static void nsupdate(String... commands) throws IOException, InterruptedException {
        Process update = new ProcessBuilder("nsupdate", "-y", "hmac-sha256:" + KEY_NAME + ":" + KEY_SECRET)
                .redirectErrorStream(true).start();
        String script = "server 127.0.0.1 " + PORT + "\nzone " + ZONE + "\n" + String.join("\n", commands) + "\nsend\n";
        update.getOutputStream().write(script.getBytes());
        update.getOutputStream().close();
        String out = new String(update.getInputStream().readAllBytes());
        if (!update.waitFor(10, TimeUnit.SECONDS) || update.exitValue() != 0) {
            throw new IllegalStateException("nsupdate failed: " + out);
        }
    }

    @Override
    public void close() throws InterruptedException {
        down();
    }
}
