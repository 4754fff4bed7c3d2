package org.opencg.core.users;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.EnumSet;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencg.core.config.DataDirectory;
import org.opencg.core.config.StartupFailure;

/**
 * On the very first start, when nobody can sign in yet, creates one administrator with a random password and
 * writes that password to a file only the server's user can read, for {@code ./opencg run} to print. On later
 * starts the users table is not empty and nothing happens, so a restart never resets a password.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstAdmin {

    /** File name, inside the data directory, of the first administrator's initial password. */
    public static final String PASSWORD_FILE = "first-admin-password";

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @PersistenceContext(unitName = "opencg")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "opencg.portal.first-admin", defaultValue = "admin")
    String username;

    @Inject
    DataDirectory dataDirectory;

    @PostConstruct
    void createIfNobodyCanSignIn() {
        long users = em.createNamedQuery("PortalUser.count", Long.class).getSingleResult();
        if (users > 0) {
            return;
        }
        String password = PasswordHash.randomPassword(20);
        Path file = dataDirectory.path().resolve(PASSWORD_FILE);
        writeOwnerOnly(file, username + ":" + password + "\n");
        em.persist(new PortalUser(username, PasswordHash.hash(password.toCharArray()),
                EnumSet.allOf(PortalRole.class), Instant.now()));
        LOG.info("Created the first portal administrator '" + username + "'; initial password in " + file);
    }

    private static void writeOwnerOnly(Path file, String content) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new StartupFailure(DataDirectory.SETTING, "cannot write " + file + " (" + e.getMessage() + ")", e);
        }
    }
}
