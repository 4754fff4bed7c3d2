package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ejb-core on the deployed EAR: the schema is migrated and the first administrator exists. */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CoreIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    @Test
    void theFirstAdministratorsPasswordIsReadableOnlyByTheServersUser() throws Exception {
        Path file = TestServer.BASE_DIR.resolve("data/opencg/first-admin-password");
        assertTrue(Files.exists(file), file + " was not written");
        String line = Files.readString(file).trim();
        assertTrue(line.matches("admin:[A-Za-z0-9]{20}"), line);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
    }

    @Test
    void theDatabaseIsAFileInTheDataDirectorySoItOutlivesTheProcess() {
        Path database = TestServer.BASE_DIR.resolve("data/opencg/opencg.mv.db");
        assertTrue(Files.exists(database), database + " does not exist");
    }

    /** Emulators of Microsoft's cloud are for tests and the demo: nothing of them may ship in the EAR. */
    @Test
    void theEarHoldsNoEmulator() throws Exception {
        java.util.List<String> found = new java.util.ArrayList<>();
        try (var ear = new java.util.zip.ZipFile(System.getProperty("opencg.ear", "target/opencg.ear"))) {
            for (var entry : java.util.Collections.list(ear.entries())) {
                found.add(entry.getName());
                if (entry.getName().endsWith(".jar") || entry.getName().endsWith(".war")) {
                    try (var nested = new java.util.zip.ZipInputStream(ear.getInputStream(entry))) {
                        for (var inner = nested.getNextEntry(); inner != null; inner = nested.getNextEntry()) {
                            found.add(entry.getName() + "!" + inner.getName());
                        }
                    }
                }
            }
        }
        assertTrue(found.size() > 100, "the EAR was read: " + found.size() + " entries");
        assertTrue(found.stream().anyMatch(n -> n.contains("org/opencg/core/sync/HttpOperatorConnectClient")),
                "the real client ships");
        assertEquals(java.util.List.of(), found.stream().filter(n -> n.toLowerCase().contains("emulator")).toList());
    }

    @Test
    void theServerLogSaysTheSchemaWasMigrated() throws Exception {
        String log = Files.readString(TestServer.BASE_DIR.resolve("log/server.log"));
        String version = TestServer.latestSchemaVersion();
        assertTrue(log.contains("now at version v" + version) || log.contains("is up to date. No migration necessary"),
                "the server log does not say the schema reached version " + version);
    }
}
