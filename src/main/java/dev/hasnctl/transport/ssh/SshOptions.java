package dev.hasnctl.transport.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How SSH connections are made: which private keys to offer (empty: the user's {@code ~/.ssh/id_*}
 * keys), which known_hosts files vouch for host keys (checked strictly: an unknown or changed key
 * is refused), timeouts, keepalive and how remote commands are ended at their timeout.
 *
 * @param maxSessions commands run at once over one connection; OpenSSH's {@code MaxSessions}
 *     defaults to 10, and more are refused by the server rather than queued
 */
public record SshOptions(
    List<Path> identities,
    List<Path> knownHosts,
    Duration connectTimeout,
    Duration keepAlive,
    RemoteTimeout remoteTimeout,
    int maxSessions) {

  public SshOptions {
    identities = List.copyOf(identities);
    knownHosts = List.copyOf(knownHosts);
    if (knownHosts.isEmpty()) {
      throw new IllegalArgumentException("host keys are always checked: give a known_hosts file");
    }
    if (maxSessions < 1) {
      throw new IllegalArgumentException("maxSessions must be at least 1: " + maxSessions);
    }
  }

  /** The user's keys and {@code ~/.ssh/known_hosts}, as OpenSSH's client would use them. */
  public static SshOptions defaults() {
    Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
    return new SshOptions(
        List.of(),
        List.of(ssh.resolve("known_hosts")),
        Duration.ofSeconds(15),
        Duration.ofSeconds(30),
        RemoteTimeout.WRAP,
        8);
  }

  /** These options offering only the private key in {@code file}. */
  public SshOptions withIdentity(Path file) {
    return new SshOptions(
        List.of(file), knownHosts, connectTimeout, keepAlive, remoteTimeout, maxSessions);
  }

  /** These options trusting only the host keys listed in {@code file}. */
  public SshOptions withKnownHosts(Path file) {
    return new SshOptions(
        identities, List.of(file), connectTimeout, keepAlive, remoteTimeout, maxSessions);
  }

  /** These options ending timed-out commands the way {@code mode} says. */
  public SshOptions withRemoteTimeout(RemoteTimeout mode) {
    return new SshOptions(identities, knownHosts, connectTimeout, keepAlive, mode, maxSessions);
  }

  /** The keys offered when none is given: OpenSSH's defaults, in its order. */
  static List<Path> defaultIdentities() {
    Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
    return List.of(ssh.resolve("id_ed25519"), ssh.resolve("id_ecdsa"), ssh.resolve("id_rsa"));
  }
}
