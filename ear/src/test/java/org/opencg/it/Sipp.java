package org.opencg.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SIPp (Debian sip-tester) as a real SIP peer: one scenario from src/test/resources/sipp, a bounded number of
 * calls, on loopback. Exit code 0 means every call followed the scenario.
 */
public final class Sipp {

    private final Process process;
    private final Path log;
    private final String description;

    private Sipp(Process process, Path log, String description) {
        this.process = process;
        this.log = log;
        this.description = description;
    }

    /** Starts SIPp as a UAS on a local port, waiting for calls. */
    public static Sipp uas(String scenario, int port, int calls) throws IOException {
        return start(scenario, List.of("-p", String.valueOf(port), "-m", String.valueOf(calls)));
    }

    /** Starts SIPp as a UAC calling {@code user} at the gateway. */
    public static Sipp uac(String scenario, String user, int port, String target, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("-p", String.valueOf(port), "-m", "1", "-s", user,
                "-key", "target", target == null ? "none" : target,
                "127.0.0.1:" + TestServer.SIP_PORT));
        args.addAll(List.of(extra));
        return start(scenario, args);
    }

    private static Sipp start(String scenario, List<String> args) throws IOException {
        Path dir = Files.createTempDirectory("sipp");
        List<String> command = new ArrayList<>(List.of("sipp", "-sf", scenarioFile(scenario), "-i", "127.0.0.1",
                "-mi", "127.0.0.1", "-timeout", "20s", "-timeout_error", "-recv_timeout", "10000", "-nostdin",
                "-trace_err", "-trace_msg"));
        command.addAll(args);
        Path log = dir.resolve("sipp.out");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new Sipp(process, log, scenario + " " + String.join(" ", args));
    }

    private static String scenarioFile(String scenario) {
        File file = new File("target/test-classes/sipp/" + scenario + ".xml");
        if (!file.exists()) {
            throw new IllegalArgumentException("no SIPp scenario " + file);
        }
        return file.getAbsolutePath();
    }

    /** Waits for SIPp to end and returns its exit code (0: all calls successful). */
    public int await() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /** What SIPp wrote: its errors and the messages of the call, for the assertion message. */
    public String report() {
        StringBuilder out = new StringBuilder(description).append('\n');
        try (var files = Files.list(log.getParent())) {
            for (Path file : files.toList()) {
                if (file.toString().endsWith(".log") || file.equals(log)) {
                    String text = Files.readString(file);
                    out.append("== ").append(file.getFileName()).append('\n')
                            .append(text.length() > 6000 ? text.substring(text.length() - 6000) : text);
                }
            }
        } catch (IOException e) {
            out.append(e);
        }
        return out.toString();
    }

    /**
     * Milliseconds from the first INVITE SIPp sent to the first 200 for it, by the timestamps of SIPp's own
     * message trace (each message is preceded by a line of dashes and the time it was sent or received).
     */
    public long millisFromInviteTo200() throws IOException {
        java.time.LocalDateTime sent = null;
        java.util.regex.Matcher blocks = java.util.regex.Pattern
                .compile("(?m)^-+ (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+)\\s*\\n[^\\n]*\\n\\s*\\n([^\\n]*)")
                .matcher(messages());
        while (blocks.find()) {
            java.time.LocalDateTime at = java.time.LocalDateTime.parse(blocks.group(1).replace(' ', 'T'));
            String firstLine = blocks.group(2);
            if (sent == null && firstLine.startsWith("INVITE ")) {
                sent = at;
            } else if (sent != null && firstLine.startsWith("SIP/2.0 200")) {
                return java.time.Duration.between(sent, at).toMillis();
            }
        }
        throw new IllegalStateException("no INVITE answered 200 in the trace:\n" + messages());
    }

    /** The SIP messages SIPp exchanged (its -trace_msg file). */
    public String messages() throws IOException {
        try (var files = Files.list(log.getParent())) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().endsWith("_messages.log")) {
                    return Files.readString(file);
                }
            }
        }
        return "";
    }
}
