package dev.hypercare.load;

import dev.hypercare.BadInputException;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Load goes to loopback, to hosts the profile lists in {@code allowedTargets}, or to a host named on
 * the command line with {@code --allow-target}; nothing else. Names are compared as written: only the
 * literal name {@code localhost} and loopback addresses count as loopback, so a DNS record cannot widen
 * the list.
 */
public final class TargetSafety {
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private TargetSafety() {}

    /** {@code source} names where the URL came from (a flag, a property, a profile field) for the message. */
    public static void check(String source, URI target, Collection<String> allowedByProfile, Collection<String> allowedByFlag, String profileName) {
        String host = host(target);
        if (isLoopback(host) || contains(allowedByProfile, host) || contains(allowedByFlag, host)) {
            return;
        }
        throw new BadInputException(source + ": host '" + host + "' is neither loopback nor in profile '" + profileName
                + "' allowedTargets; add it there or pass --allow-target " + host + " if you mean to load it");
    }

    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || h.equals("[::1]") || LOOPBACK_V4.matcher(h).matches();
    }

    private static String host(URI target) {
        return target.getHost() == null ? String.valueOf(target) : target.getHost();
    }

    private static boolean contains(Collection<String> hosts, String host) {
        return hosts.stream().anyMatch(h -> h.equalsIgnoreCase(host));
    }
}
