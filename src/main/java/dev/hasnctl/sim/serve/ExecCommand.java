package dev.hasnctl.sim.serve;

import dev.hasnctl.transport.ExecResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One exec channel: reads the client's input, runs the command line through the handler in its own
 * thread, sends stdout and stderr, then the exit status.
 *
 * <p>Input: a client that sends nothing and no end-of-input within {@link #STDIN_GRACE} (OpenSSH's
 * {@code ssh} on a terminal) gets no input; once input starts, it is read to its end.
 */
final class ExecCommand implements Command {
  /** How long to wait for a first byte or end of input before running without input. */
  static final Duration STDIN_GRACE = Duration.ofMillis(250);

  /** A signalled command's exit code: 128 + SIGKILL, as a shell reports it. */
  private static final int KILLED = 128 + 9;

  private final String commandLine;
  private final ShellHandler handler;
  private final ExecutorService threads;
  private final ScheduledExecutorService timers;
  private InputStream in;
  private OutputStream out;
  private OutputStream err;
  private ExitCallback exit;
  private ChannelSession channel;
  private Future<?> running;
  private volatile boolean timedOut;

  ExecCommand(
      String commandLine,
      ShellHandler handler,
      ExecutorService threads,
      ScheduledExecutorService timers) {
    this.commandLine = commandLine;
    this.handler = handler;
    this.threads = threads;
    this.timers = timers;
  }

  @Override
  public void setInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    this.err = err;
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exit = callback;
  }

  @Override
  public synchronized void start(ChannelSession channel, Environment env) {
    this.channel = channel;
    running = threads.submit(this::run);
    env.addSignalListener((ch, signal) -> interrupt());
  }

  @Override
  public void destroy(ChannelSession channel) {
    interrupt();
  }

  private synchronized void interrupt() {
    if (running != null) {
      running.cancel(true);
    }
  }

  private void run() {
    ClientPrefix prefix = ClientPrefix.strip(commandLine);
    Future<?> timer =
        prefix
            .limit()
            .<Future<?>>map(
                limit ->
                    timers.schedule(
                        () -> {
                          timedOut = true;
                          interrupt();
                        },
                        limit.toMillis(),
                        TimeUnit.MILLISECONDS))
            .orElse(CompletableFuture.completedFuture(null));
    try {
      Optional<String> stdin = readInput();
      ExecResult result = handler.run(prefix.command(), stdin);
      timer.cancel(false);
      send(result.stdout(), result.stderr());
      if (result.exitCode().isPresent()) {
        exit.onExit(result.exitCode().getAsInt());
      } else {
        channel.close(false); // no exit status: the client must not read success
      }
    } catch (InterruptedException e) {
      finishInterrupted();
    } catch (ShellHandler.DroppedConnection e) {
      send(e.partialStdout(), "");
      channel.getSession().close(true);
    } catch (RuntimeException e) {
      send("", "sim: " + e.getMessage() + "\n");
      exit.onExit(127, String.valueOf(e.getMessage()));
    } catch (IOException | ExecutionException e) {
      exit.onExit(255, "cannot read the input: " + e.getMessage());
    }
  }

  private void finishInterrupted() {
    Thread.interrupted(); // clear, so the output below is not cut short
    if (timedOut) {
      exit.onExit(ClientPrefix.TIMED_OUT);
    } else {
      exit.onExit(KILLED, "killed");
    }
  }

  private Optional<String> readInput()
      throws IOException, InterruptedException, ExecutionException {
    CompletableFuture<Boolean> firstActivity = new CompletableFuture<>();
    CompletableFuture<byte[]> all = new CompletableFuture<>();
    threads.execute(() -> drain(firstActivity, all));
    try {
      firstActivity.get(STDIN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return Optional.empty(); // nothing is coming (an interactive ssh): run without input
    }
    byte[] bytes = all.get();
    return bytes.length == 0
        ? Optional.empty()
        : Optional.of(new String(bytes, StandardCharsets.UTF_8));
  }

  private void drain(CompletableFuture<Boolean> firstActivity, CompletableFuture<byte[]> all) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      int n = in.read(buffer);
      firstActivity.complete(true);
      while (n >= 0) {
        bytes.write(buffer, 0, n);
        n = in.read(buffer);
      }
      all.complete(bytes.toByteArray());
    } catch (IOException e) {
      firstActivity.complete(true);
      all.completeExceptionally(e);
    }
  }

  private void send(String stdout, String stderr) {
    try {
      out.write(stdout.getBytes(StandardCharsets.UTF_8));
      out.flush();
      err.write(stderr.getBytes(StandardCharsets.UTF_8));
      err.flush();
    } catch (IOException e) {
      // The client went away; the exit status below has nowhere to go either.
    }
  }
}
