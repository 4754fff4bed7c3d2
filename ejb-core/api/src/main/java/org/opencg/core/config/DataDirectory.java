package org.opencg.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the gateway keeps files of its own (the first admin's password, generated keys). Defaults to
 * {@code opencg/} inside WildFly's data directory; the launcher sets it to {@code var/data}.
 */
@ApplicationScoped
public class DataDirectory {

    public static final String SETTING = "opencg.data.dir";

    @Inject
    @ConfigProperty(name = SETTING)
    Optional<String> configured;

    public Path path() {
        Path dir = Path.of(configured.orElseGet(() -> System.getProperty("jboss.server.data.dir") + "/opencg"));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StartupFailure(SETTING, "cannot create " + dir + " (" + e.getMessage() + ")", e);
        }
    }
}
