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

    /** SIPp processes still running; a failed test stops them so the next one finds its ports free. */
    private static final List<Process> RUNNING = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final Process process;
    private final Path log;
    private final String description;

    private Sipp(Process process, Path log, String description) {
        this.process = process;
        this.log = log;
        this.description = description;
    }

    /** Starts SIPp as a UAS on a local port, waiting for calls; returns once it listens there. */
    public static Sipp uas(String scenario, int port, int calls) throws IOException, InterruptedException {
        Sipp uas = start(scenario, List.of("-p", String.valueOf(port), "-m", String.valueOf(calls)));
        uas.awaitUdpPort(port);
        return uas;
    }

    /**
     * Waits (up to 10 s) until a UDP socket is bound to {@code port}: a call sent before SIPp has bound it is refused
     * by the kernel, and on a loaded machine SIPp's start-up is not always done in the few hundred milliseconds
     * tests used to give it. A SIPp that exits or never binds fails the test here, with its output.
     */
    private void awaitUdpPort(int port) throws IOException, InterruptedException {
        String local = String.format(":%04X ", port);
        long deadline = System.currentTimeMillis() + 10_000;
        while (process.isAlive() && System.currentTimeMillis() < deadline) {
            // /proc/net/udp: "sl local_address rem_address ...", the address as hex IP:port.
            for (String line : Files.readAllLines(Path.of("/proc/net/udp"))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 1 && (fields[1] + " ").endsWith(local)) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("SIPp never listened on UDP port " + port + "\n" + report());
    }

    /** Starts SIPp as a UAC calling {@code user} at the test server's gateway. */
    public static Sipp uac(String scenario, String user, int port, String target, String... extra) throws IOException {
        return uacTo(TestServer.SIP_PORT, scenario, user, port, target, extra);
    }

    /**
     * Starts SIPp as a UAC calling {@code user} at a gateway listening on {@code gatewayPort}; scenarios that hold
     * the call pause for {@code -d} milliseconds (200 unless given in {@code extra}).
     */
    public static Sipp uacTo(int gatewayPort, String scenario, String user, int port, String target, String... extra)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("-p", String.valueOf(port), "-m", "1", "-s", user,
                "-key", "target", target == null ? "none" : target));
        if (!List.of(extra).contains("-d")) {
            args.addAll(List.of("-d", "200"));
        }
        args.addAll(List.of(extra));
        args.add("127.0.0.1:" + gatewayPort);
        return start(scenario, args);
    }

    private static Sipp start(String scenario, List<String> args) throws IOException {
        return start(scenarioFile(scenario), scenario, List.of("-timeout", "20s", "-timeout_error"), args);
    }

    /**
     * Starts a long-running SIPp peer (no overall timeout) from a scenario with {@code @NAME@} placeholders filled
     * in, e.g. a Teams proxy or an operator SBC that answers OPTIONS and calls until {@link #stop()}.
     */
    public static Sipp peer(String scenario, java.util.Map<String, String> fill, List<String> args) throws IOException {
        java.util.Map<String, String> placeholders = new java.util.HashMap<>();
        fill.forEach((name, value) -> placeholders.put("@" + name + "@", value));
        return changed(scenario, placeholders, args);
    }

    /**
     * Starts SIPp (no overall timeout) from a scenario with some of its text replaced, e.g. an emulator's hold time
     * made longer for one test, without a copy of the file.
     */
    public static Sipp changed(String scenario, java.util.Map<String, String> replacements, List<String> args)
            throws IOException {
        String text = Files.readString(Path.of(scenarioFile(scenario)));
        for (var entry : replacements.entrySet()) {
            text = text.replace(entry.getKey(), entry.getValue());
        }
        Path filled = Files.createTempFile(scenario, ".xml");
        Files.writeString(filled, text);
        return start(filled.toString(), scenario, List.of(), args);
    }

    /** Starts SIPp with any arguments (address, transport, keys) and the test's usual tracing. */
    public static Sipp with(String scenario, List<String> args) throws IOException {
        return start(scenarioFile(scenario), scenario, List.of("-timeout", "20s", "-timeout_error"), args);
    }

    private static Sipp start(String file, String scenario, List<String> limits, List<String> args) throws IOException {
        Path dir = Files.createTempDirectory("sipp");
        List<String> command = new ArrayList<>(List.of("sipp", "-sf", file));
        if (!args.contains("-i")) {
            command.addAll(List.of("-i", "127.0.0.1"));
        }
        command.addAll(List.of("-mi", "127.0.0.1", "-recv_timeout", "10000", "-nostdin", "-trace_err", "-trace_msg"));
        command.addAll(limits);
        command.addAll(args);
        Path log = dir.resolve("sipp.out");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        RUNNING.add(process);
        process.onExit().thenRun(() -> RUNNING.remove(process));
        return new Sipp(process, log, scenario + " " + String.join(" ", args));
    }

    /** A test scenario (src/test/resources/sipp), else one of the SIP peer emulators' (emulators/sip). */
    private static String scenarioFile(String scenario) {
        File file = new File("target/test-classes/sipp/" + scenario + ".xml");
        if (!file.exists()) {
            file = Launcher.REPO.resolve("emulators/sip/" + scenario + ".xml").toFile();
        }
        if (!file.exists()) {
            throw new IllegalArgumentException("no SIPp scenario " + scenario);
        }
        return file.getAbsolutePath();
    }

    /** Stops every SIPp still running (after a test, whatever its outcome). */
    public static void stopAll() throws InterruptedException {
        for (Process process : RUNNING) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Stops this SIPp (a long-running peer). */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /**
     * The messages of the dialog whose INVITE contains {@code text} (e.g. a called number), in the order SIPp sent
     * and received them: everything with that INVITE's Call-ID. Empty when no such INVITE came.
     */
    public List<String> dialogWith(String text) throws IOException {
        List<Block> blocks = messageBlocks().toList();
        String callId = blocks.stream().map(Block::text).filter(t -> t.startsWith("INVITE ") && t.contains(text))
                .map(Sipp::callIdOf).findFirst().orElse(null);
        if (callId == null) {
            return List.of();
        }
        return blocks.stream().map(Block::text).filter(t -> callId.equals(callIdOf(t))).toList();
    }

    private static String callIdOf(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?mi)^(?:Call-ID|i):\\s*(\\S+)").matcher(message);
        return m.find() ? m.group(1) : null;
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
        return java.time.Duration.between(timeOf("INVITE "), timeOf("SIP/2.0 200")).toMillis();
    }

    /** The first message in the trace whose first line starts with {@code start}, or null. */
    public String message(String start) throws IOException {
        return messages(start).stream().findFirst().orElse(null);
    }

    /** The messages in the trace whose first line starts with {@code start}, in order. */
    public List<String> messages(String start) throws IOException {
        return messageBlocks().filter(b -> b.text().startsWith(start)).map(Block::text).toList();
    }

    /** When SIPp sent or received the first message whose first line starts with {@code start}. */
    public java.time.LocalDateTime timeOf(String start) throws IOException {
        return messageBlocks().filter(b -> b.text().startsWith(start)).map(Block::at).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + start + " in the trace"));
    }

    private record Block(java.time.LocalDateTime at, String text) {
    }

    /** The trace as messages: each is preceded by a line of dashes with its time, and a line saying what happened. */
    private java.util.stream.Stream<Block> messageBlocks() throws IOException {
        List<Block> blocks = new ArrayList<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile("(?m)^-+ (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+)[^\\n]*\\n[^\\n]*\\n\\s*\\n((?:(?!-{10,} \\d{4})[^\\n]*\\n?)*)")
                .matcher(messages());
        while (matcher.find()) {
            blocks.add(new Block(java.time.LocalDateTime.parse(matcher.group(1).replace(' ', 'T')), matcher.group(2).strip()));
        }
        return blocks.stream();
    }

    /** The status of the final response SIPp got for its first INVITE. */
    public int finalInviteStatus() throws IOException {
        for (String response : messages("SIP/2.0 ")) {
            int status = Integer.parseInt(response.substring(8, 11));
            if (status >= 200 && response.contains("CSeq: 1 INVITE")) {
                return status;
            }
        }
        throw new AssertionError("no final response to the INVITE:\n" + report());
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
