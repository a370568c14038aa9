package dev.hasnctl.plan;

import dev.hasnctl.model.AbsolutePath;
import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ServiceNode;
import dev.hasnctl.spec.SharedInstall;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The migration of SNs that still serve a local /install to the shared GPFS /install (the seed's
 * "Preparing an existing cluster"): recognised when the spec wants the shared filesystem, no SN
 * exports /install with {@code replicas=} or has GPFS mounted at /install yet, and an SN exports it
 * the legacy way (NFSv3, no replica), as it serves a local /install.
 *
 * <p>The online preparation runs while the nodes keep running: GPFS mounted at the temporary mount
 * point beside the live local /install, never over it; xCAT's directories copied from one SN, never
 * /install/nim; the statelite directory created and a first {@code rsync -u} of the statelite data
 * made one SN at a time, so two SNs never write one node's directory at once and newer data is
 * never replaced by older. Every copy runs again harmlessly (a resumed apply, a second plan):
 * {@code -u} keeps what is newer in the shared filesystem.
 *
 * <p>Switching an SN's /install to GPFS needs its nodes down: that is the outage ({@link
 * MigrationOutage}), which follows these steps and runs only when the admin asks for it.
 */
final class MigrationSteps {

  private final ClusterSpec spec;
  private final Map<ResourceId, Observed> observed;
  private final SharedInstall shared;

  MigrationSteps(ClusterSpec spec, Map<ResourceId, Observed> observed) {
    this.spec = spec;
    this.observed = observed;
    this.shared = spec.sharedInstall();
  }

  /** The SNs still serving a local /install, in spec order; empty when nothing is to migrate. */
  List<HostName> migrating() {
    List<HostName> out = new ArrayList<>();
    for (ServiceNode sn : spec.serviceNodes()) {
      String line = exportLine(sn.name());
      boolean gpfsAtInstall =
          gpfsMountPoint(sn.name()).map(shared.mountPoint().value()::equals).orElse(false);
      if (line.contains("replicas=") || gpfsAtInstall) {
        // One SN already serves the shared /install, or GPFS is already at /install: the cluster
        // is past the migration's switch, and an SN without replicas= has drifted (the ordinary
        // plan repairs it, holding what would strand a running node).
        return List.of();
      }
      if (!line.isEmpty() && !exportsVersion4(line)) {
        out.add(sn.name());
      }
    }
    return out;
  }

  /** The SN's observed /etc/exports line for /install, empty when it exports none. */
  private String exportLine(HostName sn) {
    return present(new ResourceId(sn, ResourceKind.EXPORT, shared.mountPoint().value()))
        .map(p -> p.getOrDefault("line", ""))
        .orElse("");
  }

  /**
   * Whether an /etc/exports line serves NFSv4: the legacy local /install is exported with {@code
   * vers=3} or no version (then NFS versions 2 and 3: IBM, "exports File for NFS", where {@code
   * vers=3:4} names both).
   */
  private static boolean exportsVersion4(String line) {
    return java.util.regex.Pattern.compile("[-,]vers=[0-9:]*4").matcher(line).find();
  }

  /**
   * The online preparation's steps for {@code sns} (see {@link #migrating()}).
   *
   * @throws IllegalStateException when GPFS is mounted on an SN somewhere else than the temporary
   *     mount point: hasnctl cannot tell what that mount serves
   */
  List<Step> online(List<HostName> sns) {
    if (sns.isEmpty()) {
      return List.of();
    }
    AbsolutePath temporary = shared.migrationMountPoint();
    String device = shared.device();
    List<Step> out = new ArrayList<>();
    boolean anyMounted = false;
    for (HostName sn : sns) {
      Optional<String> at = gpfsMountPoint(sn);
      if (at.isPresent() && !at.get().equals(temporary.value())) {
        throw new IllegalStateException(
            sn
                + " mounts "
                + device
                + " at "
                + at.get()
                + " while it still serves a local "
                + shared.mountPoint()
                + "; the migration mounts it at "
                + temporary
                + " beside it: unmount it there (mmumount "
                + device
                + ") and plan again");
      }
      anyMounted |= at.isPresent();
    }
    HostName first = sns.get(0);
    shared.migrationBackup().ifPresent(backup -> sns.forEach(sn -> out.add(backup(sn, backup))));
    Set<String> firstMounted = new TreeSet<>();
    if (!anyMounted) {
      // mmchfs -T needs the filesystem unmounted everywhere; it then holds for every member.
      out.add(
          step(
              first + "/migration/mount-point",
              first,
              Argv.of("mmchfs", device, "-T", temporary.value()),
              "mount " + device + " at " + temporary + " from now on, beside the local /install",
              List.of(),
              Set.of()));
    }
    Map<HostName, String> mountSteps = new java.util.HashMap<>();
    for (HostName sn : sns) {
      if (gpfsMountPoint(sn).isPresent()) {
        continue;
      }
      Script script = new Script().then(Argv.of("mkdir", "-p", temporary.value()));
      if (!gpfsActive(sn)) {
        script.then(Argv.of("mmstartup"));
      }
      script.then(Argv.of("mmmount", device));
      Step mount =
          step(
              sn + "/migration/mount",
              sn,
              script.toArgv(),
              "GPFS up with " + device + " at " + temporary + " (the local /install keeps serving)",
              List.of(new ResourceId(sn, ResourceKind.SERVICE, "gpfs")),
              anyMounted ? Set.of() : Set.of(first + "/migration/mount-point"));
      out.add(mount);
      mountSteps.put(sn, mount.id());
    }
    if (mountSteps.containsKey(first)) {
      firstMounted.add(mountSteps.get(first));
    }
    // Once GPFS is at the temporary mount point on every SN, the first copies were made: what is
    // left to copy is the final rsync -u of the outage, with the nodes down (seed: "Even if you did
    // take an initial copy earlier in the process, you will want to do this again now").
    if (mountSteps.isEmpty()) {
      return out;
    }
    out.addAll(
        copies(
            shared,
            sns,
            "first",
            Phase.MIGRATION_ONLINE,
            firstMounted,
            sn -> mountSteps.containsKey(sn) ? Set.of(mountSteps.get(sn)) : Set.of()));
    return out;
  }

  /**
   * One round of the migration's copies into the temporary mount point: xCAT's directories and the
   * spec's {@code migrationDirs} from the first SN (never nim), the statelite directory, then each
   * SN's own data one SN at a time, each after the one before, so {@code -u} keeps the newest copy.
   *
   * @param stage {@code first} (online, nodes running) or {@code final} (the outage, nodes down)
   * @param before what the first SN's copies wait for
   * @param snBefore what each SN's own copy waits for besides the SN before it
   */
  static List<Step> copies(
      SharedInstall shared,
      List<HostName> sns,
      String stage,
      Phase phase,
      Set<String> before,
      java.util.function.Function<HostName, Set<String>> snBefore) {
    HostName first = sns.get(0);
    String local = shared.mountPoint().value();
    List<String> rsync = new ArrayList<>(List.of("-au"));
    Set<String> dirs = new LinkedHashSet<>(SharedInstall.XCAT_DIRS);
    dirs.addAll(shared.migrationDirs());
    dirs.forEach(dir -> rsync.add(local + "/" + dir));
    rsync.add(shared.migrationMountPoint().value());
    List<Step> out = new ArrayList<>();
    Step xcatDirs =
        new Step(
            first + "/migration/" + stage + "-xcat-dirs",
            first,
            first,
            phase,
            Set.of(),
            Argv.of("rsync", rsync.toArray(String[]::new)),
            stage
                + " copy of "
                + String.join(", ", dirs)
                + " from "
                + first
                + "'s local /install (never nim)",
            List.of(),
            before);
    out.add(xcatDirs);
    AbsolutePath stateliteShared = onTemporary(shared, shared.stateliteDir());
    Step dir =
        new Step(
            first + "/migration/" + stage + "-statelite-dir",
            first,
            first,
            phase,
            Set.of(),
            Argv.of("mkdir", "-p", stateliteShared.value()),
            "the statelite directory " + stateliteShared,
            List.of(),
            Set.of(xcatDirs.id()));
    out.add(dir);
    String previous = dir.id();
    for (HostName sn : sns) {
      Set<String> after = new TreeSet<>(snBefore.apply(sn));
      after.add(previous);
      Step step =
          new Step(
              sn + "/migration/" + stage + "-statelite",
              sn,
              sn,
              phase,
              Set.of(),
              snCopy(shared, sn).toArgv(),
              stage
                  + " copy of "
                  + sn
                  + "'s statelite data"
                  + (shared.migrationPerSnDirs().isEmpty() ? "" : " and own directories")
                  + ", newer files kept (-u), one SN at a time",
              List.of(),
              after);
      out.add(step);
      previous = step.id();
    }
    return out;
  }

  /**
   * What one SN copies of its own local /install: its statelite data, newer files kept ({@code
   * rsync -au}), and each of the spec's per-SN directories into {@code DIR/SN}. A directory the SN
   * lacks is skipped.
   */
  static Script snCopy(SharedInstall shared, HostName sn) {
    AbsolutePath statelite = shared.stateliteDir();
    Script script =
        new Script()
            .thenUnless(
                "! " + Argv.of("test", "-d", statelite.value()).toShell(),
                Argv.of(
                    "rsync",
                    "-au",
                    statelite.value() + "/",
                    onTemporary(shared, statelite).value()));
    for (String dir : shared.migrationPerSnDirs()) {
      String local = shared.mountPoint().resolve(dir).value();
      String into = shared.migrationMountPoint().resolve(dir).resolve(sn.value()).value();
      script
          .then(Argv.of("mkdir", "-p", into))
          .thenUnless(
              "! " + Argv.of("test", "-d", local).toShell(),
              Argv.of("rsync", "-au", local + "/", into));
    }
    return script;
  }

  /**
   * The copy of {@code sn}'s whole local /install into {@code backup} on its own disk, made once: a
   * marker file says it is complete, and a copy that has one is never written again (a backup is
   * never overwritten).
   */
  private Step backup(HostName sn, AbsolutePath backup) {
    String done = backup.resolve(".hasnctl-complete").value();
    String local = shared.mountPoint().withoutTrailingSlash();
    Script copy =
        new Script()
            .then(Argv.of("mkdir", "-p", backup.value()))
            .then(Argv.of("rsync", "-a", local + "/", backup.value()))
            .then(Argv.of("touch", done));
    Script script = new Script().thenUnless(Argv.of("test", "-e", done).toShell(), copy.toArgv());
    return step(
        sn + "/migration/backup",
        sn,
        script.toArgv(),
        "copy " + sn + "'s whole local " + local + " to " + backup + " on its own disk, once",
        List.of(),
        Set.of());
  }

  /** {@code path} below the shared /install, as it is seen at the temporary mount point. */
  static AbsolutePath onTemporary(SharedInstall shared, AbsolutePath path) {
    String mount = shared.mountPoint().withoutTrailingSlash();
    String rest = path.withoutTrailingSlash().substring(mount.length());
    return AbsolutePath.of(shared.migrationMountPoint().withoutTrailingSlash() + rest);
  }

  private Step step(
      String id,
      HostName sn,
      Argv command,
      String why,
      List<ResourceId> verifies,
      Set<String> after) {
    return new Step(id, sn, sn, Phase.MIGRATION_ONLINE, Set.of(), command, why, verifies, after);
  }

  private Optional<Map<String, String>> present(ResourceId id) {
    return observed.get(id) instanceof Observed.Present p
        ? Optional.of(p.resource().properties())
        : Optional.empty();
  }

  private Optional<String> gpfsMountPoint(HostName sn) {
    return present(new ResourceId(sn, ResourceKind.GPFS_MOUNT, shared.device()))
        .map(p -> p.getOrDefault("mountPoint", ""));
  }

  private boolean gpfsActive(HostName sn) {
    return present(new ResourceId(sn, ResourceKind.SERVICE, "gpfs"))
        .map(p -> "active".equals(p.get("state")))
        .orElse(false);
  }
}
