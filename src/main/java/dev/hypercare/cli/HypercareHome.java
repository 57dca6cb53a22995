package dev.hypercare.cli;

import java.nio.file.Path;

/**
 * The project directory holding profiles/ and reports/: {@code -Dhypercare.home}, else
 * {@code $HYPERCARE_HOME} (the ./hypercare launcher sets it), else the working directory.
 */
final class HypercareHome {
    private HypercareHome() {}

    static Path get() {
        String fromProperty = System.getProperty("hypercare.home");
        if (fromProperty != null && !fromProperty.isBlank()) {
            return Path.of(fromProperty);
        }
        String fromEnv = System.getenv("HYPERCARE_HOME");
        return Path.of(fromEnv != null && !fromEnv.isBlank() ? fromEnv : ".");
    }
}
