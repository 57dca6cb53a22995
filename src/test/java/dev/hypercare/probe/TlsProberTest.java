package dev.hypercare.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A self-signed certificate valid for 3 days, made by keytool at test time and served on a free port. */
class TlsProberTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    @TempDir
    static Path dir;
    private static SSLServerSocket server;
    private static Instant generated;

    @BeforeAll
    static void serve() throws Exception {
        Path keystore = dir.resolve("probe.p12");
        generated = Instant.now();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "probe", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-validity", "3", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (SSLSocket socket = (SSLSocket) server.accept()) {
                    socket.setSoTimeout(2000);
                    socket.startHandshake();
                    socket.getInputStream().read(); // until the prober hangs up
                } catch (Exception endOfOneConnection) {
                    // next one
                }
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private ProbeResult probe(String extra) {
        ProbeSpec spec = Specs.one("kind: tls\nurl: tls://127.0.0.1:" + server.getLocalPort() + extra);
        return new TlsProber(Map.of()).probe(spec, Clock.systemUTC());
    }

    @Test
    void aCertificateExpiringInThreeDaysIsCritical() {
        ProbeResult result = probe("");
        assertThat(result.success()).as(result.toString()).isFalse();
        assertThat(result.reason()).isEqualTo(Reason.CERTIFICATE);
        CertificateStatus cert = result.certificate().orElseThrow();
        assertThat(cert.daysLeft()).isEqualTo(2); // 3 days minus the seconds since keytool ran, rounded down
        assertThat(cert.expiry()).isEqualTo(CertificateStatus.Expiry.CRITICAL);
        assertThat(cert.trusted()).isFalse();
        assertThat(cert.subject()).isEqualTo("CN=localhost");
        assertThat(cert.notAfter()).isBetween(generated.plus(Duration.ofDays(3)).minusSeconds(60), generated.plus(Duration.ofDays(3)).plusSeconds(60));
        assertThat(result.message()).contains("2 days left, CRITICAL").contains("chain not trusted");
        assertThat(result.phases()).containsKeys(Phase.DNS, Phase.CONNECT, Phase.TLS);
    }

    @Test
    void withinWarnButBeyondCriticalIsAWarningThatStillSucceeds() {
        ProbeResult result = probe("\nwarnDays: 5\ncriticalDays: 1");
        assertThat(result.success()).isTrue();
        assertThat(result.reason()).isEqualTo(Reason.OK);
        assertThat(result.certificate().orElseThrow().expiry()).isEqualTo(CertificateStatus.Expiry.WARN);
    }

    @Test
    void aClockPastNotAfterSeesItExpired() {
        ProbeSpec spec = Specs.one("kind: tls\nurl: tls://127.0.0.1:" + server.getLocalPort());
        Clock later = Clock.fixed(generated.plus(Duration.ofDays(4)), java.time.ZoneOffset.UTC);
        ProbeResult result = new TlsProber(Map.of()).probe(spec, later);
        assertThat(result.certificate().orElseThrow().expiry()).isEqualTo(CertificateStatus.Expiry.EXPIRED);
        assertThat(result.certificate().orElseThrow().daysLeft()).isEqualTo(-1);
        assertThat(result.start()).isEqualTo(later.instant());
    }

    @Test
    void nothingListeningIsRefused() throws Exception {
        int port;
        try (var free = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        ProbeSpec spec = Specs.one("kind: tls\nurl: tls://127.0.0.1:" + port);
        ProbeResult result = new TlsProber(Map.of()).probe(spec, Clock.systemUTC());
        assertThat(result.reason()).isEqualTo(Reason.REFUSED);
        assertThat(List.of(result.message())).containsExactly("connection refused");
    }
}
