package dev.hasnctl.cli;

import dev.hasnctl.sim.CostModel;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.serve.EmsShell;
import dev.hasnctl.sim.serve.SimSshConfig;
import dev.hasnctl.sim.serve.SimSshServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hasnctl sim serve PATH}: the simulated EMS over SSH, in the foreground. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the simulated cluster in PATH over SSH on 127.0.0.1, as its EMS: every exec runs "
          + "through the simulator's shell on the EMS (xdsh reaches the SNs and nodes). Runs until "
          + "interrupted (Ctrl-C)."
    },
    footer = {
      "",
      "Example:",
      "  hasnctl sim serve /tmp/c.json --port 2222 --known-hosts-out ~/.ssh/known_hosts",
      "  ssh -p 2222 root@127.0.0.1 'lsdef -t site -c -i domain,useNFSv4onAIX'",
      "",
      "Exit codes: 0 stopped, 1 error (no state, no authorized key, port taken)."
    })
public final class SimServeCommand implements Callable<Integer> {
  @Spec private CommandSpec command;

  @Parameters(paramLabel = "PATH", description = "The state file written by hasnctl sim init.")
  private Path state;

  @Option(
      names = "--port",
      defaultValue = "2222",
      description = "Port on 127.0.0.1; 0 picks a free one (${DEFAULT-VALUE}).")
  private int port;

  @Option(
      names = "--authorized-keys",
      paramLabel = "FILE",
      description = {
        "authorized_keys file whose keys may log in (repeatable). Default: "
            + "~/.ssh/authorized_keys and your own ~/.ssh/id_*.pub, those that exist."
      })
  private List<Path> authorizedKeys = List.of();

  @Option(
      names = "--known-hosts-out",
      paramLabel = "FILE",
      description =
          "Write the server's known_hosts line for [127.0.0.1]:PORT into FILE (other lines kept).")
  private Path knownHostsOut;

  @Option(
      names = "--host-key",
      paramLabel = "FILE",
      description = "The server's ed25519 host key, made if missing. Default: PATH.host_ed25519.")
  private Path hostKey;

  @Option(
      names = "--exec-latency",
      paramLabel = "TIME",
      defaultValue = "0ms",
      converter = DurationConverter.class,
      description =
          "Cost model: time each SSH exec takes before its command runs (${DEFAULT-VALUE}).")
  private Duration execLatency;

  @Option(
      names = "--fanout",
      paramLabel = "N",
      defaultValue = "64",
      description =
          "Cost model: nodes xdsh and xdcp reach at once, xCAT's default (${DEFAULT-VALUE}).")
  private int fanout;

  @Option(
      names = "--hop-latency",
      paramLabel = "TIME",
      defaultValue = "0ms",
      converter = DurationConverter.class,
      description =
          "Cost model: time each wave of an xdsh or xdcp fan-out takes (${DEFAULT-VALUE}).")
  private Duration hopLatency;

  @Option(
      names = "--host-time",
      paramLabel = "TIME",
      defaultValue = "0ms",
      converter = DurationConverter.class,
      description = "Cost model: time each host takes to run a command (${DEFAULT-VALUE}).")
  private Duration hostTime;

  private static String describe(CostModel cost) {
    return "charging "
        + cost.execLatency().toMillis()
        + " ms per exec, "
        + cost.hostTime().toMillis()
        + " ms per host command, "
        + cost.hopLatency().toMillis()
        + " ms per xdsh wave of "
        + cost.fanout()
        + " nodes";
  }

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    SimStore store;
    try {
      store = SimStore.open(state);
    } catch (UncheckedIOException e) {
      throw new CliFailure(e.getCause().getMessage());
    }
    CostModel cost;
    try {
      cost = new CostModel(execLatency, fanout, hopLatency, hostTime);
    } catch (IllegalArgumentException e) {
      throw new CliFailure("--fanout: " + e.getMessage());
    }
    store.costModel(cost);
    EmsShell shell;
    try {
      shell = EmsShell.of(store);
    } catch (IllegalArgumentException e) {
      throw new CliFailure(state + ": " + e.getMessage());
    }
    Path key =
        hostKey != null ? hostKey : state.resolveSibling(state.getFileName() + ".host_ed25519");
    SimSshConfig config =
        new SimSshConfig(port, keyFiles(), key, Optional.ofNullable(knownHostsOut));
    SimSshServer server;
    try {
      server = SimSshServer.start(config, shell);
    } catch (IOException | UncheckedIOException e) {
      throw new CliFailure(
          "cannot serve " + state + " on 127.0.0.1:" + port + ": " + e.getMessage());
    }
    try {
      out.println(
          "hasnctl sim: serving "
              + state
              + " as EMS "
              + shell.emsName()
              + " on 127.0.0.1:"
              + server.port()
              + " (host key "
              + server.fingerprint()
              + (knownHostsOut != null ? ", known_hosts line in " + knownHostsOut : "")
              + (cost.equals(CostModel.FREE) ? "" : ", " + describe(cost))
              + "); Ctrl-C stops");
      out.flush();
      new CountDownLatch(1).await(); // until interrupted
      return ExitCodes.OK;
    } catch (InterruptedException e) {
      return ExitCodes.OK;
    } finally {
      server.close();
    }
  }

  private List<Path> keyFiles() {
    if (!authorizedKeys.isEmpty()) {
      return authorizedKeys;
    }
    Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
    List<Path> found =
        List.of("authorized_keys", "id_ed25519.pub", "id_ecdsa.pub", "id_rsa.pub").stream()
            .map(ssh::resolve)
            .filter(Files::isRegularFile)
            .toList();
    if (found.isEmpty()) {
      throw new CliFailure(
          "no key may log in: none of ~/.ssh/authorized_keys or ~/.ssh/id_*.pub exists;"
              + " give one with --authorized-keys FILE (ssh-keygen -t ed25519 makes a key)");
    }
    return found;
  }
}
