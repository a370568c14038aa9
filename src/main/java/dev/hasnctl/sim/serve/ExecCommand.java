package dev.hasnctl.sim.serve;

import dev.hasnctl.transport.ExecResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One exec channel: reads the client's input, runs the command line through the handler in its own
 * thread, sends stdout and stderr, then the exit status.
 *
 * <p>Input: as sshd does, the command starts at once. A command line that reads its standard input
 * (the handler says which do) is given all of the client's input, read to its end, as a real {@code
 * cat} would block for it; any other runs without input, whatever the client sends or holds open
 * ({@code ssh} without {@code -n}).
 */
final class ExecCommand implements Command {
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
      Optional<String> stdin =
          handler.readsInput(prefix.command()) ? readInput() : Optional.empty();
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
    } catch (IOException e) {
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

  private Optional<String> readInput() throws IOException {
    byte[] bytes = in.readAllBytes();
    return bytes.length == 0
        ? Optional.empty()
        : Optional.of(new String(bytes, StandardCharsets.UTF_8));
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
