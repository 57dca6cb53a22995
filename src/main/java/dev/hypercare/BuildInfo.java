package dev.hypercare;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions fixed at build time (Maven filters build-info.properties), for --version and run.json. */
public record BuildInfo(String hypercareVersion, String gatlingVersion, String javaVersion) {

    public static BuildInfo current() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/build-info.properties")) {
            if (in == null) {
                throw new IllegalStateException("build-info.properties is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(
                properties.getProperty("hypercare.version"),
                properties.getProperty("gatling.version"),
                Runtime.version().toString());
    }
}
