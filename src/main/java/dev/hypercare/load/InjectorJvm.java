package dev.hypercare.load;

import dev.hypercare.profile.TrafficProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * JVM options of the forked Gatling injector. The heap is sized from the profile's socket count
 * (about 100 KiB per long-lived WebSocket session, measured in bench/) and fixed (Xms = Xmx) so the
 * injector never pauses to grow it mid-run; GC and JIT flags are the ones bench/ measured best.
 */
public final class InjectorJvm {
    static final long BASE_HEAP_MIB = 1024;
    static final long HEAP_KIB_PER_SOCKET = 100;

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
                "-Djava.util.prefs.PreferencesFactory=" + OfflinePreferencesFactory.class.getName()));
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
