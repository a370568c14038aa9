package dev.hasnctl.transport.local;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.LineStream;
import dev.hasnctl.transport.StandardPath;
import dev.hasnctl.transport.Transport;
import dev.hasnctl.transport.TransportException;
import dev.hasnctl.transport.TransportException.Layer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Runs commands on this machine, which must be the EMS: the argv goes straight to the process,
 * never through a shell.
 *
 * <p>Contract: only the EMS is accepted as a host (hosts behind it are reached with {@code xdsh} on
 * the EMS, which is itself a command run here). A program that cannot be started returns exit 127
 * with the reason on stderr, as a shell would, so every transport reports a missing command alike.
 * On timeout the process and its descendants are killed and {@link Layer#TIMEOUT} is thrown.
 * Thread-safe: every call starts its own process.
 */
public final class LocalTransport implements Transport {
  /** How long output pumps may drain after the process ended (a killed child's orphans). */
  private static final Duration PUMP_DRAIN = Duration.ofSeconds(2);

  private final HostName ems;
  private final Map<String, String> environment;

  /** A transport for the EMS {@code ems}, with this process's environment and the standard PATH. */
  public LocalTransport(HostName ems) {
    this(ems, System.getenv());
  }

  /** A transport for {@code ems} whose commands see {@code environment} with PATH extended. */
  public LocalTransport(HostName ems, Map<String, String> environment) {
    this.ems = ems;
    Map<String, String> env = new HashMap<>(environment);
    env.put("PATH", StandardPath.appendTo(environment.get("PATH")));
    this.environment = Map.copyOf(env);
  }

  /** The environment commands run with. */
  public Map<String, String> environment() {
    return environment;
  }

  @Override
  public ExecResult exec(HostName host, Argv command, Optional<String> stdin, Duration timeout)
      throws TransportException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExecResult result = run(host, command, stdin, timeout, out);
    return new ExecResult(result.exitCode(), utf8(out), result.stderr());
  }

  @Override
  public ExecResult stream(HostName host, Argv command, Duration timeout, Consumer<String> stdout)
      throws TransportException {
    LineStream lines = new LineStream(stdout);
    ExecResult result = run(host, command, Optional.empty(), timeout, lines);
    lines.finish();
    return result;
  }

  /** Runs {@code command}, its standard output written to {@code out}, the rest in the result. */
  private ExecResult run(
      HostName host, Argv command, Optional<String> stdin, Duration timeout, OutputStream out)
      throws TransportException {
    requireEms(host);
    CommandLine line = new CommandLine(command.program());
    for (String arg : command.args().subList(1, command.args().size())) {
      line.addArgument(arg, false);
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    InputStream in =
        stdin
            .map(s -> (InputStream) new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)))
            .orElse(null);
    PumpStreamHandler streams = new PumpStreamHandler(out, err, in);
    streams.setStopTimeout(PUMP_DRAIN);
    TreeKillingWatchdog watchdog = new TreeKillingWatchdog(timeout);
    DefaultExecutor executor = DefaultExecutor.builder().setExecuteStreamHandler(streams).get();
    executor.setWatchdog(watchdog);
    executor.setExitValues(null);
    int code;
    try {
      code = executor.execute(line, environment);
    } catch (ExecuteException e) {
      if (watchdog.killedProcess()) {
        throw timedOut(host, command, timeout);
      }
      return notStarted(command, e);
    } catch (IOException e) {
      return notStarted(command, e);
    }
    if (watchdog.killedProcess()) {
      throw timedOut(host, command, timeout);
    }
    return ExecResult.exited(code, "", utf8(err));
  }

  private void requireEms(HostName host) throws TransportException {
    if (!host.shortName().toLowerCase(Locale.ROOT).equals(ems.shortName().toLowerCase(Locale.ROOT))
        && !host.value().equalsIgnoreCase("localhost")) {
      throw new TransportException(
          Layer.CONNECT,
          host,
          "the local transport runs commands only on the EMS ("
              + ems
              + "); reach "
              + host
              + " through xdsh on the EMS, or use --target ssh://USER@"
              + host);
    }
  }

  private static TransportException timedOut(HostName host, Argv command, Duration timeout) {
    return new TransportException(
        Layer.TIMEOUT,
        host,
        "'" + command + "' did not finish within " + seconds(timeout) + "; it was killed");
  }

  private static ExecResult notStarted(Argv command, IOException e) {
    return ExecResult.exited(
        127, "", "hasnctl: cannot run " + command.program() + ": " + e.getMessage() + "\n");
  }

  private static String seconds(Duration timeout) {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }

  private static String utf8(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    // Nothing is held between calls.
  }
}
