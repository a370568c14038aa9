package dev.hasnctl.cli;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Noderange;
import dev.hasnctl.plan.WhatIf;
import dev.hasnctl.probe.Showfs;
import dev.hasnctl.spec.ComputeGroup;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.TransportException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hasnctl drill SN SPEC}: the seed's failover test. Every compute node SN serves must be
 * served by SN; nfsd is stopped on SN; every node must now be served by its backup; nfsd is started
 * again (always: on failure and on Ctrl-C too); every node must come back to SN.
 */
@Command(
    name = "drill",
    mixinStandardHelpOptions = true,
    description = {
      "Prove the NFS failover works before it is needed: stop nfsd on SN, check every node it "
          + "serves moves to its backup, start nfsd again, check they return. Refuses unless every "
          + "such node's backup is ready; always restarts nfsd."
    },
    footer = {
      "",
      "Exit codes: 0 every node failed over and back, 1 error or refused, 2 some did not."
    })
final class DrillCommand implements Callable<Integer> {
  private static final Duration STEP = Duration.ofMinutes(5);

  /** Seconds xdsh waits for a node ({@code xdsh -t}): a hung node must not hang the drill. */
  private static final String NODE_WAIT = "60";

  @Spec private CommandSpec command;

  @Parameters(index = "0", paramLabel = "SN", description = "The service node to test.")
  private String sn;

  @Parameters(index = "1", paramLabel = "SPEC", description = "The cluster spec.")
  private Path specFile;

  @Mixin private TargetOptions target;

  @Override
  public Integer call() throws TransportException {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    try (Session session = Session.open(specFile, target, err)) {
      if (session.spec.serviceNode(sn).isEmpty()) {
        throw new CliFailure(sn + " is not a service node of " + specFile);
      }
      HostName host = HostName.of(sn);
      WhatIf.Death death =
          WhatIf.of(
              session.spec,
              session.desired,
              session.probe.observe(session.desired).resources(),
              host);
      if (death.groups().isEmpty()) {
        throw new CliFailure(sn + " serves no compute nodes now; nothing to drill");
      }
      List<String> notReady = new ArrayList<>();
      death.groups().stream()
          .filter(g -> !g.keepsNfs())
          .forEach(g -> notReady.add(g.group() + " (" + String.join("; ", g.why()) + ")"));
      if (!notReady.isEmpty()) {
        throw new CliFailure(
            "refusing to stop nfsd on "
                + sn
                + ": no ready backup for "
                + String.join(", ", notReady));
      }
      List<String> nodes = new ArrayList<>();
      String backupName = "";
      for (ComputeGroup group : session.spec.groups()) {
        if (group.activeServiceNode().equals(host)) {
          nodes.addAll(Noderange.expand(group.nodes()));
          backupName = group.standbyServiceNode().value();
        }
      }
      String own = host.value();
      String range = Noderange.compress(nodes);
      Map<String, Set<String>> before = showfs(session, range);
      Map<String, Set<String>> during;
      Map<String, Set<String>> after;
      Thread restart = new Thread(() -> startNfs(session, host));
      Runtime.getRuntime().addShutdownHook(restart);
      try {
        out.println("Stopping nfsd on " + sn + " (xdsh " + sn + " stopsrc -s nfsd) ...");
        mustSucceed(
            session.cluster.transport().exec(host, Argv.of("stopsrc", "-s", "nfsd"), STEP),
            "stopsrc -s nfsd");
        // Generate NFS activity so each client notices the server is gone and fails over.
        session
            .cluster
            .transport()
            .exec(session.spec.ems().name(), Argv.of("xdsh", range, "-t", NODE_WAIT, "ls /"), STEP);
        during = showfs(session, range);
      } finally {
        out.println("Starting nfsd on " + sn + " again (startsrc -s nfsd) ...");
        startNfs(session, host);
        Runtime.getRuntime().removeShutdownHook(restart);
      }
      after = showfs(session, range);
      int failed = 0;
      out.printf("%-10s %-12s %-12s %-12s %s%n", "node", "before", "nfsd down", "after", "result");
      for (String node : nodes) {
        String b = servers(before, node);
        String d = servers(during, node);
        String a = servers(after, node);
        boolean ok = b.equals(own) && d.equals(backupName) && a.equals(own);
        failed += ok ? 0 : 1;
        out.printf(
            "%-10s %-12s %-12s %-12s %s%n",
            node,
            b,
            d,
            a,
            ok ? "ok" : "FAILED: expected " + own + " / " + backupName + " / " + own);
      }
      out.println(
          failed == 0
              ? "Drill passed: all "
                  + nodes.size()
                  + " nodes of "
                  + sn
                  + " failed over to "
                  + backupName
                  + " and back."
              : "Drill failed for " + failed + " of " + nodes.size() + " nodes.");
      return failed == 0 ? ExitCodes.OK : ExitCodes.CHANGES;
    }
  }

  private static String servers(Map<String, Set<String>> seen, String node) {
    Set<String> servers = seen.get(node);
    return servers == null || servers.isEmpty() ? "(no answer)" : String.join(",", servers);
  }

  /**
   * Each node's servers now, as SN names: {@code nfs4cl showfs} prints addresses, read back through
   * every name and address the spec gives the SNs.
   */
  private static Map<String, Set<String>> showfs(Session session, String range)
      throws TransportException {
    ExecResult r =
        session
            .cluster
            .transport()
            .exec(
                session.spec.ems().name(),
                Argv.of("xdsh", range, "-t", NODE_WAIT, "nfs4cl showfs"),
                STEP);
    Map<String, Set<String>> out = new java.util.TreeMap<>();
    Showfs.parseXdsh(r.stdout())
        .forEach(
            (node, mounts) -> {
              Set<String> servers = new java.util.TreeSet<>();
              for (Showfs.Mount mount : mounts) {
                servers.add(
                    session
                        .desired
                        .serviceNode(mount.current())
                        .map(HostName::value)
                        .orElse(mount.current()));
              }
              out.put(node, servers);
            });
    return out;
  }

  private static void startNfs(Session session, HostName host) {
    try {
      session.cluster.transport().exec(host, Argv.of("startsrc", "-s", "nfsd"), STEP);
    } catch (TransportException e) {
      throw new CliFailure(
          "could not start nfsd on "
              + host
              + " again: "
              + e.getMessage()
              + " — start it by hand NOW");
    }
  }

  private static void mustSucceed(ExecResult r, String what) {
    if (!r.succeeded()) {
      throw new CliFailure(what + " failed: " + r.stderr().strip());
    }
  }
}
