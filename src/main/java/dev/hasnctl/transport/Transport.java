package dev.hasnctl.transport;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

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

  /**
   * Runs {@code command} on {@code host} with no input, as {@link #exec} does, but hands each line
   * of its standard output to {@code stdout} as it arrives instead of keeping it: for answers too
   * large to hold whole, such as an {@code xdsh} to thousands of nodes. The result's stdout is
   * empty; its stderr is kept whole.
   *
   * <p>Lines are cut as {@link LineStream} cuts them, handed over in order and one at a time (not
   * necessarily on the calling thread), all of them before this returns; what {@code stdout} throws
   * is thrown here once the command ended. This default runs {@link #exec} and cuts its whole
   * answer, which is right for a transport that has the answer only once it is complete (the
   * simulator, which computes it under its state's lock, and test fakes).
   *
   * @throws TransportException as {@link #exec} does
   */
  default ExecResult stream(HostName host, Argv command, Duration timeout, Consumer<String> stdout)
      throws TransportException {
    ExecResult whole = exec(host, command, timeout);
    LineStream.split(whole.stdout(), stdout);
    return new ExecResult(whole.exitCode(), "", whole.stderr());
  }

  /** Releases connections; the transport is unusable afterwards. */
  @Override
  void close();
}
