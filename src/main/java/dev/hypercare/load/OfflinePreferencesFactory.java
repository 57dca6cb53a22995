package dev.hypercare.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.prefs.AbstractPreferences;
import java.util.prefs.Preferences;
import java.util.prefs.PreferencesFactory;

/**
 * Java preferences for the forked Gatling JVM, in memory only. Gatling asks Maven Central for its
 * latest release at every start and has no setting to stop it; it skips the call while the time of its
 * last check (kept in these preferences) is recent. This store says "checked, nothing found" with a
 * check time in the future, so a run connects to the target and nothing else, and writes nothing to
 * the user's home.
 */
public final class OfflinePreferencesFactory implements PreferencesFactory {
    static final String GATLING_VERSION_NODE = "/io/gatling/latestVersion";
    private static final Preferences ROOT = new MemoryPreferences(null, "");

    static {
        Preferences check = ROOT.node(GATLING_VERSION_NODE);
        check.putLong("lastCheckTimestamp", Long.MAX_VALUE / 2);
        check.putBoolean("lastCheckSuccess", false);
    }

    @Override
    public Preferences systemRoot() {
        return ROOT;
    }

    @Override
    public Preferences userRoot() {
        return ROOT;
    }

    private static final class MemoryPreferences extends AbstractPreferences {
        private final Map<String, String> values = new ConcurrentHashMap<>();
        private final Map<String, MemoryPreferences> children = new ConcurrentHashMap<>();

        MemoryPreferences(MemoryPreferences parent, String name) {
            super(parent, name);
        }

        @Override
        protected void putSpi(String key, String value) {
            values.put(key, value);
        }

        @Override
        protected String getSpi(String key) {
            return values.get(key);
        }

        @Override
        protected void removeSpi(String key) {
            values.remove(key);
        }

        @Override
        protected void removeNodeSpi() {
            ((MemoryPreferences) parent()).children.remove(name());
        }

        @Override
        protected String[] keysSpi() {
            return values.keySet().toArray(String[]::new);
        }

        @Override
        protected String[] childrenNamesSpi() {
            return children.keySet().toArray(String[]::new);
        }

        @Override
        protected AbstractPreferences childSpi(String name) {
            return children.computeIfAbsent(name, n -> new MemoryPreferences(this, n));
        }

        @Override
        protected void syncSpi() {}

        @Override
        protected void flushSpi() {}
    }
}
