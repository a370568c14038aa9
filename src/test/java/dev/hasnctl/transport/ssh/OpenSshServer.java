package dev.hasnctl.transport.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private OpenSSH sshd on a free 127.0.0.1 port for the tests of a class, with keys made by
 * ssh-keygen: a host key, a client key in authorized_keys, a second client key that is not, and a
 * known_hosts file listing the host key. Fails (never skips) when sshd is not installed.
 */
public final class OpenSshServer implements BeforeAllCallback, AfterAllCallback {
  private static final Path SSHD = Path.of("/usr/sbin/sshd");
  private static final Duration START = Duration.ofSeconds(15);

  private Path dir;
  private Process sshd;
  private int port;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (!Files.isExecutable(SSHD)) {
      throw new IllegalStateException(
          SSHD + " is missing: install openssh-server (.ci/openssh.sh does)");
    }
    if (!Files.isDirectory(Path.of("/run/sshd"))) {
      throw new IllegalStateException(
          "/run/sshd is missing (sshd's privilege separation directory): run .ci/openssh.sh");
    }
    dir = Files.createTempDirectory("hasnctl-sshd");
    keygen(dir.resolve("host_ed25519"));
    keygen(dir.resolve("id_ed25519"));
    keygen(dir.resolve("other_ed25519"));
    Files.copy(dir.resolve("id_ed25519.pub"), dir.resolve("authorized_keys"));
    for (int attempt = 1; ; attempt++) {
      port = freePort();
      if (start() || attempt == 3) {
        break;
      }
    }
    if (sshd == null) {
      throw new IllegalStateException("sshd did not start:\n" + log());
    }
    Files.writeString(knownHosts(), "[127.0.0.1]:" + port + " " + hostKey() + "\n");
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (sshd != null) {
      sshd.descendants().forEach(ProcessHandle::destroyForcibly);
      sshd.destroy();
      sshd.waitFor(10, TimeUnit.SECONDS);
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /** The port sshd listens on, on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The user the tests log in as: whoever runs them. */
  public String user() {
    return System.getProperty("user.name");
  }

  /** The private key listed in authorized_keys. */
  public Path clientKey() {
    return dir.resolve("id_ed25519");
  }

  /** A private key sshd does not accept. */
  public Path otherKey() {
    return dir.resolve("other_ed25519");
  }

  /** A known_hosts file with the server's host key for {@code [127.0.0.1]:PORT}. */
  public Path knownHosts() {
    return dir.resolve("known_hosts");
  }

  /** The host key's public half, {@code ssh-ed25519 AAAA...}. */
  public String hostKey() throws IOException {
    String pub = Files.readString(dir.resolve("host_ed25519.pub")).trim();
    String[] parts = pub.split(" ", -1);
    return parts[0] + " " + parts[1];
  }

  /** The host key's fingerprint as {@code ssh-keygen -lf} prints it: {@code SHA256:...}. */
  public String hostKeyFingerprint() throws IOException, InterruptedException {
    String line =
        run(List.of("ssh-keygen", "-l", "-f", dir.resolve("host_ed25519.pub").toString()));
    return line.split(" ", -1)[1];
  }

  /** A scratch directory that goes away with the server. */
  public Path dir() {
    return dir;
  }

  /** The sshd processes serving connections (children of the listener). */
  public List<ProcessHandle> sessionProcesses() {
    return sshd.children().toList();
  }

  private boolean start() throws IOException, InterruptedException {
    Path config = dir.resolve("sshd_config");
    Files.writeString(
        config,
        String.join(
            "\n",
            "Port " + port,
            "ListenAddress 127.0.0.1",
            "HostKey " + dir.resolve("host_ed25519"),
            "PidFile " + dir.resolve("sshd.pid"),
            "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "PermitRootLogin prohibit-password",
            "UsePAM no",
            // The keys live under world-writable /tmp, which StrictModes refuses.
            "StrictModes no",
            "Subsystem sftp internal-sftp",
            // Parallel tests open many connections at once; the default drops beyond 10.
            "MaxStartups 200:30:400",
            "MaxSessions 100",
            "LogLevel INFO",
            ""));
    Process process =
        new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("sshd.log").toFile())
            .start();
    long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return false; // most likely the port was taken meanwhile
      }
      if (answersWithBanner()) {
        sshd = process;
        return true;
      }
      Thread.sleep(50);
    }
    process.destroyForcibly();
    throw new IllegalStateException("sshd did not answer within " + START + ":\n" + log());
  }

  private boolean answersWithBanner() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      socket.setSoTimeout(2000);
      InputStream in = socket.getInputStream();
      byte[] banner = new byte[8];
      int n = in.readNBytes(banner, 0, banner.length);
      return new String(banner, 0, n, StandardCharsets.US_ASCII).startsWith("SSH-2.0");
    } catch (IOException e) {
      return false;
    }
  }

  /** sshd's log so far. */
  public String log() throws IOException {
    Path log = dir.resolve("sshd.log");
    return Files.exists(log) ? Files.readString(log) : "(no log)";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    }
  }

  private static void keygen(Path file) throws IOException, InterruptedException {
    run(
        List.of(
            "ssh-keygen",
            "-q",
            "-t",
            "ed25519",
            "-N",
            "",
            "-C",
            "hasnctl-test",
            "-f",
            file.toString()));
  }

  private static String run(List<String> argv) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException(argv + " failed: " + out);
    }
    return out.trim();
  }
}
