package dev.hypercare.cli;

import dev.hypercare.BuildInfo;
import picocli.CommandLine;

/** --version: Hypercare, the Gatling it forks, and the JVM. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        BuildInfo build = BuildInfo.current();
        return new String[] {
            "hypercare " + build.hypercareVersion(), "gatling " + build.gatlingVersion(), "java " + build.javaVersion()
        };
    }
}
