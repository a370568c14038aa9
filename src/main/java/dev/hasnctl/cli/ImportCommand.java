package dev.hasnctl.cli;

import dev.hasnctl.model.HostName;
import dev.hasnctl.probe.Discovered;
import dev.hasnctl.probe.Discovery;
import dev.hasnctl.sim.Role;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.SimTransport;
import dev.hasnctl.spec.SpecWriter;
import dev.hasnctl.transport.Target;
import dev.hasnctl.transport.Transport;
import dev.hasnctl.transport.TransportException;
import dev.hasnctl.transport.XdshRelay;
import dev.hasnctl.transport.local.LocalTransport;
import dev.hasnctl.transport.ssh.SshOptions;
import dev.hasnctl.transport.ssh.SshTransport;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hasnctl import}: a spec written from what a running cluster shows, changing nothing. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Read an existing cluster (read-only, batched like plan's probe) and write a spec that "
          + "describes it, in the layout of examples/cluster.yaml. Review it, commit it, then "
          + "plan with it. Secrets are never read: the TEAL password is written as a reference."
    },
    footer = {
      "",
      "Where the service nodes disagree, the majority is written and the disagreement listed on",
      "standard error. Exit codes: 0 written, 1 error, 3 written but some hosts or commands",
      "could not be read (listed on standard error)."
    })
final class ImportCommand implements Callable<Integer> {
  /** Where editors find the schema when the spec is not inside a hasnctl checkout. */
  static final String SCHEMA_URL = "https://hasnctl.dev/schema/cluster.schema.json";

  @Spec private CommandSpec command;

  @Mixin private TargetOptions target;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the spec to FILE (default: standard output). An existing FILE is kept.")
  private Path out;

  @Option(
      names = "--force",
      description = "Replace an existing --out FILE (its old content is lost).")
  private boolean force;

  @Option(
      names = "--ems",
      paramLabel = "NAME",
      description =
          "The EMS's host name (default: the simulated cluster's EMS, the ssh:// host, or this"
              + " machine's name for local).")
  private String emsName;

  @Override
  public Integer call() {
    PrintWriter stdout = command.commandLine().getOut();
    PrintWriter stderr = command.commandLine().getErr();
    if (target.target == null) {
      throw new CliFailure("import needs --target: local, ssh://[USER@]HOST[:PORT] or sim:PATH");
    }
    if (out != null && Files.exists(out) && !force) {
      throw new CliFailure(out + " exists: import never overwrites a spec (use --force)");
    }
    Target where;
    try {
      where = Target.parse(target.target);
    } catch (IllegalArgumentException e) {
      throw new CliFailure(e.getMessage());
    }
    Opened opened = open(where);
    Discovered found;
    try (Transport transport = opened.transport()) {
      found = new Discovery(transport, opened.ems(), target.probeTimeout()).discover();
    } catch (TransportException e) {
      throw new CliFailure("cannot read the cluster at " + where + ": " + e.getMessage());
    } catch (Discovery.NotAnEms e) {
      throw new CliFailure(e.getMessage() + "; nothing was imported");
    }
    String connection = where instanceof Target.Ssh ? where.toString() : "local";
    Importer.Imported spec = Importer.of(found, connection, opened.ems());
    List<String> header = new ArrayList<>();
    header.add(
        "Imported by hasnctl "
            + version()
            + " from "
            + where
            + " at "
            + Instant.now().truncatedTo(ChronoUnit.SECONDS)
            + ".");
    header.add("Review it, commit it, then: hasnctl plan FILE (expect \"No changes\").");
    if (!spec.notes().isEmpty()) {
      header.add("");
      header.add("Not read from the cluster (the spec's defaults apply; review them):");
      spec.notes().forEach(n -> header.add("  - " + n));
    }
    String text = SpecWriter.write(schema(), header, spec.tree(), spec.comments());
    spec.disagreements().forEach(d -> stderr.println("hasnctl: " + d));
    found.problems().forEach(p -> stderr.println("hasnctl: could not read " + p));
    if (out == null) {
      stdout.print(text);
      stdout.flush();
    } else {
      LocalFiles.replace(out, text);
      stderr.println(
          "Wrote "
              + out
              + " from "
              + where
              + "; next: hasnctl validate "
              + out
              + " && hasnctl plan "
              + out
              + " --target "
              + target.target);
    }
    return found.problems().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
  }

  private record Opened(Transport transport, HostName ems) {}

  private Opened open(Target where) {
    if (where instanceof Target.Sim sim) {
      if (!Files.exists(sim.state())) {
        throw new CliFailure(
            sim.state()
                + " does not exist: import reads an existing cluster (make one with hasnctl sim"
                + " init)");
      }
      SimStore store = SimStore.open(sim.state());
      HostName ems =
          emsName != null
              ? name(emsName)
              : store.snapshot().hostsWith(Role.EMS).stream()
                  .map((SimHost h) -> HostName.of(h.name))
                  .findFirst()
                  .orElseThrow(() -> new CliFailure(sim.state() + " has no EMS"));
      return new Opened(new XdshRelay(new SimTransport(store), ems), ems);
    }
    if (where instanceof Target.Ssh ssh) {
      SshOptions options = SshOptions.defaults();
      if (target.sshKey != null) {
        options = options.withIdentity(target.sshKey);
      }
      if (target.knownHosts != null) {
        options = options.withKnownHosts(target.knownHosts);
      }
      HostName ems = emsName != null ? name(emsName) : ssh.host();
      return new Opened(new XdshRelay(SshTransport.toEms(ems, ssh, options), ems), ems);
    }
    HostName ems = emsName != null ? name(emsName) : localName();
    return new Opened(new XdshRelay(new LocalTransport(ems), ems), ems);
  }

  private static HostName name(String value) {
    if (!HostName.isValid(value)) {
      throw new CliFailure("--ems " + value + ": not a host name");
    }
    return HostName.of(value);
  }

  private static HostName localName() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name(name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
    } catch (UnknownHostException e) {
      throw new CliFailure(
          "this machine's host name is unknown (" + e.getMessage() + "): use --ems");
    }
  }

  /** The schema's path relative to the spec when both are in this checkout, else its URL. */
  private String schema() {
    Path checkout = Path.of("").toAbsolutePath().normalize();
    Path schema = checkout.resolve("schema/cluster.schema.json");
    if (out == null || !Files.exists(schema)) {
      return SCHEMA_URL;
    }
    Path dir = out.toAbsolutePath().normalize().getParent();
    return dir.startsWith(checkout) ? dir.relativize(schema).toString() : SCHEMA_URL;
  }

  private static String version() {
    String v = HasnctlCommand.class.getPackage().getImplementationVersion();
    return v == null ? "(development build)" : v;
  }
}
