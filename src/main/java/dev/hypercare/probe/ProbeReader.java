package dev.hypercare.probe;

import dev.hypercare.alert.ChannelSpec;
import dev.hypercare.incident.Severity;

import dev.hypercare.BadInputException;
import dev.hypercare.DurationText;
import dev.hypercare.yaml.FieldLocator;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of probes.yaml beyond its types. The first broken rule is the one-line error; {@code at}
 * names the file and line and what was written there, except for header values, which are never shown.
 */
final class ProbeReader {
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    static final String DEFAULT_LOCATION = "local";
    static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    static final long MAX_BODY_BYTES_LIMIT = 64L * 1024 * 1024;
    static final int DEFAULT_REDIRECTS = 3;
    static final int MAX_REDIRECTS = 10;
    static final int DEFAULT_WARN_DAYS = 30;
    static final int DEFAULT_CRITICAL_DAYS = 7;
    static final String DEFAULT_CONDITION = "[STATUS] == 200";
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final String PAGERDUTY_EVENTS = "https://events.pagerduty.com/v2/enqueue";
    private static final Pattern METHOD = Pattern.compile("[A-Z]{1,20}");
    /** Headers the JDK HttpClient sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final FieldLocator at;
    private final Map<String, String> env;

    ProbeReader(FieldLocator at, Map<String, String> env) {
        this.at = at;
        this.env = env;
    }

    ProbeConfig read(ProbeFile file) {
        String service = file.service() == null ? ProbeConfig.DEFAULT_SERVICE : file.service().strip();
        at.require(SERVICE.matcher(service).matches(), "service", "a service name of letters, digits, '.', '_' and '-' (used in metrics and alert keys)");
        return new ProbeConfig(service, evaluation(file.evaluation()), probes(file), alerts(file.alerts()));
    }

    private Evaluation evaluation(ProbeFile.EvaluationEntry e) {
        if (e == null) {
            return Evaluation.defaults();
        }
        Duration window = e.window() == null ? Evaluation.DEFAULT_WINDOW : e.window();
        at.require(window.compareTo(Duration.ofMinutes(1)) >= 0 && window.compareTo(Duration.ofHours(24)) <= 0,
                "evaluation.window", "a duration from 1m to 24h");
        int failures = e.failuresToOpen() == null ? Evaluation.DEFAULT_FAILURES_TO_OPEN : e.failuresToOpen();
        at.require(failures >= 1 && failures <= 100, "evaluation.failuresToOpen", "an integer from 1 to 100");
        int successes = e.successesToResolve() == null ? Evaluation.DEFAULT_SUCCESSES_TO_RESOLVE : e.successesToResolve();
        at.require(successes >= 1 && successes <= 100, "evaluation.successesToResolve", "an integer from 1 to 100");
        int concurrent = e.maxConcurrent() == null ? Evaluation.DEFAULT_MAX_CONCURRENT : e.maxConcurrent();
        at.require(concurrent >= 1 && concurrent <= 4096, "evaluation.maxConcurrent", "an integer from 1 to 4096");
        return new Evaluation(window, failures, successes, concurrent);
    }

    private List<ChannelSpec> alerts(List<ProbeFile.AlertEntry> entries) {
        if (entries == null) {
            return List.of();
        }
        List<ChannelSpec> channels = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = "alerts[" + i + "]";
            ProbeFile.AlertEntry e = entries.get(i);
            at.require(e != null, path, "an alert channel (a mapping with name, kind and url)");
            at.require(e.name() != null && !e.name().isBlank(), path + ".name", "a channel name");
            at.require(names.add(e.name().strip()), path + ".name", "a name no other channel uses");
            String kind = e.kind() == null ? "" : e.kind().strip();
            at.require(kind.equals("slack") || kind.equals("pagerduty") || kind.equals("webhook"), path + ".kind", "slack, pagerduty or webhook");
            Severity min = e.minSeverity() == null ? Severity.P3
                    : Severity.parse(e.minSeverity()).orElseThrow(() -> at.problem(path + ".minSeverity", Severity.EXPECTED));
            String name = e.name().strip();
            channels.add(switch (kind) {
                case "slack" -> {
                    onlyFor("slack channel", path, e.routingKey(), "routingKey", e.headers(), "headers");
                    yield new ChannelSpec.Slack(name, secretUrl(e.url(), path + ".url"), min);
                }
                case "pagerduty" -> {
                    onlyFor("pagerduty channel", path, e.headers(), "headers");
                    String url = e.url() == null ? PAGERDUTY_EVENTS : e.url();
                    at.require(e.routingKey() != null && !e.routingKey().isBlank(), path + ".routingKey",
                            "a routing key, e.g. ${PAGERDUTY_ROUTING_KEY}");
                    EnvTemplate key = EnvTemplate.parse(e.routingKey().strip()).orElseThrow(() -> new BadInputException(at.where(path + ".routingKey")
                            + ": " + path + ".routingKey: expected " + EnvTemplate.EXPECTED_REFERENCE + ", found a malformed placeholder (not shown: routing keys are secret)"));
                    missing(key, path + ".routingKey");
                    yield new ChannelSpec.PagerDuty(name, secretUrl(url, path + ".url"), key, min);
                }
                default -> {
                    onlyFor("webhook channel", path, e.routingKey(), "routingKey");
                    yield new ChannelSpec.Webhook(name, secretUrl(e.url(), path + ".url"), headers(e.headers(), path + ".headers"), min);
                }
            });
        }
        return channels;
    }

    /** A webhook URL carries its credential (Slack's does): checked like a probe URL, but never quoted back. */
    private EnvTemplate secretUrl(String text, String path) {
        String like = "https://host/path or ${WEBHOOK_URL}";
        at.require(text != null && !text.isBlank(), path, "a URL like " + like);
        EnvTemplate template = EnvTemplate.parse(text.strip()).orElseThrow(() -> new BadInputException(at.where(path) + ": " + path
                + ": expected " + EnvTemplate.EXPECTED_REFERENCE + ", found a malformed placeholder (not shown: webhook URLs are secret)"));
        missing(template, path);
        URI uri;
        try {
            uri = new URI(template.resolve(env));
        } catch (URISyntaxException ex) {
            uri = null;
        }
        boolean ok = uri != null && uri.getHost() != null && uri.getScheme() != null
                && List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT));
        if (!ok) {
            throw new BadInputException(at.where(path) + ": " + path + ": expected an absolute http or https URL like " + like
                    + ", found something else (not shown: webhook URLs are secret)");
        }
        return template;
    }

    private List<ProbeSpec> probes(ProbeFile file) {
        at.require(file.probes() != null, "probes", "a list of at least one probe");
        at.require(!file.probes().isEmpty(), "probes", "a list of at least one probe", "an empty list");
        List<ProbeSpec> probes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < file.probes().size(); i++) {
            String path = "probes[" + i + "]";
            ProbeFile.Entry entry = file.probes().get(i);
            at.require(entry != null, path, "a probe (a mapping with name, kind, url...)");
            at.require(entry.name() != null && !entry.name().isBlank(), path + ".name", "a probe name");
            at.require(names.add(entry.name().strip()), path + ".name", "a name no other probe uses");
            probes.add(probe(entry, path));
        }
        return probes;
    }

    private ProbeSpec probe(ProbeFile.Entry e, String path) {
        String kind = e.kind() == null ? "" : e.kind().strip();
        at.require(kind.equals("http") || kind.equals("websocket") || kind.equals("tls"), path + ".kind", "http, websocket or tls");
        String name = e.name().strip();
        Duration interval = e.interval() == null ? DEFAULT_INTERVAL : e.interval();
        at.require(interval.isPositive(), path + ".interval", "a duration above 0");
        Duration timeout = e.timeout() == null ? DEFAULT_TIMEOUT : e.timeout();
        at.require(timeout.isPositive(), path + ".timeout", "a duration above 0");
        at.require(timeout.compareTo(interval) < 0, path + ".timeout", "a timeout shorter than the interval (" + DurationText.format(interval) + ")");
        String location = e.location() == null ? DEFAULT_LOCATION : e.location().strip();
        at.require(!location.isEmpty(), path + ".location", "a location name");
        Severity severity = e.severity() == null ? Severity.P1
                : Severity.parse(e.severity()).orElseThrow(() -> at.problem(path + ".severity", Severity.EXPECTED));
        return switch (kind) {
            case "http" -> {
                onlyFor(kind, path, e.subprotocol(), "subprotocol", e.send(), "send", e.expect(), "expect",
                        e.warnDays(), "warnDays", e.criticalDays(), "criticalDays");
                EnvTemplate url = url(e.url(), path + ".url", List.of("http", "https"));
                String method = e.method() == null ? "GET" : e.method().strip();
                at.require(METHOD.matcher(method).matches(), path + ".method", "an HTTP method in capitals like GET, HEAD or POST");
                List<String> written = e.conditions() == null ? List.of(DEFAULT_CONDITION) : e.conditions();
                at.require(!written.isEmpty(), path + ".conditions", "at least one condition like '" + DEFAULT_CONDITION + "'", "none");
                List<Condition> conditions = new ArrayList<>();
                for (int c = 0; c < written.size(); c++) {
                    conditions.add(condition(written.get(c), path + ".conditions[" + c + "]"));
                }
                long maxBody = e.maxBodyBytes() == null ? DEFAULT_MAX_BODY_BYTES : e.maxBodyBytes();
                at.require(maxBody >= 1 && maxBody <= MAX_BODY_BYTES_LIMIT, path + ".maxBodyBytes", "an integer from 1 to " + MAX_BODY_BYTES_LIMIT);
                int redirects = e.followRedirects() == null ? DEFAULT_REDIRECTS : e.followRedirects();
                at.require(redirects >= 0 && redirects <= MAX_REDIRECTS, path + ".followRedirects", "an integer from 0 to " + MAX_REDIRECTS);
                yield new ProbeSpec.Http(name, url, interval, timeout, location, severity, method,
                        headers(e.headers(), path + ".headers"), conditions, maxBody, redirects);
            }
            case "websocket" -> {
                onlyFor(kind, path, e.method(), "method", e.conditions(), "conditions", e.maxBodyBytes(), "maxBodyBytes",
                        e.followRedirects(), "followRedirects", e.warnDays(), "warnDays", e.criticalDays(), "criticalDays");
                EnvTemplate url = url(e.url(), path + ".url", List.of("ws", "wss"));
                Optional<String> subprotocol = Optional.ofNullable(e.subprotocol()).map(String::strip);
                subprotocol.ifPresent(s -> at.require(TOKEN.matcher(s).matches(), path + ".subprotocol", "a subprotocol name like graphql-ws"));
                Optional<Condition> expect = Optional.ofNullable(e.expect()).map(text -> condition(text, path + ".expect"));
                expect.ifPresent(c -> at.require(!(c.left() instanceof Placeholder.Status || c.left() instanceof Placeholder.CertificateExpiration),
                        path + ".expect", "a condition on the reply: [BODY], [BODY].path or [RESPONSE_TIME]"));
                at.require(expect.isEmpty() || e.send() != null, path + ".expect", "a send field too (expect awaits the reply to it)", "no send");
                yield new ProbeSpec.WebSocket(name, url, interval, timeout, location, severity, subprotocol,
                        headers(e.headers(), path + ".headers"), Optional.ofNullable(e.send()), expect);
            }
            default -> {
                onlyFor(kind, path, e.method(), "method", e.headers(), "headers", e.conditions(), "conditions",
                        e.maxBodyBytes(), "maxBodyBytes", e.followRedirects(), "followRedirects",
                        e.subprotocol(), "subprotocol", e.send(), "send", e.expect(), "expect");
                EnvTemplate url = url(e.url(), path + ".url", List.of("https", "tls"));
                int warn = e.warnDays() == null ? DEFAULT_WARN_DAYS : e.warnDays();
                at.require(warn >= 1, path + ".warnDays", "an integer >= 1");
                int critical = e.criticalDays() == null ? DEFAULT_CRITICAL_DAYS : e.criticalDays();
                at.require(critical >= 0 && critical < warn, path + ".criticalDays", "an integer from 0 to below warnDays (" + warn + ")");
                yield new ProbeSpec.Tls(name, url, interval, timeout, location, severity, warn, critical);
            }
        };
    }

    /** Fields of another kind: {@code pairs} alternates value and field name. */
    private void onlyFor(String kind, String path, Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            String field = (String) pairs[i + 1];
            if (pairs[i] != null) {
                String found = field.equals("headers") ? "headers" : at.written(path + "." + field);
                throw new BadInputException(at.where(path + "." + field) + ": " + path + "." + field
                        + ": expected no " + field + " on a " + (kind.contains(" ") ? kind : kind + " probe") + ", found " + found);
            }
        }
    }

    private EnvTemplate url(String text, String path, List<String> schemes) {
        String like = schemes.getFirst() + "://host:port/path";
        at.require(text != null && !text.isBlank(), path, "an absolute URL like " + like);
        EnvTemplate template = EnvTemplate.parse(text.strip()).orElseThrow(() -> at.problem(path, EnvTemplate.EXPECTED_REFERENCE));
        missing(template, path);
        URI uri;
        try {
            uri = new URI(template.resolve(env));
        } catch (URISyntaxException ex) {
            throw at.problem(path, "an absolute URL like " + like);
        }
        // the resolved URL is not shown: it may carry a value from the environment
        at.require(uri.getScheme() != null && uri.getHost() != null, path, "an absolute URL like " + like);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        at.require(schemes.contains(scheme), path, "a URL with scheme " + String.join(" or ", schemes));
        at.require(!scheme.equals("tls") || uri.getPort() > 0, path, "a port in a tls URL, like tls://host:443");
        return template;
    }

    private SecretHeaders headers(Map<String, Object> written, String path) {
        if (written == null) {
            return SecretHeaders.none();
        }
        Map<String, EnvTemplate> headers = new LinkedHashMap<>();
        for (Map.Entry<String, Object> h : written.entrySet()) {
            String field = path + "." + h.getKey();
            at.require(TOKEN.matcher(h.getKey()).matches(), field, "a header name of letters, digits and -");
            at.require(!RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT)), field,
                    "a header the client does not set itself (not Connection, Content-Length, Expect, Host or Upgrade)", "'" + h.getKey() + "'");
            // values are secrets: messages about them say what is wrong, never what was written
            at.require(h.getValue() instanceof String, field, "a string", "a value that is not a string (not shown: header values are secret)");
            EnvTemplate value = EnvTemplate.parse((String) h.getValue())
                    .orElseThrow(() -> new BadInputException(at.where(field) + ": " + field + ": expected " + EnvTemplate.EXPECTED_REFERENCE
                            + ", found a malformed placeholder (value not shown: header values are secret)"));
            missing(value, field);
            headers.put(h.getKey(), value);
        }
        return new SecretHeaders(headers);
    }

    private void missing(EnvTemplate template, String path) {
        template.missingIn(env).ifPresent(name -> {
            throw new BadInputException(at.where(path) + ": " + path + ": expected environment variable " + name + " to be set, found it unset");
        });
    }

    private Condition condition(String text, String path) {
        try {
            return Condition.parse(text);
        } catch (InvalidConditionException ex) {
            throw at.problem(path, ex.expected());
        }
    }



}
