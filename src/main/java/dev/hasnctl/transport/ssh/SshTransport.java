package dev.hasnctl.transport.ssh;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.LineStream;
import dev.hasnctl.transport.Target;
import dev.hasnctl.transport.Transport;
import dev.hasnctl.transport.TransportException;
import dev.hasnctl.transport.TransportException.Layer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs commands over SSH (sshj): one connection per endpoint, reused by every command and thread,
 * each command in its own session, sent as {@link Argv#toShell()} for the remote login shell.
 *
 * <p>Contract: host keys are checked strictly against known_hosts; key authentication only. A
 * command that outlives its timeout is ended on the remote host ({@link RemoteTimeout}) and
 * reported as {@link Layer#TIMEOUT}. A command whose channel closed without an exit status returns
 * an empty exit code, never 0; a connection lost before the exit status is {@link Layer#DROPPED}.
 * Thread-safe.
 */
public final class SshTransport implements Transport {
  private final Function<HostName, Optional<Endpoint>> route;
  private final String routeDescription;
  private final SshOptions options;
  private final Map<Endpoint, SshConnection> connections = new ConcurrentHashMap<>();
  private final ExecutorService streams =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "hasnctl-ssh-stream");
            thread.setDaemon(true);
            return thread;
          });

  private SshTransport(
      Function<HostName, Optional<Endpoint>> route, String routeDescription, SshOptions options) {
    this.route = route;
    this.routeDescription = routeDescription;
    this.options = options;
  }

  /**
   * A transport to the EMS {@code ems} only, reached at {@code endpoint} (the {@code --target}):
   * hosts behind the EMS are reached with {@code xdsh} there, as DESIGN.md says.
   */
  public static SshTransport toEms(HostName ems, Endpoint endpoint, SshOptions options) {
    String shortName = ems.shortName().toLowerCase(Locale.ROOT);
    return new SshTransport(
        host ->
            host.shortName().toLowerCase(Locale.ROOT).equals(shortName)
                ? Optional.of(endpoint)
                : Optional.empty(),
        "only the EMS (" + ems + ") is reached over SSH; hosts behind it go through xdsh there",
        options);
  }

  /**
   * A transport to the EMS {@code ems} at the {@code --target ssh://...} value {@code target}, as
   * the target's user or, like OpenSSH, the local user.
   */
  public static SshTransport toEms(HostName ems, Target.Ssh target, SshOptions options) {
    String user = target.user().orElse(System.getProperty("user.name"));
    return toEms(ems, new Endpoint(user, target.host(), target.port()), options);
  }

  /** A transport that reaches every host directly, by its name, as {@code user} on {@code port}. */
  public static SshTransport direct(String user, int port, SshOptions options) {
    return new SshTransport(
        host -> Optional.of(new Endpoint(user, host, port)), "direct to every host", options);
  }

  @Override
  public ExecResult exec(HostName host, Argv command, Optional<String> stdin, Duration timeout)
      throws TransportException {
    return run(host, command, stdin, timeout, Optional.empty());
  }

  @Override
  public ExecResult stream(HostName host, Argv command, Duration timeout, Consumer<String> stdout)
      throws TransportException {
    return run(host, command, Optional.empty(), timeout, Optional.of(new LineStream(stdout)));
  }

  private ExecResult run(
      HostName host,
      Argv command,
      Optional<String> stdin,
      Duration timeout,
      Optional<LineStream> stdoutLines)
      throws TransportException {
    Endpoint endpoint =
        route
            .apply(host)
            .orElseThrow(
                () ->
                    new TransportException(
                        Layer.CONNECT, host, "no SSH route: " + routeDescription));
    SshConnection connection =
        connections.computeIfAbsent(endpoint, e -> new SshConnection(e, options));
    try {
      if (!connection.sessions().tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new TransportException(
            Layer.TIMEOUT,
            host,
            "'" + command + "' could not start within " + timeout + ": all sessions busy");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(Layer.TIMEOUT, host, "interrupted before '" + command + "'");
    }
    try {
      return new RemoteCommand(
              connection, host, command, stdin, timeout, options, streams, stdoutLines)
          .run();
    } finally {
      connection.sessions().release();
    }
  }

  /** Whether a connection to {@code endpoint} is open, for tests of reuse. */
  boolean isConnected(Endpoint endpoint) {
    SshConnection connection = connections.get(endpoint);
    return connection != null && connection.isConnected();
  }

  @Override
  public void close() {
    connections.values().forEach(SshConnection::close);
    connections.clear();
    streams.shutdownNow();
  }
}
