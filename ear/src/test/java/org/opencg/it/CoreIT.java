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

    @Test
    void theServerLogSaysTheSchemaWasMigrated() throws Exception {
        String log = Files.readString(TestServer.BASE_DIR.resolve("log/server.log"));
        String version = TestServer.latestSchemaVersion();
        assertTrue(log.contains("now at version v" + version) || log.contains("is up to date. No migration necessary"),
                "the server log does not say the schema reached version " + version);
    }
}
