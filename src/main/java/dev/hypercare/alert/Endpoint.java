package dev.hypercare.alert;

import dev.hypercare.BadInputException;
import dev.hypercare.probe.EnvTemplate;
import dev.hypercare.probe.SecretHeaders;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a channel posts, with its templates filled from the environment. Everything in it is secret, so
 * {@link #toString()} shows none of it, and it carries the {@link Redactor} for text that might echo it.
 */
record Endpoint(URI uri, Map<String, String> headers, Redactor redactor) {
    /** Path segments and query values this long look like tokens (Slack's webhook path is one). */
    private static final int TOKEN_LIKE_CHARS = 8;

    Endpoint {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * Fills {@code url} and {@code headers} from {@code env}; {@code secrets} are further values (a routing
     * key) to keep out of messages. Fails with one line naming {@code label}, never a value.
     */
    static Endpoint resolve(String label, EnvTemplate url, SecretHeaders headers, List<String> secrets,
            Map<String, String> env) {
        String resolvedUrl;
        Map<String, String> resolvedHeaders;
        try {
            resolvedUrl = url.resolve(env);
            resolvedHeaders = headers.resolve(env);
        } catch (IllegalStateException e) {
            throw new BadInputException(label + ": " + e.getMessage()); // names the variable, not a value
        }
        URI uri = parseHttpUrl(label, resolvedUrl);
        resolvedHeaders.forEach((name, value) -> checkHeader(label, name, value));
        List<String> hidden = new ArrayList<>(secrets);
        hidden.add(resolvedUrl);
        hidden.addAll(resolvedHeaders.values());
        url.variables().forEach(v -> hidden.add(env.get(v)));
        headers.variables().forEach(v -> hidden.add(env.get(v)));
        hidden.addAll(urlParts(uri));
        return new Endpoint(uri, resolvedHeaders, new Redactor(hidden));
    }

    Endpoint withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Endpoint(uri, more, redactor);
    }

    private static URI parseHttpUrl(String label, String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new BadInputException(label + ": url: expected an absolute http or https URL, found one that does not parse");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new BadInputException(label + ": url: expected an absolute http or https URL with a host, found "
                    + (scheme.isEmpty() ? "no scheme" : "scheme '" + scheme + "'") + (uri.getHost() == null ? " and no host" : ""));
        }
        return uri;
    }

    private static void checkHeader(String label, String name, String value) {
        try {
            java.net.http.HttpRequest.newBuilder().setHeader(name, value);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(label + ": header '" + name
                    + "': expected a name and value the HTTP client may send, found a restricted name or an invalid value");
        }
    }

    /** The parts of a URL that may carry a token on their own: path, query, user info, long segments and values. */
    private static List<String> urlParts(URI uri) {
        List<String> parts = new ArrayList<>();
        for (String raw : new String[] {uri.getRawPath(), uri.getPath(), uri.getRawQuery(), uri.getQuery(),
                uri.getRawUserInfo(), uri.getUserInfo()}) {
            if (raw != null && !raw.equals("/")) {
                parts.add(raw);
            }
        }
        if (uri.getPath() != null) {
            for (String segment : uri.getPath().split("/")) {
                if (segment.length() >= TOKEN_LIKE_CHARS) {
                    parts.add(segment);
                }
            }
        }
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.length() >= TOKEN_LIKE_CHARS) {
                    parts.add(value);
                }
            }
        }
        return parts;
    }

    @Override
    public String toString() {
        return "Endpoint[" + Redactor.REDACTED + "]";
    }
}
