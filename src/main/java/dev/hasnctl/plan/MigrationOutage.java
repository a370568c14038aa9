package dev.hasnctl.plan;

import dev.hasnctl.model.AbsolutePath;
import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.NodeHealth;
import dev.hasnctl.model.Noderange;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ComputeGroup;
import dev.hasnctl.spec.OsImage;
import dev.hasnctl.spec.SharedInstall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The migration's outage (the seed's "Shut down the cluster nodes" to "Verify the NFSv4 replication
 * setup"), planned after the online preparation for the SNs that still serve a local /install.
 *
 * <p>Its steps, in the seed's order: the nodes shut down ({@code xdsh RANGE "/usr/sbin/shutdown -F
 * &"}) and checked down; their NIM client definitions removed ({@code rmdsklsnode -V -f}) and the
 * images' NIM resources on the SNs ({@code rmnimimage -V -f -d -s SNS IMAGE}), with the original
 * /install still in place; the /install entries of each SN's /etc/exports removed and NFS
 * re-exported; the final {@code rsync -au} of the xCAT directories and of each SN's statelite data,
 * one SN at a time; GPFS unmounted from the temporary mount point and switched to /install ({@code
 * mmchfs -T}). The plan's own steps then do the rest on each SN: /etc/exports with {@code
 * replicas=}, GPFS mounted over the local /install (which hides it and keeps it: the seed's
 * "overmount"), NFS, paging, postscripts, {@code mkdsklsnode -b} then {@code -p}, and a last check
 * of the replicated exports.
 *
 * <p>The outage needs the nodes down, so apply never starts it on its own: unless the admin asks
 * for it ({@code --outage}), its first step is held, with the running nodes it would stop, and
 * every step after it waits.
 */
final class MigrationOutage {
  /** How long nodes may take to halt after {@code shutdown -F}. */
  static final Duration HALT = Duration.ofMinutes(15);

  /** The phases of an SN's own steps that must wait for the switch to the shared /install. */
  private static final Set<Phase> AFTER_SWITCH =
      EnumSet.of(
          Phase.EXPORTS,
          Phase.GPFS,
          Phase.NFS,
          Phase.XCATD,
          Phase.PAGING,
          Phase.SHARED_POSTSCRIPTS,
          Phase.DISKLESS_BACKUP,
          Phase.DISKLESS_PRIMARY);

  private final ClusterSpec spec;
  private final Map<ResourceId, Observed> observed;
  private final SharedInstall shared;
  private final HostName ems;
  private final FileEdits edits;

  MigrationOutage(ClusterSpec spec, Map<ResourceId, Observed> observed, FileEdits edits) {
    this.spec = spec;
    this.observed = observed;
    this.shared = spec.sharedInstall();
    this.ems = spec.ems().name();
    this.edits = edits;
  }

  /**
   * {@code steps} (the plan's, the online preparation's among them) with the outage for {@code sns}
   * woven in: the SNs' NIM copies dropped (removed and made again by the outage), the running-node
   * steps of the nodes it stops dropped (they boot from the new setup), every SN step that needs
   * the shared /install after the switch.
   *
   * @param allowed whether the admin asked for the outage; otherwise its first step is held
   */
  List<Step> weave(List<Step> steps, List<HostName> sns, boolean allowed) {
    if (sns.isEmpty()) {
      return steps;
    }
    Set<HostName> migrating = new HashSet<>(sns);
    Set<String> nodes = nodesOf(migrating);
    Set<String> online = new TreeSet<>();
    steps.stream()
        .filter(s -> s.phase() == Phase.MIGRATION_ONLINE)
        .forEach(s -> online.add(s.id()));

    List<Step> outage = new ArrayList<>();
    Set<String> running = nodesWhere(nodes, "yes");
    Set<String> hanging = nodesWhere(nodes, "no");
    Set<String> previous = online;
    if (!running.isEmpty()) {
      Step shutdown =
          step(
              "ems/migration/shutdown",
              ems,
              ems,
              running,
              // A node already down (a resumed apply) fails xdsh: the next step, not this one,
              // decides whether every node is down.
              Argv.of(
                  "sh",
                  "-c",
                  Argv.of("xdsh", Noderange.compress(running), "/usr/sbin/shutdown -F &").toShell()
                      + " || true"),
              "shut down the "
                  + running.size()
                  + " running node"
                  + (running.size() == 1 ? "" : "s")
                  + " the seed's way, so they stop writing statelite data before the final copy"
                  + " (the next step checks that they are down)",
              previous);
      outage.add(shutdown);
      previous = Set.of(shutdown.id());
    }
    String all = Noderange.compress(nodes);
    Step down =
        step(
                "ems/migration/down",
                ems,
                ems,
                nodes,
                BootSteps.everyNode(all, "noping"),
                "check that every node of the migrating SNs is down (nodestat: noping); waits up"
                    + " to "
                    + HALT.toMinutes()
                    + " minutes for them to halt",
                previous)
            .settling(HALT);
    outage.add(down);
    Step rmdsklsnode =
        step(
            "ems/migration/rmdsklsnode",
            ems,
            ems,
            nodes,
            Argv.of("rmdsklsnode", "-V", "-f", all),
            "remove the nodes' NIM client definitions from their SNs",
            Set.of(down.id()));
    outage.add(rmdsklsnode);
    previous = Set.of(rmdsklsnode.id());
    String servers = Noderange.compress(sns.stream().map(HostName::value).toList());
    for (OsImage image : spec.images()) {
      Step rmnimimage =
          step(
              "ems/migration/rmnimimage/" + image.name(),
              ems,
              ems,
              Set.of(),
              Argv.of("rmnimimage", "-V", "-f", "-d", "-s", servers, image.name()),
              "remove image "
                  + image.name()
                  + "'s NIM resources from the SNs, with their local /install still in place",
              previous);
      outage.add(rmnimimage);
      previous = Set.of(rmnimimage.id());
    }
    Set<String> removed = previous;

    String exports = "/etc/exports";
    String install = FileEdits.literal(shared.mountPoint().withoutTrailingSlash());
    Set<String> unexported = new TreeSet<>();
    for (HostName sn : sns) {
      Script script =
          edits
              .edit(
                  exports,
                  List.of("/^" + install + "[[:space:]]/d", "/^" + install + "\\//d"),
                  List.of())
              .then(Argv.of("exportfs", "-ua"))
              .thenUnless(
                  "! " + Argv.of("grep", "-q", ".", exports).toShell(), Argv.of("exportfs", "-a"));
      Step step =
          new Step(
              sn + "/migration/unexport",
              sn,
              sn,
              Phase.MIGRATION_OUTAGE,
              Set.of(),
              script.toArgv(),
              "remove the local /install's entries from /etc/exports and re-export the rest",
              List.of(),
              removed,
              script.backups());
      outage.add(step);
      unexported.add(step.id());
    }

    HostName first = sns.get(0);
    AbsolutePath temporary = shared.migrationMountPoint();
    String local = shared.mountPoint().value();
    List<Step> copies =
        MigrationSteps.copies(
            shared, sns, "final", Phase.MIGRATION_OUTAGE, unexported, sn -> unexported);
    outage.addAll(copies);
    String last = copies.get(copies.size() - 1).id();

    Set<String> unmounted = new TreeSet<>();
    for (HostName sn : sns) {
      Step step =
          step(
              sn + "/migration/unmount",
              sn,
              sn,
              Set.of(),
              Argv.of("mmumount", shared.device()),
              "unmount " + shared.device() + " from " + temporary,
              Set.of(last));
      outage.add(step);
      unmounted.add(step.id());
    }
    Step switched =
        new Step(
            first + "/migration/switch",
            first,
            first,
            Phase.MIGRATION_OUTAGE,
            Set.of(),
            Argv.of("mmchfs", shared.device(), "-T", local),
            "mount "
                + shared.device()
                + " at "
                + local
                + " from now on, on every SN: over the local "
                + local
                + ", which it hides and keeps",
            List.of(),
            unmounted);
    outage.add(switched);

    if (!allowed) {
      Step head = outage.get(0);
      outage.set(0, head.held(hold(running, hanging)));
    } else if (!hanging.isEmpty()) {
      Step head = outage.get(0);
      outage.set(0, head.held(hanging(hanging)));
    }

    Set<String> dropped = new HashSet<>();
    List<Step> kept = new ArrayList<>();
    for (Step step : steps) {
      boolean snCopy =
          step.phase() == Phase.IMAGES
              && migrating.contains(step.lane())
              && step.host().equals(step.lane());
      boolean stoppedNodes =
          step.phase() == Phase.RUNNING_NODES
              && !step.nodes().isEmpty()
              && nodes.containsAll(step.nodes());
      if (snCopy || stoppedNodes) {
        dropped.add(step.id());
      } else {
        kept.add(step);
      }
    }
    List<Step> out = new ArrayList<>(kept.size() + outage.size() + sns.size());
    for (Step step : kept) {
      Step s = step.notAfter(dropped);
      if (migrating.contains(step.lane())
          && (AFTER_SWITCH.contains(step.phase()) || step.disrupts().isPresent())) {
        s = s.alsoAfter(Set.of(switched.id()));
      }
      out.add(s);
    }
    out.addAll(outage);
    for (HostName sn : sns) {
      Set<String> diskless = new TreeSet<>();
      kept.stream()
          .filter(s -> s.lane().equals(sn))
          .filter(s -> s.phase() == Phase.DISKLESS_BACKUP || s.phase() == Phase.DISKLESS_PRIMARY)
          .forEach(s -> diskless.add(s.id()));
      diskless.add(switched.id());
      out.add(
          new Step(
              sn + "/migration/replicated-exports",
              sn,
              sn,
              Phase.MIGRATION_OUTAGE,
              Set.of(),
              Argv.of("exportfs"),
              "check that " + sn + " exports the shared /install with its replica",
              List.of(new ResourceId(sn, ResourceKind.EXPORT, shared.mountPoint().value())),
              diskless));
    }
    return out;
  }

  /** The compute nodes of the groups whose SNs are among {@code sns}. */
  private Set<String> nodesOf(Set<HostName> sns) {
    Set<String> out = new TreeSet<>();
    for (ComputeGroup group : spec.groups()) {
      if (sns.contains(group.primary()) || group.backup().map(sns::contains).orElse(false)) {
        out.addAll(Noderange.expand(group.nodes()));
      }
    }
    return out;
  }

  /** Those of {@code nodes} that xCAT says run and whose health says responding {@code answer}. */
  private Set<String> nodesWhere(Set<String> nodes, String answer) {
    Set<String> out = new TreeSet<>();
    for (String node : nodes) {
      Observed o = observed.get(new ResourceId(HostName.of(node), ResourceKind.NODE_HEALTH, node));
      if (o instanceof Observed.Present p
          && answer.equals(p.resource().properties().get(NodeHealth.RESPONDING))) {
        out.add(node);
      }
    }
    return out;
  }

  private Hold hold(Set<String> running, Set<String> hanging) {
    String range = Noderange.compress(running);
    List<String> ways = new ArrayList<>();
    ways.add(
        "plan the outage and review it: hasnctl plan SPEC --outage --boot; then hasnctl apply"
            + " SPEC --outage --boot (--boot starts the nodes again from the shared /install)");
    ways.add(
        "the online preparation ("
            + shared.migrationMountPoint()
            + ", the first copies) runs without it");
    if (!hanging.isEmpty()) {
      ways.add(
          "power off the nodes that hang first: rpower " + Noderange.compress(hanging) + " off");
    }
    return new Hold(
        range,
        running.size(),
        "the migration's outage: switches the SNs' /install from their local filesystems to the"
            + " shared GPFS"
            + (running.isEmpty()
                ? ""
                : " and shuts down the "
                    + running.size()
                    + (running.size() == 1 ? " running node" : " running nodes")
                    + " that use them ("
                    + range
                    + ")")
            + "; apply starts it only with --outage",
        ways);
  }

  private static Hold hanging(Set<String> hanging) {
    String range = Noderange.compress(hanging);
    return new Hold(
        range,
        hanging.size(),
        hanging.size()
            + (hanging.size() == 1 ? " node hangs" : " nodes hang")
            + " ("
            + range
            + "): xCAT says they run but they do not answer, so shutdown -F cannot reach them",
        List.of(
            "power them off: rpower " + range + " off; then plan again",
            "or find out why they hang first: hasnctl drift SPEC"));
  }

  private static Step step(
      String id,
      HostName host,
      HostName lane,
      Set<String> nodes,
      Argv command,
      String why,
      Set<String> after) {
    return new Step(id, host, lane, Phase.MIGRATION_OUTAGE, nodes, command, why, List.of(), after);
  }
}
