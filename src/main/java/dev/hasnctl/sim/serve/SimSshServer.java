package dev.hasnctl.sim.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.KeySetPublickeyAuthenticator;
import org.apache.sshd.server.channel.ChannelSessionFactory;

/**
 * An SSH server (Apache MINA SSHD) on 127.0.0.1 whose exec channels run command lines through a
 * {@link ShellHandler}: the simulator's EMS, reachable by any SSH client.
 *
 * <p>Contract: loopback only; public-key authentication only, against the keys read at start; an
 * ed25519 host key kept in {@link SimSshConfig#hostKey()} (made on first start) and published as a
 * known_hosts line so clients verify it strictly. No shell, no PTY, no port forwarding.
 */
public final class SimSshServer implements AutoCloseable {
  private static final String LOOPBACK = "127.0.0.1";

  private final SshServer sshd;
  private final KeyPair hostKey;
  private final ExecutorService threads;
  private final ScheduledExecutorService timers;

  private SimSshServer(
      SshServer sshd, KeyPair hostKey, ExecutorService threads, ScheduledExecutorService timers) {
    this.sshd = sshd;
    this.hostKey = hostKey;
    this.threads = threads;
    this.timers = timers;
  }

  /**
   * Starts serving {@code handler} as {@code config} says, and writes the known_hosts line.
   *
   * @throws IOException when a key file cannot be read or written, or the port is taken
   */
  public static SimSshServer start(SimSshConfig config, ShellHandler handler) throws IOException {
    List<PublicKey> authorized = authorizedKeys(config.authorizedKeys());
    KeyPair hostKey = hostKey(config.hostKey());
    ExecutorService threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "sim-ssh-exec");
              thread.setDaemon(true);
              return thread;
            });
    ScheduledExecutorService timers =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "sim-ssh-timeout");
              thread.setDaemon(true);
              return thread;
            });
    SshServer sshd = SshServer.setUpDefaultServer();
    sshd.setHost(LOOPBACK);
    sshd.setPort(config.port());
    sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    sshd.setPublickeyAuthenticator(new KeySetPublickeyAuthenticator("authorized_keys", authorized));
    sshd.setPasswordAuthenticator(null);
    sshd.setKeyboardInteractiveAuthenticator(null);
    sshd.setCommandFactory(
        (channel, commandLine) -> new ExecCommand(commandLine, handler, threads, timers));
    List<ChannelFactory> channels = new ArrayList<>(sshd.getChannelFactories());
    channels.replaceAll(
        f -> f instanceof ChannelSessionFactory ? new ExitStatusFirst.Factory() : f);
    sshd.setChannelFactories(channels);
    // Nagle plus delayed ACKs would add about 40 ms to every command (toolchain.md §3).
    CoreModuleProperties.TCP_NODELAY.set(sshd, true);
    SimSshServer server = new SimSshServer(sshd, hostKey, threads, timers);
    try {
      sshd.start();
      config.knownHostsOut().ifPresent(file -> server.publishKnownHosts(file));
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** The port the server listens on (the chosen one when started on port 0). */
  public int port() {
    for (SocketAddress address : sshd.getBoundAddresses()) {
      if (address instanceof InetSocketAddress inet) {
        return inet.getPort();
      }
    }
    return sshd.getPort();
  }

  /** The line a known_hosts file needs to trust this server: {@code [127.0.0.1]:PORT type key}. */
  public String knownHostsLine() {
    return "[" + LOOPBACK + "]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
  }

  /** The host key's fingerprint, as {@code ssh-keygen -l} prints it. */
  public String fingerprint() {
    return KeyUtils.getFingerPrint(hostKey.getPublic());
  }

  @Override
  public void close() {
    try {
      sshd.stop(true);
    } catch (IOException e) {
      // Stopping immediately; the listener is gone either way.
    }
    threads.shutdownNow();
    timers.shutdownNow();
  }

  /**
   * Writes this server's line into {@code file}, replacing an older line for the same address and
   * port and keeping every other line, atomically.
   */
  private void publishKnownHosts(Path file) {
    try {
      String name = "[" + LOOPBACK + "]:" + port();
      List<String> lines = new ArrayList<>();
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!line.startsWith(name + " ")) {
            lines.add(line);
          }
        }
      }
      lines.add(knownHostsLine());
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
      Files.write(temp, lines, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write known_hosts " + file, e);
    }
  }

  private static List<PublicKey> authorizedKeys(List<Path> files) throws IOException {
    List<PublicKey> keys = new ArrayList<>();
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new IOException("authorized keys file " + file + " does not exist");
      }
      for (AuthorizedKeyEntry entry : AuthorizedKeyEntry.readAuthorizedKeys(file)) {
        try {
          keys.add(entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING));
        } catch (GeneralSecurityException | IOException e) {
          throw new IOException("unusable key in " + file + ": " + e.getMessage(), e);
        }
      }
    }
    if (keys.isEmpty()) {
      throw new IOException("no public key in " + files + ": nobody could log in");
    }
    return keys;
  }

  private static KeyPair hostKey(Path file) throws IOException {
    if (Files.exists(file)) {
      Iterator<KeyPair> loaded = new FileKeyPairProvider(file).loadKeys(null).iterator();
      if (!loaded.hasNext()) {
        throw new IOException("no key pair in host key file " + file);
      }
      return loaded.next();
    }
    KeyPair generated;
    try {
      generated = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot generate an ed25519 host key: " + e.getMessage(), e);
    }
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp =
        Files.createTempFile(
            parent,
            file.getFileName().toString(),
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (OutputStream out = Files.newOutputStream(temp)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(generated, "hasnctl-sim", null, out);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot write host key " + file + ": " + e.getMessage(), e);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    return generated;
  }
}
