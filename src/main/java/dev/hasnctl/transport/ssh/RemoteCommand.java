package dev.hasnctl.transport.ssh;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.LineStream;
import dev.hasnctl.transport.StandardPath;
import dev.hasnctl.transport.TransportException;
import dev.hasnctl.transport.TransportException.Layer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;

/** One command over one session of a shared connection: send, feed, collect, end. */
final class RemoteCommand {
  /** How long {@code timeout -k} waits after TERM before KILL. */
  static final int KILL_AFTER_SECONDS = 5;

  /** Slack beyond the remote timeout before the client gives up on the channel. */
  private static final Duration WRAP_GRACE = Duration.ofSeconds(KILL_AFTER_SECONDS + 5);

  /** How long output may still arrive once the channel closed. */
  private static final Duration DRAIN = Duration.ofSeconds(5);

  /** A shell's complaint that {@code timeout} itself is missing (dash, bash, AIX ksh). */
  private static final Pattern NO_TIMEOUT =
      Pattern.compile("(?m)^.*\\btimeout: +(?:command )?not found");

  /** GNU timeout's exit code when it ended the command. */
  private static final int TIMED_OUT = 124;

  private final SshConnection connection;
  private final HostName host;
  private final Argv command;
  private final Optional<String> stdin;
  private final Duration timeout;
  private final SshOptions options;
  private final ExecutorService streams;

  /** Where standard output goes line by line as it arrives, when not kept whole. */
  private final Optional<LineStream> stdoutLines;

  RemoteCommand(
      SshConnection connection,
      HostName host,
      Argv command,
      Optional<String> stdin,
      Duration timeout,
      SshOptions options,
      ExecutorService streams,
      Optional<LineStream> stdoutLines) {
    this.connection = connection;
    this.host = host;
    this.command = command;
    this.stdin = stdin;
    this.timeout = timeout;
    this.options = options;
    this.streams = streams;
    this.stdoutLines = stdoutLines;
  }

  /**
   * The line the remote shell reads: PATH extended (a non-login SSH session often lacks xCAT's
   * directories), then the command, under {@code timeout} in {@link RemoteTimeout#WRAP} mode.
   */
  static String commandLine(Argv command, Duration timeout, RemoteTimeout mode) {
    String path = "PATH=$PATH:" + StandardPath.joined() + " ";
    return switch (mode) {
      case WRAP ->
          path
              + "timeout -k "
              + KILL_AFTER_SECONDS
              + " "
              + seconds(timeout)
              + " "
              + command.toShell();
      case SIGNAL -> path + command.toShell();
    };
  }

  /** {@code timeout}'s duration argument: seconds with up to millisecond decimals, never 0. */
  static String seconds(Duration timeout) {
    long millis = Math.max(1, timeout.toMillis());
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
  }

  ExecResult run() throws TransportException {
    SSHClient ssh = connection.client(host);
    Session session = openSession(ssh);
    Session.Command remote;
    try {
      remote = session.exec(commandLine(command, timeout, options.remoteTimeout()));
    } catch (IOException e) {
      closeQuietly(session);
      throw dropped(ssh, "could not start '" + command + "'", e);
    }
    long started = System.nanoTime();
    Future<byte[]> out =
        streams.submit(
            () -> {
              if (stdoutLines.isEmpty()) {
                return readAll(remote.getInputStream());
              }
              remote.getInputStream().transferTo(stdoutLines.get());
              return new byte[0];
            });
    Future<byte[]> err = streams.submit(() -> readAll(remote.getErrorStream()));
    streams.execute(() -> feed(remote.getOutputStream()));

    Duration deadline =
        options.remoteTimeout() == RemoteTimeout.WRAP ? timeout.plus(WRAP_GRACE) : timeout;
    try {
      remote.join(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (IOException e) {
      if (!ssh.isConnected()) {
        throw dropped(ssh, "connection lost while '" + command + "' ran", e);
      }
      if (remote.isOpen()) {
        throw abandon(remote);
      }
    }
    String stdout = utf8(out);
    String stderr = utf8(err);
    Integer status = remote.getExitStatus();
    Signal signal = remote.getExitSignal();
    closeQuietly(remote);
    stdoutLines.ifPresent(LineStream::finish);
    if (status == null && !ssh.isConnected()) {
      throw dropped(ssh, "connection lost before the exit status of '" + command + "'", null);
    }
    if (status == null) {
      String why =
          signal != null
              ? "hasnctl: the remote command was ended by signal " + signal + "\n"
              : "hasnctl: the channel closed without an exit status\n";
      return new ExecResult(OptionalInt.empty(), stdout, stderr + why);
    }
    if (options.remoteTimeout() == RemoteTimeout.WRAP && lacksTimeout(status, stderr)) {
      throw new TransportException(
          Layer.CONNECT,
          host,
          "cannot run '"
              + command
              + "': GNU timeout is not installed there ("
              + stderr.strip()
              + "); install coreutils (on AIX from the AIX Toolbox), or let a non-root user"
              + " end timed-out commands by signal");
    }
    if (options.remoteTimeout() == RemoteTimeout.WRAP
        && status == TIMED_OUT
        && System.nanoTime() - started >= timeout.toNanos()) {
      throw new TransportException(
          Layer.TIMEOUT,
          host,
          "'" + command + "' did not finish within " + timeout + "; timeout(1) ended it");
    }
    return ExecResult.exited(status, stdout, stderr);
  }

  /** Whether a WRAP command failed because the remote host has no {@code timeout} command. */
  static boolean lacksTimeout(int status, String stderr) {
    return status == 127 && NO_TIMEOUT.matcher(stderr).find();
  }

  private Session openSession(SSHClient ssh) throws TransportException {
    try {
      return ssh.startSession();
    } catch (IOException first) {
      if (ssh.isConnected() && !closedUnderIt(first)) {
        // The server refused a channel on a live connection (too many sessions, say): the
        // connection, and every command running on it, stays as it is.
        throw new TransportException(
            Layer.CONNECT, host, "cannot open an SSH session: " + first.getMessage(), first);
      }
      // The shared connection died since its last use, perhaps before the client noticed (its
      // socket closed under it): one fresh connection, then give up.
      try {
        return connection.reconnect(host, ssh).startSession();
      } catch (IOException second) {
        throw new TransportException(
            Layer.CONNECT, host, "cannot open an SSH session: " + second.getMessage(), second);
      }
    }
  }

  /**
   * Whether opening a session failed because the connection's socket or transport closed, which the
   * client may not have noticed yet; a refused channel ({@link OpenFailException}) is not that.
   */
  private static boolean closedUnderIt(IOException e) {
    if (e instanceof OpenFailException) {
      return false;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.SocketException
          || t instanceof net.schmizz.sshj.transport.TransportException
          || (t.getMessage() != null && t.getMessage().contains("closed"))) {
        return true;
      }
    }
    return false;
  }

  /** Ends a command that outlived its deadline without waiting for the remote side. */
  private TransportException abandon(Session.Command remote) {
    try {
      remote.signal(Signal.KILL);
    } catch (IOException e) {
      // A server that refuses signals (OpenSSH for root) is why WRAP exists; nothing to add here.
    }
    // Closing waits for the remote end (OpenSSH closes the channel only when the child exits),
    // so it happens in the background.
    streams.execute(() -> closeQuietly(remote));
    String how =
        options.remoteTimeout() == RemoteTimeout.WRAP
            ? "even timeout(1) did not end it (is GNU timeout installed there?); sent KILL"
            : "sent KILL (servers that refuse signals, like OpenSSH for root, keep it running)";
    return new TransportException(
        Layer.TIMEOUT, host, "'" + command + "' did not finish within " + timeout + "; " + how);
  }

  private TransportException dropped(SSHClient ssh, String what, Throwable cause) {
    return new TransportException(
        ssh.isConnected() ? Layer.CONNECT : Layer.DROPPED, host, what, cause);
  }

  private void feed(OutputStream in) {
    try (in) {
      if (stdin.isPresent()) {
        in.write(stdin.get().getBytes(StandardCharsets.UTF_8));
        in.flush();
      }
    } catch (IOException e) {
      // The command ended without reading all its input; its exit status tells what happened.
    }
  }

  private static byte[] readAll(InputStream stream) throws IOException {
    return stream.readAllBytes();
  }

  private String utf8(Future<byte[]> bytes) throws TransportException {
    try {
      return new String(bytes.get(DRAIN.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
    } catch (ExecutionException | TimeoutException e) {
      throw new TransportException(
          Layer.DROPPED, host, "output of '" + command + "' was cut off: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(Layer.DROPPED, host, "interrupted reading '" + command + "'");
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // The channel is finished with either way.
    }
  }
}
