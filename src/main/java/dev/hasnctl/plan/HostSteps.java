package dev.hasnctl.plan;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ServiceOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Steps on one host's files and daemons: whole files, {@code /etc/exports} lines, the inittab and
 * rc.shutdown order, GPFS and NFS restarts in the seed's order, paging files, and the tunables of
 * setupnfsv4replication.
 */
final class HostSteps {
  /**
   * The most paging-file bytes (MiB) one step writes: 1 TiB, eight nodes of the seed's 2 × 64 GiB
   * (the seed's own loop writes them all in one go). A step's timeout grows with its bytes (see
   * {@code apply.StepTimeouts}), it reports when it is done, and an interrupted apply redoes at
   * most that much. A single larger file is a step of its own.
   */
  static final long PAGING_MIB_PER_STEP = 1024L * 1024;

  /** The inittab entries the planner can (re)create, by identifier. */
  private final ClusterSpec spec;

  private final FileEdits edits;
  private final List<Step> out = new ArrayList<>();

  HostSteps(ClusterSpec spec, FileEdits edits) {
    this.spec = spec;
    this.edits = edits;
  }

  List<Step> build(List<Change> changes) {
    Map<HostName, List<Change>> byHost = new TreeMap<>();
    changes.forEach(c -> byHost.computeIfAbsent(c.id().host(), h -> new ArrayList<>()).add(c));
    byHost.forEach(this::host);
    return out;
  }

  private boolean isEms(HostName host) {
    return host.equals(spec.ems().name());
  }

  private void host(HostName host, List<Change> changes) {
    for (Change change : changes) {
      if (!isEms(host) && isSharedPostscript(change.id())) {
        sharedPostscript(change);
        continue;
      }
      switch (change.id().kind()) {
        case FILE -> file(change);
        case NFS_TUNABLES -> tunables(change);
        case INITTAB_ORDER -> inittab(change);
        case SHUTDOWN_ORDER -> shutdown(change);
        default -> {
          // Daemons, exports and paging are planned together below.
        }
      }
    }
    daemons(host, changes);
    paging(host, EmsSteps.of(changes, ResourceKind.PAGING_FILE));
  }

  private Step step(
      String id, HostName host, Phase phase, Argv command, String why, List<Change> fixes) {
    return step(id, host, phase, command, List.of(), why, fixes);
  }

  private Step step(
      String id, HostName host, Phase phase, Script script, String why, List<Change> fixes) {
    return step(id, host, phase, script.toArgv(), script.backups(), why, fixes);
  }

  private Step step(
      String id,
      HostName host,
      Phase phase,
      Argv command,
      List<Backup> backups,
      String why,
      List<Change> fixes) {
    Step step =
        new Step(
            id,
            host,
            host,
            phase,
            Set.of(),
            command,
            why,
            fixes.stream().map(Change::id).toList(),
            Set.of(),
            backups);
    out.add(step);
    return step;
  }

  private boolean isSharedPostscript(ResourceId id) {
    return (id.kind() == ResourceKind.FILE || id.kind() == ResourceKind.NFS_TUNABLES)
        && id.key()
            .startsWith(spec.sharedInstall().mountPoint().resolve("postscripts").value() + "/");
  }

  /**
   * The EMS's postscript copied to an SN's view of the shared /install the seed's way, {@code xdcp
   * SN} (the first such step reaches every SN that shares it; the others find it there and keep no
   * second backup), after the EMS's own copy is written: beside it first, the SN's previous file
   * kept (once, as {@link FileEdits#backupOf}), then renamed over it.
   */
  private void sharedPostscript(Change change) {
    requireNotDelete(change);
    HostName sn = change.id().host();
    String path = change.id().key();
    String next = path + ".hasnctl.new";
    String keep =
        Argv.of("test", "-e", edits.backupOf(path)).toShell()
            + " || ! "
            + Argv.of("test", "-e", path).toShell()
            + " || "
            + Argv.of("cp", "-p", path, edits.backupOf(path)).toShell();
    Script script =
        new Script()
            .then(Argv.of("xdsh", sn.value(), Argv.of("sh", "-c", keep).toShell()))
            .then(Argv.of("xdcp", sn.value(), path, next))
            .then(Argv.of("xdsh", sn.value(), Argv.of("mv", next, path).toShell()));
    out.add(
        new Step(
            sn + "/shared" + path,
            spec.ems().name(),
            sn,
            Phase.SHARED_POSTSCRIPTS,
            Set.of(),
            script.toArgv(),
            "copy the EMS's "
                + path
                + " to the shared /install through "
                + sn
                + ", where the nodes run it (previous content kept)",
            List.of(change.id()),
            Set.of()));
  }

  private void file(Change change) {
    String path = change.id().key();
    HostName host = change.id().host();
    Phase phase = isEms(host) ? Phase.TABLES : Phase.SN_FILES;
    if (change.action() == Action.DELETE) {
      throw EmsSteps.unexpected(change);
    }
    boolean exists = change.action() == Action.UPDATE;
    step(
        host + "/file" + path,
        host,
        phase,
        edits.write(path, change.after().get("content"), exists),
        (exists ? "rewrite " : "create ") + path + " (previous content kept)",
        List.of(change));
  }

  /** The seed's own edit: the $::NFSRETRIES and $::NFSTIMEO lines of the postscript. */
  private void tunables(Change change) {
    if (change.action() != Action.UPDATE) {
      throw new IllegalStateException(
          change.id().host()
              + ": xCAT's postscript "
              + change.id().key()
              + " is missing; copy it into the shared /install by hand (seed: xdcp <any service"
              + " node> /install/postscripts/setupnfsv4replication /install-gpfs/postscripts/)");
    }
    List<String> expressions = new ArrayList<>();
    EmsSteps.changed(change)
        .forEach(
            (name, value) ->
                expressions.add(
                    "s/^"
                        + FileEdits.literal("$::" + name)
                        + " *= *[0-9]*;/$::"
                        + name
                        + " = "
                        + value
                        + ";/"));
    step(
        change.id().host() + "/tunables",
        change.id().host(),
        Phase.TABLES,
        edits.edit(change.id().key(), expressions, List.of()),
        "NFS failover tunables in " + change.id().key(),
        List.of(change));
  }

  /**
   * GPFS first, then each entry in the spec's order, each removed if present and inserted after the
   * one before: run again from any point (a resumed apply), the script reaches the same order.
   */
  private void inittab(Change change) {
    List<String> want = split(change.after().get("order"));
    Script script = new Script().thenBackup("/etc/inittab", edits.backupOf("/etc/inittab"));
    String previous = null;
    for (String entry : want) {
      String line = ServiceOrder.INITTAB_LINES.get(entry);
      if (line == null) {
        throw new IllegalStateException(
            "hasnctl cannot recreate inittab entry '"
                + entry
                + "' on "
                + change.id().host()
                + "; move it after "
                + previous
                + " by hand");
      }
      // lsitab exits 1 when the identifier is not in /etc/inittab (IBM's own install scripts test
      // it that way), so rmitab runs only on a record that is there.
      script.thenUnless("! " + Argv.of("lsitab", entry).toShell(), Argv.of("rmitab", entry));
      script.then(
          previous == null ? Argv.of("mkitab", line) : Argv.of("mkitab", "-i", previous, line));
      previous = entry;
    }
    step(
        change.id().host() + "/inittab",
        change.id().host(),
        Phase.SN_FILES,
        script,
        "start " + String.join(" before ", want) + " at boot (GPFS first)",
        List.of(change));
  }

  private void shutdown(Change change) {
    requireNotDelete(change);
    String content = change.after().get("lines") + "\n";
    boolean exists = change.action() == Action.UPDATE;
    step(
        change.id().host() + "/rc.shutdown",
        change.id().host(),
        Phase.SN_FILES,
        edits.write("/etc/rc.shutdown", content, exists),
        "stop NFS before GPFS at shutdown",
        List.of(change));
  }

  /**
   * GPFS, NFS and xcatd in the seed's order. GPFS down or /install unmounted: stop NFS if it runs
   * ({@code exportfs -ua}, {@code stopsrc -g nfs}), {@code mmstartup}, mount, then start NFS and
   * re-export. Exports are rewritten after NFS runs.
   */
  private void daemons(HostName host, List<Change> changes) {
    Optional<Change> gpfs = find(changes, ResourceKind.SERVICE, "gpfs");
    Optional<Change> mount =
        changes.stream().filter(c -> c.id().kind() == ResourceKind.GPFS_MOUNT).findFirst();
    Optional<Change> nfsd = find(changes, ResourceKind.SERVICE, "nfsd");
    Optional<Change> xcatd = find(changes, ResourceKind.SERVICE, "xcatd");
    List<Change> exports = EmsSteps.of(changes, ResourceKind.EXPORT);
    String device = spec.sharedInstall().device();
    Step nfsStep = null;
    if (gpfs.isPresent() || mount.isPresent()) {
      Script script = new Script();
      boolean nfsRunning = nfsd.isEmpty();
      if (nfsRunning) {
        script.then(Argv.of("exportfs", "-ua")).then(Argv.of("stopsrc", "-g", "nfs"));
      }
      if (gpfs.isPresent()) {
        script.then(Argv.of("mmstartup"));
      }
      if (mount.isPresent()) {
        script.then(Argv.of("mmmount", device));
      }
      script.then(Argv.of("startsrc", "-g", "nfs")).then(Argv.of("exportfs", "-a"));
      List<Change> fixes = new ArrayList<>();
      gpfs.ifPresent(fixes::add);
      mount.ifPresent(fixes::add);
      nfsd.ifPresent(fixes::add);
      nfsStep =
          step(
              host + "/gpfs",
              host,
              Phase.GPFS,
              script.toArgv(),
              "GPFS " + spec.sharedInstall().mountPoint() + " up before NFS serves it",
              fixes);
      if (nfsRunning) {
        // exportfs -ua and stopsrc -g nfs: every node this SN serves loses it until it restarts.
        replaceLast(nfsStep.disrupting(Disruption.nfs(host)));
      }
    } else if (nfsd.isPresent()) {
      nfsStep =
          step(
              host + "/nfs",
              host,
              Phase.NFS,
              new Script()
                  .then(Argv.of("startsrc", "-g", "nfs"))
                  .then(Argv.of("exportfs", "-a"))
                  .toArgv(),
              "start the NFS server",
              List.of(nfsd.get()));
    }
    // Exports first (OrderRule: /etc/exports with replicas= before NFS (re)starts), so a restarted
    // NFS server never hands /install out without its replica.
    for (Change export : exports) {
      Step step = export(export);
      if (disrupts(export, nfsd.isEmpty())) {
        replaceLast(step.disrupting(Disruption.nfs(host)));
      }
    }
    xcatd.ifPresent(
        change ->
            step(
                host + "/xcatd",
                host,
                Phase.XCATD,
                Argv.of("restartxcatd"),
                "start xcatd (after GPFS: it serves /install)",
                List.of(change)));
  }

  private Step export(Change change) {
    String dir = change.id().key();
    String file = "/etc/exports";
    List<String> delete = List.of("/^" + FileEdits.literal(dir) + "[[:space:]]/d");
    Script script;
    String why;
    if (change.action() == Action.DELETE) {
      script = edits.edit(file, delete, List.of()).then(Argv.of("exportfs", "-u", dir));
      why = "stop exporting " + dir + " (not in the spec)";
    } else {
      String line = change.after().get("line");
      script = new Script();
      if (change.action() == Action.CREATE) {
        // The file may not exist yet; an empty one is then the previous content kept.
        script.then(Argv.of("touch", file));
      }
      boolean enable =
          line.contains("replicas=")
              && !change.before().getOrDefault("line", "").contains("replicas=");
      script.append(edits.edit(file, delete, List.of(line)));
      if (enable) {
        // A first replica export needs replication on, which AIX changes only while nothing is
        // exported over NFSv4 (IBM: "NFS configuration requirements to allow specification of
        // replicas"); mkdsklsnode -S does the same (aixinstall.pm: exportfs -ua; chnfs -R on).
        // The file is written first so that the exports are down only for the switch.
        script.then(Argv.of("exportfs", "-ua")).then(Argv.of("chnfs", "-R", "on"));
      }
      script.then(Argv.of("exportfs", "-a"));
      why =
          "export "
              + dir
              + (line.contains("replicas=") ? " with its replica" : "")
              + (enable ? " (replication turned on: every export of this SN stops briefly)" : "");
    }
    return step(
        change.id().host() + "/exports" + dir,
        change.id().host(),
        Phase.EXPORTS,
        script,
        why,
        List.of(change));
  }

  /**
   * Whether rewriting this export interrupts the clients of a running NFS server: the directory is
   * no longer exported, it is exported with another NFS version than the nodes mounted (the
   * migration's NFSv3 local /install to NFSv4), or its first {@code replicas=} turns replication on
   * ({@code exportfs -ua; chnfs -R on; exportfs -a}).
   */
  private static boolean disrupts(Change export, boolean nfsRunning) {
    if (!nfsRunning || export.action() == Action.CREATE) {
      return false;
    }
    if (export.action() == Action.DELETE) {
      return true;
    }
    String before = export.before().getOrDefault("line", "");
    String after = export.after().getOrDefault("line", "");
    // A first replicas= export turns replication on, which unexports everything for a moment.
    boolean replicationTurnedOn = after.contains("replicas=") && !before.contains("replicas=");
    return replicationTurnedOn || !versions(before).equals(versions(after));
  }

  /** The {@code vers=} option of an /etc/exports line; empty when it has none. */
  private static String versions(String line) {
    for (String option : line.replaceFirst("^\\S+\\s+-?", "").split(",", -1)) {
      if (option.startsWith("vers=")) {
        return option.substring(5);
      }
    }
    return "";
  }

  /**
   * {@code dd} of zeros for each missing paging file (NFS paging needs its blocks written: AIX has
   * no documented call that allocates a file's blocks without writing them), up to {@link
   * #PAGING_MIB_PER_STEP} per step.
   */
  private void paging(HostName host, List<Change> changes) {
    List<Change> files = new ArrayList<>(changes);
    for (int i = 0; i < files.size(); ) {
      Script script = new Script();
      List<Change> batch = new ArrayList<>();
      Set<String> dirs = new java.util.TreeSet<>();
      long mib = 0;
      while (i < files.size()
          && (batch.isEmpty() || mib + sizeMiB(files.get(i)) <= PAGING_MIB_PER_STEP)) {
        Change change = files.get(i++);
        requireNotDelete(change);
        String path = change.id().key();
        String dir = path.substring(0, path.lastIndexOf('/'));
        if (dirs.add(dir)) {
          script.then(Argv.of("mkdir", "-p", dir));
        }
        script.then(
            Argv.of(
                "dd",
                "if=/dev/zero",
                "of=" + path,
                "bs=1024k",
                "count=" + change.after().get("sizeMiB")));
        batch.add(change);
        mib += sizeMiB(change);
      }
      step(
          host + "/paging/" + (out.size() + 1),
          host,
          Phase.PAGING,
          script.toArgv(),
          "write "
              + batch.size()
              + " paging file"
              + (batch.size() == 1 ? "" : "s")
              + " ("
              + (mib >= 1024 ? mib / 1024 + " GiB" : mib + " MiB")
              + ")",
          batch);
    }
  }

  private static long sizeMiB(Change paging) {
    return Long.parseLong(paging.after().get("sizeMiB"));
  }

  private void replaceLast(Step step) {
    out.set(out.size() - 1, step);
  }

  private static Optional<Change> find(List<Change> changes, ResourceKind kind, String key) {
    return changes.stream()
        .filter(c -> c.id().kind() == kind && c.id().key().equals(key))
        .findFirst();
  }

  private static List<String> split(String list) {
    return list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
  }

  private static void requireNotDelete(Change change) {
    if (change.action() == Action.DELETE) {
      throw EmsSteps.unexpected(change);
    }
  }

  static boolean isHostKind(ResourceId id) {
    return switch (id.kind()) {
      case FILE,
          NFS_TUNABLES,
          INITTAB_ORDER,
          SHUTDOWN_ORDER,
          SERVICE,
          GPFS_MOUNT,
          EXPORT,
          PAGING_FILE ->
          true;
      default -> false;
    };
  }
}
