package org.opencg.core.config;

import java.util.logging.Logger;

/**
 * A start-up problem an operator can fix, named by the setting that causes it. The one line it logs is what
 * {@code ./opencg run} shows when start-up fails, so it must make sense on its own.
 */
public class StartupFailure extends IllegalStateException {

    /** Marks the line in the server log; the launcher looks for it. */
    public static final String MARKER = "OpenCG cannot start:";

    private static final Logger LOG = Logger.getLogger(StartupFailure.class.getName());

    public StartupFailure(String setting, String problem, Throwable cause) {
        super(setting + ": " + problem, cause);
        LOG.severe(MARKER + " " + getMessage());
    }
}
