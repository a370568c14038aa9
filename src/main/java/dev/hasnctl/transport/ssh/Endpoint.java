package dev.hasnctl.transport.ssh;

import dev.hasnctl.model.HostName;

/** Where an SSH connection goes: {@code user} at {@code address}, on {@code port}. */
public record Endpoint(String user, HostName address, int port) {
  public Endpoint {
    if (user == null || user.isEmpty()) {
      throw new IllegalArgumentException("an SSH endpoint needs a user name");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not in 1-65535");
    }
  }

  /** The name known_hosts files use: {@code host} on port 22, {@code [host]:port} otherwise. */
  public String knownHostsName() {
    return port == 22 ? address.value() : "[" + address + "]:" + port;
  }

  @Override
  public String toString() {
    return user + "@" + address + ":" + port;
  }
}
