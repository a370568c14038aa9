package dev.hasnctl.cli;

import dev.hasnctl.sim.FaultInjector;
import dev.hasnctl.sim.FaultKind;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.scenario.Drift;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.sim.scenario.ScenarioBuilder;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.SpecLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hasnctl sim}: create a simulated cluster from a spec and inject faults into it. */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description =
        "A simulated HASN cluster kept in one state file (use it with --target sim:PATH).",
    subcommands = {
      SimCommand.Init.class,
      SimCommand.Fault.class,
      SimExecCommand.class,
      SimServeCommand.class
    })
final class SimCommand {

  /** {@code hasnctl sim init SPEC --out PATH --scenario S [--drift N --seed S]}. */
  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = "Write a simulated cluster built from SPEC, in a scenario, optionally drifted.",
      footer = {
        "",
        "Exit codes: 0 written, 1 error (the spec is invalid, or the file cannot be written)."
      })
  static final class Init implements Callable<Integer> {
    @Spec private CommandSpec command;

    @Parameters(paramLabel = "SPEC", description = "The cluster spec, e.g. cluster.yaml.")
    private Path specFile;

    @Option(names = "--out", required = true, description = "The state file to write.")
    private Path out;

    @Option(
        names = "--scenario",
        defaultValue = "fresh",
        description = "fresh, converged or legacy (${DEFAULT-VALUE}).")
    private String scenario;

    @Option(names = "--drift", defaultValue = "0", description = "How many random drifts to apply.")
    private int drift;

    @Option(names = "--seed", defaultValue = "1", description = "The drift's random seed.")
    private long seed;

    @Override
    public Integer call() {
      PrintWriter stdout = command.commandLine().getOut();
      PrintWriter stderr = command.commandLine().getErr();
      Scenario chosen =
          Scenario.parse(scenario)
              .orElseThrow(
                  () ->
                      new CliFailure(
                          "unknown scenario '" + scenario + "': use fresh, converged or legacy"));
      SpecLoader.Result loaded = SpecFiles.load(specFile);
      if (loaded.spec().isEmpty() || !loaded.errors().isEmpty()) {
        loaded.errors().forEach(d -> stderr.println(d));
        stderr.println(specFile + ": invalid; run hasnctl validate " + specFile + " for details");
        return ExitCodes.ERROR;
      }
      ClusterSpec spec = loaded.spec().get();
      SimState state;
      try {
        state = ScenarioBuilder.build(spec, chosen, TealSecret.read(spec.teal(), System::getenv));
      } catch (IllegalArgumentException e) {
        throw new CliFailure(
            e.getMessage() + ": set it (the simulated database gets that password) or start fresh");
      }
      if (drift < 0) {
        throw new CliFailure("--drift must be 0 or more, not " + drift);
      }
      Drift.apply(state, drift, seed).forEach(stdout::println);
      SimStore.create(out, state);
      stdout.println(
          "wrote "
              + out
              + ": "
              + chosen.cliName()
              + " "
              + spec.name()
              + ", "
              + state.hosts.size()
              + " hosts");
      return ExitCodes.OK;
    }
  }

  /** {@code hasnctl sim fault PATH KIND HOST [ARG]}. */
  @Command(
      name = "fault",
      mixinStandardHelpOptions = true,
      description = {
        "Inject a fault into a simulated cluster: down, up, nfsd-stop, gpfs-down, fail-command "
            + "PATTERN:EXIT, hang-command PATTERN:SECONDS, drop-connection PATTERN, clear."
      },
      footer = {"", "Exit codes: 0 injected, 1 error."})
  static final class Fault implements Callable<Integer> {
    @Spec private CommandSpec command;

    @Parameters(index = "0", paramLabel = "PATH", description = "The state file.")
    private Path path;

    @Parameters(index = "1", paramLabel = "KIND", description = "The fault kind.")
    private String kind;

    @Parameters(index = "2", paramLabel = "HOST", description = "The host it hits.")
    private String host;

    @Parameters(
        index = "3",
        arity = "0..1",
        paramLabel = "ARG",
        description = "The kind's argument.")
    private String arg;

    @Override
    public Integer call() {
      FaultKind chosen =
          FaultKind.parse(kind)
              .orElseThrow(
                  () ->
                      new CliFailure(
                          "unknown fault kind '"
                              + kind
                              + "': use down, up, nfsd-stop, gpfs-down,"
                              + " fail-command, hang-command, drop-connection or clear"));
      String done;
      try {
        SimStore store = SimStore.open(path);
        done =
            store.transact(
                cluster -> {
                  cluster.markChanged();
                  return FaultInjector.inject(
                      cluster.state(), chosen, host, Optional.ofNullable(arg));
                });
      } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
        throw new CliFailure(e.getMessage());
      }
      command.commandLine().getOut().println("fault: " + done);
      return ExitCodes.OK;
    }
  }
}
