package dev.hypercare.probe;

import java.util.List;

/** The left-hand side of a condition: a value observed by the probe, in gatus's bracket notation. */
public sealed interface Placeholder {
    /** {@code [STATUS]}: the HTTP status code. */
    record Status() implements Placeholder {}

    /** {@code [RESPONSE_TIME]}: from request sent to body read, compared with a duration. */
    record ResponseTime() implements Placeholder {}

    /** {@code [BODY]} (the whole body as text) or {@code [BODY].a.b[0].c} (a JSON value inside it). */
    record Body(List<Object> path) implements Placeholder {
        public Body {
            path = List.copyOf(path);
        }
    }

    /** {@code [CERTIFICATE_EXPIRATION]}: time left before the peer certificate's notAfter, for https and tls. */
    record CertificateExpiration() implements Placeholder {}

    String WRITTEN_FORMS = "[STATUS], [RESPONSE_TIME], [BODY], [BODY].path or [CERTIFICATE_EXPIRATION]";

    default String written() {
        return switch (this) {
            case Status s -> "[STATUS]";
            case ResponseTime r -> "[RESPONSE_TIME]";
            case CertificateExpiration c -> "[CERTIFICATE_EXPIRATION]";
            case Body b -> {
                StringBuilder out = new StringBuilder("[BODY]");
                for (Object step : b.path()) {
                    out.append(step instanceof Integer i ? "[" + i + "]" : "." + step);
                }
                yield out.toString();
            }
        };
    }
}
