package dev.hasnctl.sim.serve;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How {@link SimSshServer} is set up.
 *
 * @param port the port on 127.0.0.1; 0 picks a free one
 * @param authorizedKeys files in authorized_keys format whose keys may log in, as any user
 * @param hostKey the server's private host key in OpenSSH format, made when it does not exist
 * @param knownHostsOut where to write the {@code [127.0.0.1]:PORT} known_hosts line, if anywhere
 */
public record SimSshConfig(
    int port, List<Path> authorizedKeys, Path hostKey, Optional<Path> knownHostsOut) {
  public SimSshConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not in 0-65535");
    }
    authorizedKeys = List.copyOf(authorizedKeys);
    if (authorizedKeys.isEmpty()) {
      throw new IllegalArgumentException("the server needs an authorized_keys file");
    }
  }
}
