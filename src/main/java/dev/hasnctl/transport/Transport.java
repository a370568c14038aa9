package dev.hasnctl.transport;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs commands on cluster hosts: the EMS itself, or hosts behind it.
 *
 * <p>Contract: {@link #exec} runs the argv once and returns whatever the command did, including a
 * non-zero exit; it throws only when the command could not be run or its end was not seen (connect,
 * auth, timeout, dropped connection). Implementations are thread-safe: apply calls them from
 * several threads, one host per thread.
 */
public interface Transport extends AutoCloseable {

  /**
   * Runs {@code command} on {@code host}, feeding {@code stdin} when present.
   *
   * @throws TransportException when the command could not be run or did not finish in time
   */
  ExecResult exec(HostName host, Argv command, Optional<String> stdin, Duration timeout)
      throws TransportException;

  /** Runs {@code command} on {@code host} with no input. */
  default ExecResult exec(HostName host, Argv command, Duration timeout) throws TransportException {
    return exec(host, command, Optional.empty(), timeout);
  }

  /** Releases connections; the transport is unusable afterwards. */
  @Override
  void close();
}
