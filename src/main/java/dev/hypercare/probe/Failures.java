package dev.hypercare.probe;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/** Maps what the network threw to a {@link Reason}; the innermost recognised cause wins over wrappers. */
final class Failures {
    private Failures() {}

    record Failure(Reason reason, String message) {}

    static Failure classify(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            Failure f = switch (t) {
                case HttpConnectTimeoutException e -> new Failure(Reason.TIMEOUT, "connect timed out");
                case HttpTimeoutException e -> new Failure(Reason.TIMEOUT, "no response within the timeout");
                case SocketTimeoutException e -> new Failure(Reason.TIMEOUT, "timed out: " + e.getMessage());
                case UnknownHostException e -> new Failure(Reason.DNS, "host not found");
                case UnresolvedAddressException e -> new Failure(Reason.DNS, "host not found");
                case ConnectException e -> new Failure(Reason.REFUSED, "connection refused");
                case NoRouteToHostException e -> new Failure(Reason.REFUSED, "no route to host");
                case SSLException e -> new Failure(Reason.TLS, "TLS failed: " + e.getMessage());
                default -> null;
            };
            if (f != null) {
                return f;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return new Failure(Reason.PROTOCOL, thrown.getClass().getSimpleName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage()));
    }
}
