package dev.hasnctl.cli;

import dev.hasnctl.model.HostName;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.SimTransport;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.sim.scenario.ScenarioBuilder;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.Ems;
import dev.hasnctl.transport.Target;
import dev.hasnctl.transport.Transport;
import dev.hasnctl.transport.XdshRelay;
import dev.hasnctl.transport.local.LocalTransport;
import dev.hasnctl.transport.ssh.SshOptions;
import dev.hasnctl.transport.ssh.SshTransport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the transport to a cluster from {@code --target} or the spec's own connection. */
final class Clusters {
  private Clusters() {}

  /**
   * A connection to the cluster.
   *
   * @param transport reaches every host: the EMS directly, others as the spec's snAccess says
   * @param description the target, for messages, e.g. {@code sim:/tmp/c.json}
   */
  record Opened(Transport transport, String description) implements AutoCloseable {
    @Override
    public void close() {
      transport.close();
    }
  }

  /** Opens the cluster {@code spec} describes; a new sim state file is announced on {@code err}. */
  static Opened open(ClusterSpec spec, TargetOptions options, PrintWriter err) {
    String value = options.target != null ? options.target : spec.ems().connection();
    Target target;
    try {
      target = Target.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CliFailure(e.getMessage());
    }
    HostName ems = spec.ems().name();
    boolean direct = spec.ems().snAccess() == Ems.SnAccess.DIRECT;
    Transport transport;
    if (target instanceof Target.Sim sim) {
      transport = new SimTransport(simStore(spec, sim.state(), err));
    } else if (target instanceof Target.Ssh ssh) {
      SshOptions ssho = SshOptions.defaults();
      if (options.sshKey != null) {
        requireReadable(options.sshKey, "--ssh-key");
        ssho = ssho.withIdentity(options.sshKey);
      }
      if (options.knownHosts != null) {
        requireReadable(options.knownHosts, "--known-hosts");
        ssho = ssho.withKnownHosts(options.knownHosts);
      }
      transport =
          direct
              ? SshTransport.direct(
                  ssh.user().orElse(System.getProperty("user.name")), ssh.port(), ssho)
              : SshTransport.toEms(ems, ssh, ssho);
    } else {
      if (direct) {
        throw new CliFailure(
            "snAccess: direct needs an ssh:// target (the local target reaches SNs through xdsh)");
      }
      transport = new LocalTransport(ems);
    }
    if (!direct) {
      transport = new XdshRelay(transport, ems);
    }
    return new Opened(transport, target.toString());
  }

  /** {@code description} with a sim target's path made absolute, for a plan saved for later. */
  static String absolute(String description) {
    return description.startsWith("sim:")
        ? "sim:" + Path.of(description.substring(4)).toAbsolutePath().normalize()
        : description;
  }

  private static SimStore simStore(ClusterSpec spec, Path state, PrintWriter err) {
    if (!Files.exists(state)) {
      SimStore.create(state, ScenarioBuilder.build(spec, Scenario.FRESH));
      err.println(
          "hasnctl: created the simulated cluster "
              + state
              + " from "
              + spec.name()
              + " (scenario fresh: nothing of HASN configured yet)");
    }
    return SimStore.open(state);
  }

  private static void requireReadable(Path file, String option) {
    if (!Files.isReadable(file)) {
      throw new CliFailure(option + " " + file + ": cannot read it");
    }
  }
}
