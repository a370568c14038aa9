package dev.hasnctl.transport.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Strict host key checking against known_hosts files, remembering a refused key so the error can
 * name its fingerprint and say how to trust it. One instance per connection attempt.
 */
final class KnownHostsCheck implements HostKeyVerifier {
  private final List<Path> files;
  private final List<Recording> known = new ArrayList<>();
  private volatile Refusal refusal;

  KnownHostsCheck(List<Path> files) throws IOException {
    this.files = List.copyOf(files);
    for (Path file : files) {
      if (Files.isRegularFile(file)) {
        known.add(new Recording(file));
      }
    }
  }

  /** Why the server's key was refused: it is unknown, or another key is known for the host. */
  record Refusal(boolean changed, String keyType, String fingerprint) {}

  /** The refusal of the last verification, if the key was refused. */
  Optional<Refusal> refusal() {
    return Optional.ofNullable(refusal);
  }

  /** The known_hosts files consulted, the first being where a new key should go. */
  List<Path> files() {
    return files;
  }

  @Override
  public boolean verify(String hostname, int port, PublicKey key) {
    boolean changed = false;
    for (Recording file : known) {
      if (file.verify(hostname, port, key)) {
        refusal = null;
        return true;
      }
      changed |= file.sawChange;
    }
    refusal = new Refusal(changed, KeyType.fromKey(key).toString(), sha256(key));
    return false;
  }

  @Override
  public List<String> findExistingAlgorithms(String hostname, int port) {
    List<String> algorithms = new ArrayList<>();
    for (Recording file : known) {
      algorithms.addAll(file.findExistingAlgorithms(hostname, port));
    }
    return algorithms;
  }

  /** The key's fingerprint as OpenSSH prints it: {@code SHA256:} and unpadded base64. */
  static String sha256(PublicKey key) {
    byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** One file; records whether the last refusal was a changed key rather than an unknown one. */
  private static final class Recording extends OpenSSHKnownHosts {
    private volatile boolean sawChange;

    Recording(Path file) throws IOException {
      super(file.toFile());
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
      sawChange = false;
      return super.verify(hostname, port, key);
    }

    @Override
    protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
      return false;
    }

    @Override
    protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
      sawChange = true;
      return false;
    }
  }
}
