package dev.hypercare.load;

import dev.hypercare.profile.TrafficProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * JVM options of the forked Gatling injector. The heap is fixed (Xms = Xmx) so the injector never
 * pauses to grow it mid-run, and sized from the profile's socket count. Measured in bench/ (RESULTS.md,
 * 2026-11-22, 2 cores): the live heap after a full GC is about 6 KiB per long-lived WebSocket session
 * (126 MiB at 19,000 sockets), so 32 KiB per socket leaves the collector five times the live set.
 * GC: ParallelGC and G1 were within noise on epoll (1.04x vs 1.07x the bare Gatling peer); with
 * io_uring (gatling.conf) ParallelGC did better (2.4x vs 1.8x bare, one 30 s run each), so it stays.
 * A 4 GiB heap did not help HTTP throughput (0.99x bare). The JIT flags are Gatling's own defaults.
 */
public final class InjectorJvm {
    static final long BASE_HEAP_MIB = 1024;
    static final long HEAP_KIB_PER_SOCKET = 32;

    private InjectorJvm() {}

    public static long heapMib(TrafficProfile profile, long physicalMemoryMib) {
        long wanted = BASE_HEAP_MIB + profile.websocket().connections() * HEAP_KIB_PER_SOCKET / 1024;
        long ceiling = Math.max(BASE_HEAP_MIB, physicalMemoryMib / 2);
        return Math.min(wanted, ceiling);
    }

    public static List<String> options(TrafficProfile profile, long physicalMemoryMib, int javaFeatureVersion, java.nio.file.Path dumpDir) {
        long heap = heapMib(profile, physicalMemoryMib);
        List<String> options = new ArrayList<>(List.of(
                "-server",
                "-Xms" + heap + "m",
                "-Xmx" + heap + "m",
                "-XX:+UseParallelGC",
                "-XX:+AlwaysPreTouch",
                "-XX:MaxInlineLevel=20",
                "-XX:MaxTrivialSize=12",
                "-XX:+HeapDumpOnOutOfMemoryError",
                "-XX:HeapDumpPath=" + dumpDir,
                "-Xss2m",
                // Gatling's log writer interns strings through java.lang internals.
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Djava.util.prefs.PreferencesFactory=" + OfflinePreferencesFactory.class.getName(),
                // The profile's timeouts, as Gatling settings (system properties override gatling.conf).
                "-Dgatling.http.requestTimeout=" + profile.http().requestTimeout().toMillis(),
                "-Dgatling.socket.connectTimeout=" + profile.websocket().connectTimeout().toMillis()));
        // Netty loads its epoll transport through JNI and uses Unsafe: allow both quietly on newer JDKs.
        if (javaFeatureVersion >= 22) {
            options.add("--enable-native-access=ALL-UNNAMED");
        }
        if (javaFeatureVersion >= 23) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }
}
