package org.opencg.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ./opencg} as a person would, in its own home directory and with its own settings, so that a test's
 * gateway neither disturbs nor is disturbed by another one on this machine.
 */
final class Launcher {

    static final Path REPO = Path.of(System.getProperty("opencg.repo", "..")).toAbsolutePath().normalize();

    record Result(int exit, String out, String err) {
    }

    private final Path home;
    private final Map<String, String> environment;
    private final String rtpengineNg;
    private final String ocEmulatorPort;

    /** A gateway at {@code home} with the given OPENCG_* settings (OPENCG_RTPENGINE_NG_ADDRESS among them). */
    Launcher(Path home, Map<String, String> settings) {
        this.home = home;
        this.environment = new HashMap<>(settings);
        this.environment.put("OPENCG_HOME", home.toString());
        this.environment.put("OPENCG_SKIP_BUILD", "1");
        this.rtpengineNg = settings.get("OPENCG_RTPENGINE_NG_ADDRESS");
        this.ocEmulatorPort = settings.get("OPENCG_OC_EMULATOR_PORT");
    }

    Path home() {
        return home;
    }

    /** A launcher command started in the background, with where its output goes. */
    record Running(Process process, Path out, Path err, String command) {

        /** Waits for the command's end (at most 300 s). */
        Result await() throws IOException, InterruptedException {
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("./opencg " + command + " did not return within 300 s");
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        }
    }

    /** Starts {@code ./opencg args...} with extra settings and returns at once. */
    Running start(Map<String, String> extra, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(REPO.resolve("opencg").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile());
        builder.environment().putAll(environment);
        builder.environment().putAll(extra);
        Path out = Files.createTempFile("opencg", ".out");
        Path err = Files.createTempFile("opencg", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Running(process, out, err, String.join(" ", args));
    }

    /** Runs {@code ./opencg args...} to its end. */
    Result run(Map<String, String> extra, String... args) throws IOException, InterruptedException {
        return start(extra, args).await();
    }

    Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    /** Processes this gateway would leave behind: anything naming its home directory or its rtpengine. */
    List<String> leftovers() {
        return ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(home.toString()) || rtpengineNg != null && c.contains("--listen-ng=" + rtpengineNg)
                        || ocEmulatorPort != null && c.contains("oc-emulator") && c.endsWith("--port " + ocEmulatorPort))
                .toList();
    }
}
