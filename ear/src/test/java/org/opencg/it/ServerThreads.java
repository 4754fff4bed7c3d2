package org.opencg.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The live threads of the test server's JVM, as the kernel counts them (Linux: /proc/PID/status). */
final class ServerThreads {

    private ServerThreads() {
    }

    static long count() throws IOException {
        String base = TestServer.BASE_DIR.toAbsolutePath().toString();
        ProcessHandle server = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("-Djboss.server.base.dir=" + base)).orElse(false))
                .findFirst().orElseThrow(() -> new IOException("no server process with base directory " + base));
        for (String line : Files.readAllLines(Path.of("/proc/" + server.pid() + "/status"))) {
            if (line.startsWith("Threads:")) {
                return Long.parseLong(line.substring(8).trim());
            }
        }
        throw new IOException("no thread count for process " + server.pid());
    }
}
