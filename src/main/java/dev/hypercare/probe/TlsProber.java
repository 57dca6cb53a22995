package dev.hypercare.probe;

import dev.hypercare.DurationText;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS probes: connect, handshake, read the peer certificate's notAfter and compare the days left with
 * warnDays and criticalDays. The chain is checked against the JVM's trust store and the verdict kept in
 * the result, but an untrusted chain still has its expiry read: this probe watches expiry, and a
 * self-signed internal endpoint expires too. Host names are not verified (that is the http probe's job).
 */
public final class TlsProber implements Prober {
    private static final int HTTPS_PORT = 443;
    private final Map<String, String> env;

    public TlsProber(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public ProbeResult probe(ProbeSpec spec, Clock clock) {
        if (!(spec instanceof ProbeSpec.Tls tls)) {
            throw new IllegalArgumentException("not a tls probe: " + spec.kind());
        }
        // set up before the clock starts: loading the trust store is the JVM's time, not the target's
        Capturing trust;
        SSLContext context;
        try {
            trust = new Capturing(defaultTrustManager());
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
        } catch (GeneralSecurityException e) {
            return ProbeRun.start(spec, clock).fail(Reason.ERROR, -1, "no TLS support: " + e.getMessage());
        }
        ProbeRun run = ProbeRun.start(spec, clock);
        URI uri;
        try {
            String resolved = tls.url().resolve(env);
            if (tls.url().hasPlaceholders()) {
                run.secrets(List.of(resolved));
            }
            uri = URI.create(resolved);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return run.fail(Reason.ERROR, -1, e.getMessage());
        }
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : HTTPS_PORT;
        long dnsStart = System.nanoTime();
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return run.fail(Reason.DNS, -1, "host not found");
        }
        long connectStart = run.phase(Phase.DNS, dnsStart);
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address, port), millisLeft(run));
            long tlsStart = run.phase(Phase.CONNECT, connectStart);
            plain.setSoTimeout(millisLeft(run));
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true)) {
                if (!Character.isDigit(host.charAt(host.length() - 1)) && !host.contains(":")) {
                    SSLParameters parameters = socket.getSSLParameters();
                    parameters.setServerNames(List.of(new SNIHostName(host)));
                    socket.setSSLParameters(parameters);
                }
                socket.startHandshake();
                run.phase(Phase.TLS, tlsStart);
                if (!(socket.getSession().getPeerCertificates()[0] instanceof X509Certificate leaf)) {
                    return run.fail(Reason.TLS, -1, "the peer certificate is not X.509");
                }
                return judge(tls, run, leaf, trust.trusted, clock.instant());
            }
        } catch (Exception e) {
            Failures.Failure failure = Failures.classify(e);
            return failure.reason() == Reason.TIMEOUT ? run.timeout(-1, "no handshake") : run.fail(failure.reason(), -1, failure.message());
        }
    }

    private static ProbeResult judge(ProbeSpec.Tls tls, ProbeRun run, X509Certificate leaf, boolean trusted, Instant now) {
        Instant notAfter = leaf.getNotAfter().toInstant();
        Duration left = Duration.between(now, notAfter);
        long days = left.toDays(); // whole days, towards zero: -1 reads "expired a day ago"
        CertificateStatus.Expiry expiry = CertificateStatus.Expiry.of(days, notAfter, now, tls.warnDays(), tls.criticalDays());
        CertificateStatus status = new CertificateStatus(leaf.getSubjectX500Principal().getName(), notAfter, days, expiry, trusted);
        String summary = "certificate expires " + notAfter + " (" + days + " days left, " + expiry.name() + ")"
                + (trusted ? "" : ", chain not trusted by the JVM") + " in " + DurationText.format(run.elapsed());
        boolean ok = expiry == CertificateStatus.Expiry.OK || expiry == CertificateStatus.Expiry.WARN;
        return run.result(ok, -1, ok ? Reason.OK : Reason.CERTIFICATE, List.of(), Optional.of(status), summary);
    }

    private static int millisLeft(ProbeRun run) throws java.net.SocketTimeoutException {
        long left = run.remaining().toMillis();
        if (left <= 0) {
            throw new java.net.SocketTimeoutException("timeout passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** Accepts any chain so its expiry can be read, and remembers whether the default trust manager would have. */
    private static final class Capturing implements X509TrustManager {
        private final X509TrustManager delegate;
        volatile boolean trusted;

        Capturing(X509TrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            try {
                delegate.checkServerTrusted(chain, authType);
                trusted = true;
            } catch (CertificateException e) {
                trusted = false;
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a probe is never a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
