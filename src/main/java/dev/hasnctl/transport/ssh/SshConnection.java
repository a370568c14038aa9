package dev.hasnctl.transport.ssh;

import dev.hasnctl.model.HostName;
import dev.hasnctl.transport.TransportException;
import dev.hasnctl.transport.TransportException.Layer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;

/**
 * One authenticated SSH connection to one endpoint, opened on first use and re-opened when it has
 * died; commands share it, each in its own session. Thread-safe.
 */
final class SshConnection {
  /** Attempts at the handshake: a busy sshd resets connections beyond its MaxStartups. */
  private static final int HANDSHAKE_ATTEMPTS = 3;

  private final Endpoint endpoint;
  private final SshOptions options;
  private final Semaphore sessions;
  private SSHClient client;

  SshConnection(Endpoint endpoint, SshOptions options) {
    this.endpoint = endpoint;
    this.options = options;
    this.sessions = new Semaphore(options.maxSessions(), true);
  }

  /** Limits the commands running at once over this connection. */
  Semaphore sessions() {
    return sessions;
  }

  /**
   * The connected, authenticated client, connecting first if there is none or it died.
   *
   * @throws TransportException {@link Layer#CONNECT} or {@link Layer#AUTH}, naming {@code host}
   */
  synchronized SSHClient client(HostName host) throws TransportException {
    if (client != null && client.isConnected() && client.isAuthenticated()) {
      return client;
    }
    disconnectQuietly();
    for (int attempt = 1; ; attempt++) {
      try {
        client = connect(host);
        return client;
      } catch (TransportException e) {
        if (e.layer() != Layer.CONNECT || attempt == HANDSHAKE_ATTEMPTS || !isReset(e)) {
          throw e;
        }
      }
    }
  }

  /**
   * A new client in place of {@code dead}, which failed although it may still look connected; a
   * client another thread already replaced it with is returned as it is.
   *
   * @throws TransportException {@link Layer#CONNECT} or {@link Layer#AUTH}, naming {@code host}
   */
  synchronized SSHClient reconnect(HostName host, SSHClient dead) throws TransportException {
    if (client == dead) {
      disconnectQuietly();
      client = null;
    }
    return client(host);
  }

  /** Whether the connection is up, without connecting. */
  synchronized boolean isConnected() {
    return client != null && client.isConnected();
  }

  synchronized void close() {
    disconnectQuietly();
  }

  private SSHClient connect(HostName host) throws TransportException {
    DefaultConfig config = new DefaultConfig();
    config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
    SSHClient ssh = new SSHClient(config);
    KnownHostsCheck hostKeys;
    try {
      hostKeys = new KnownHostsCheck(options.knownHosts());
    } catch (IOException e) {
      throw new TransportException(
          Layer.AUTH, host, "cannot read known_hosts " + options.knownHosts() + ": " + e, e);
    }
    ssh.addHostKeyVerifier(hostKeys);
    ssh.setSocketFactory(new NoDelaySocketFactory());
    ssh.setConnectTimeout(Math.toIntExact(options.connectTimeout().toMillis()));
    ssh.getConnection()
        .getKeepAlive()
        .setKeepAliveInterval(Math.toIntExact(options.keepAlive().toSeconds()));
    try {
      try {
        ssh.connect(endpoint.address().value(), endpoint.port());
      } catch (IOException e) {
        if (hostKeys.refusal().isPresent()) {
          throw hostKeyRefused(host, hostKeys);
        }
        throw unreachable(host, e);
      }
      ssh.authPublickey(endpoint.user(), keys(ssh, host));
      return ssh;
    } catch (UserAuthException e) {
      closeQuietly(ssh);
      throw new TransportException(
          Layer.AUTH,
          host,
          endpoint
              + " refused our key ("
              + describeKeys()
              + "): "
              + e.getMessage()
              + "; add its public key to the user's authorized_keys there, or give another"
              + " with --ssh-key FILE",
          e);
    } catch (net.schmizz.sshj.transport.TransportException e) {
      closeQuietly(ssh);
      throw new TransportException(
          Layer.CONNECT, host, "SSH handshake with " + endpoint + " failed: " + e.getMessage(), e);
    } catch (TransportException e) {
      closeQuietly(ssh);
      throw e;
    }
  }

  private List<KeyProvider> keys(SSHClient ssh, HostName host) throws TransportException {
    List<Path> files =
        options.identities().isEmpty()
            ? SshOptions.defaultIdentities().stream().filter(Files::isRegularFile).toList()
            : options.identities();
    if (files.isEmpty()) {
      throw new TransportException(
          Layer.AUTH,
          host,
          "no SSH private key: none of "
              + SshOptions.defaultIdentities()
              + " exists; create one with ssh-keygen -t ed25519, or give one with --ssh-key FILE");
    }
    List<KeyProvider> providers = new ArrayList<>();
    for (Path file : files) {
      try {
        providers.add(ssh.loadKeys(file.toString()));
      } catch (IOException e) {
        throw new TransportException(
            Layer.AUTH, host, "cannot read SSH private key " + file + ": " + e.getMessage(), e);
      }
    }
    return providers;
  }

  private String describeKeys() {
    List<Path> files =
        options.identities().isEmpty() ? SshOptions.defaultIdentities() : options.identities();
    return files.stream()
        .filter(Files::isRegularFile)
        .map(Path::toString)
        .collect(Collectors.joining(", "));
  }

  private TransportException hostKeyRefused(HostName host, KnownHostsCheck hostKeys) {
    KnownHostsCheck.Refusal refusal = hostKeys.refusal().orElseThrow();
    Path file = hostKeys.files().get(0);
    String name = endpoint.knownHostsName();
    String keyscan =
        "ssh-keyscan -p "
            + endpoint.port()
            + " -t "
            + refusal.keyType().replaceFirst("^ssh-", "")
            + " "
            + endpoint.address()
            + " >> "
            + file;
    String key = refusal.keyType() + " key " + refusal.fingerprint();
    String message =
        refusal.changed()
            ? "host key of "
                + name
                + " has CHANGED: it now offers "
                + key
                + ", but "
                + file
                + " lists another key for it. Someone may be intercepting the connection, or the"
                + " host was reinstalled. If you know the new key is right: ssh-keygen -R '"
                + name
                + "' -f "
                + file
                + " && "
                + keyscan
            : "host key of "
                + name
                + " is not known: it offers "
                + key
                + ", which is not in "
                + hostKeys.files()
                + ". Check that fingerprint on the host (ssh-keygen -lf on its host key), then"
                + " trust it with: "
                + keyscan;
    return new TransportException(Layer.AUTH, host, message);
  }

  private TransportException unreachable(HostName host, IOException e) {
    String why;
    if (e instanceof UnknownHostException) {
      why = "unknown host " + endpoint.address();
    } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      why = e.getMessage();
    } else if (e instanceof SocketTimeoutException) {
      why = "no answer within " + options.connectTimeout().toSeconds() + " s";
    } else {
      why = String.valueOf(e.getMessage());
    }
    return new TransportException(
        Layer.CONNECT, host, "cannot connect to " + endpoint + ": " + why, e);
  }

  private static boolean isReset(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketException && String.valueOf(t.getMessage()).contains("reset")) {
        return true;
      }
    }
    return false;
  }

  private void disconnectQuietly() {
    if (client != null) {
      closeQuietly(client);
      client = null;
    }
  }

  private static void closeQuietly(SSHClient ssh) {
    try {
      ssh.disconnect();
    } catch (IOException e) {
      // Already broken; nothing more to release.
    }
  }
}
