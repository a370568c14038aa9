package dev.hasnctl.transport;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.transport.TransportException.Layer;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Reaches hosts behind the EMS the xCAT way: a command for any host but the EMS runs on the EMS as
 * {@code xdsh HOST 'COMMAND'}, and xdsh's {@code HOST: line} output is turned back into the
 * command's own output and exit code. Commands for the EMS go straight through.
 *
 * <p>xdsh forwards no standard input, so a command for a host behind the EMS must carry its data in
 * its arguments; one given stdin is refused rather than silently dropped.
 */
public final class XdshRelay implements Transport {
  private final Transport ems;
  private final HostName emsName;

  /** Relays through {@code ems}, the transport to the EMS, whose own name is {@code emsName}. */
  public XdshRelay(Transport ems, HostName emsName) {
    this.ems = ems;
    this.emsName = emsName;
  }

  @Override
  public ExecResult exec(HostName host, Argv command, Optional<String> stdin, Duration timeout)
      throws TransportException {
    if (host.equals(emsName)) {
      return ems.exec(host, command, stdin, timeout);
    }
    if (stdin.isPresent()) {
      throw new IllegalArgumentException(
          "xdsh forwards no input to " + host + "; put the data in the command: " + command);
    }
    ExecResult relayed =
        ems.exec(emsName, Argv.of("xdsh", host.value(), command.toShell()), timeout);
    return unwrap(host, relayed);
  }

  /** Commands for the EMS stream through; others are relayed whole, as {@link #exec} does. */
  @Override
  public ExecResult stream(HostName host, Argv command, Duration timeout, Consumer<String> stdout)
      throws TransportException {
    if (host.equals(emsName)) {
      return ems.stream(host, command, timeout, stdout);
    }
    return Transport.super.stream(host, command, timeout, stdout);
  }

  /** The remote command's own result, from what xdsh printed for {@code host}. */
  static ExecResult unwrap(HostName host, ExecResult relayed) throws TransportException {
    String prefix = host.value() + ": ";
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    OptionalInt exit = relayed.succeeded() ? OptionalInt.of(0) : OptionalInt.empty();
    for (String line : relayed.stdout().split("\n", -1)) {
      if (line.startsWith(prefix)) {
        out.append(line, prefix.length(), line.length()).append('\n');
      }
    }
    for (String line : relayed.stderr().split("\n", -1)) {
      Optional<XdshError> error = XdshError.parse(line).filter(e -> e.node().equals(host.value()));
      if (error.isPresent() && !error.get().reached()) {
        throw new TransportException(
            Layer.CONNECT, host, "unreachable through xdsh: " + relayed.stderr().strip());
      }
      if (error.isPresent()) {
        exit = OptionalInt.of(error.get().code());
      } else if (line.startsWith(prefix)) {
        err.append(line, prefix.length(), line.length()).append('\n');
      } else if (!line.isEmpty()) {
        err.append(line).append('\n');
      }
    }
    if (exit.isEmpty() && relayed.exitCode().isPresent()) {
      // xdsh failed before reaching the host (bad noderange, xcatd down): its own exit is ours.
      exit = relayed.exitCode();
    }
    return new ExecResult(exit, out.toString(), err.toString());
  }

  @Override
  public void close() {
    ems.close();
  }
}
