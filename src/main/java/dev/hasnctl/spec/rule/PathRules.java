package dev.hasnctl.spec.rule;

import dev.hasnctl.model.AbsolutePath;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ComputeGroup;
import dev.hasnctl.spec.OsImage;
import dev.hasnctl.spec.SharedInstall;
import dev.hasnctl.spec.Shown;
import dev.hasnctl.spec.StateliteEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every path of the spec confined to what its key means: nothing in a system directory, the console
 * log on the node, paging and statelite data on the shared GPFS /install.
 */
final class PathRules {
  /**
   * Directories no spec path may name or lie in: hasnctl writes, exports or creates what a path key
   * names, and these belong to the operating system. The files hasnctl manages in /etc ({@code
   * /etc/exports}, {@code /etc/inittab}, {@code /etc/rc.shutdown}, {@code /etc/nfs/local_domain})
   * are fixed by name, not spec keys.
   */
  static final List<AbsolutePath> SYSTEM_DIRS =
      List.of("/etc", "/usr", "/bin", "/sbin", "/lib", "/lib64", "/boot", "/dev", "/proc", "/sys")
          .stream()
          .map(AbsolutePath::of)
          .toList();

  /** Node-local directories whose content a reboot does not keep. */
  static final List<AbsolutePath> NODE_LOCAL_DIRS =
      List.of(AbsolutePath.of("/tmp"), AbsolutePath.of("/var/tmp"));

  private PathRules() {}

  static List<Rule> all() {
    return List.of(
        SimpleRule.error(
            "system-path",
            "no path of the spec is / or lies in a system directory (/etc, /usr, /bin, /sbin, /lib,"
                + " /boot, /dev, /proc, /sys)",
            PathRules::systemPaths),
        SimpleRule.error(
            "console-target-local",
            "the console log goes to a node-local, non-persistent file below /tmp or /var/tmp",
            PathRules::consoleTarget),
        SimpleRule.error(
            "paging-on-gpfs",
            "paging files live below the shared GPFS /install, where the backup SN serves them too",
            PathRules::pagingOnGpfs),
        SimpleRule.error(
            "migration-mount-point",
            "the migration's temporary mount point and its copy of the local /install are"
                + " directories of their own, apart from the live /install",
            PathRules::migrationMountPoint),
        SimpleRule.error(
            "migration-dirs",
            "the migration copies no NIM directory: nim is re-created by mkdsklsnode on each SN",
            PathRules::migrationDirs),
        SimpleRule.error(
            "statelite-dir",
            "the statelite directory is below the shared /install and every statelite mount within"
                + " it",
            PathRules::stateliteDir));
  }

  /** A path of the spec, where it is and what hasnctl does with it. */
  private record PathAt(String pointer, AbsolutePath path, String what) {}

  private static List<PathAt> paths(ClusterSpec spec) {
    List<PathAt> out = new ArrayList<>();
    SharedInstall shared = spec.sharedInstall();
    out.add(
        new PathAt(
            "/sharedInstall/mountPoint",
            shared.mountPoint(),
            "the shared /install, exported read-write to every node,"));
    out.add(
        new PathAt(
            "/sharedInstall/stateliteDir", shared.stateliteDir(), "the statelite directory"));
    out.add(new PathAt("/sharedInstall/pagingDir", shared.pagingDir(), "the paging directory"));
    out.add(
        new PathAt(
            "/sharedInstall/migrationMountPoint",
            shared.migrationMountPoint(),
            "the migration's temporary mount point"));
    shared
        .migrationBackup()
        .ifPresent(
            backup ->
                out.add(
                    new PathAt(
                        "/sharedInstall/migrationBackup",
                        backup,
                        "the migration's copy of each SN's local /install")));
    for (int g = 0; g < spec.groups().size(); g++) {
      ComputeGroup group = spec.groups().get(g);
      Optional<AbsolutePath> dir = group.paging().flatMap(p -> p.dir());
      if (dir.isPresent()) {
        out.add(
            new PathAt(
                "/groups/" + g + "/paging/dir",
                dir.get(),
                "group " + group.name() + "'s paging directory"));
      }
    }
    for (int i = 0; i < spec.images().size(); i++) {
      OsImage image = spec.images().get(i);
      Optional<OsImage.Dump> dump = image.dump();
      if (dump.isPresent()) {
        out.add(
            new PathAt(
                "/images/" + i + "/dump/location",
                dump.get().location(),
                "image " + image.name() + "'s dump location"));
      }
    }
    spec.ems()
        .db2Export()
        .ifPresent(
            export ->
                out.add(
                    new PathAt(
                        "/ems/db2Export/path",
                        export.path(),
                        "the DB2 directory the EMS exports read-write")));
    spec.consoleRedirect()
        .ifPresent(
            redirect ->
                out.add(
                    new PathAt(
                        "/consoleRedirect/target", redirect.target(), "the console log file")));
    return out;
  }

  private static List<Finding> systemPaths(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    for (PathAt at : paths(spec)) {
      Optional<AbsolutePath> system = systemDir(at.path());
      if (system.isPresent()) {
        out.add(
            Finding.at(
                at.pointer(),
                at.what()
                    + " is "
                    + at.path()
                    + (system.get().value().equals("/")
                        ? ", the root directory"
                        : ", in the system directory " + system.get())
                    + "; hasnctl would write or export the operating system's files there",
                "give it a directory of its own, e.g. " + example(at.pointer())));
      }
    }
    return out;
  }

  /** The system directory {@code path} is or lies in: {@code /} itself, or one of SYSTEM_DIRS. */
  static Optional<AbsolutePath> systemDir(AbsolutePath path) {
    if (path.withoutTrailingSlash().equals("/")) {
      return Optional.of(path);
    }
    return SYSTEM_DIRS.stream().filter(path::isWithin).findFirst();
  }

  private static String example(String pointer) {
    if (pointer.endsWith("/mountPoint")) {
      return "/install";
    }
    if (pointer.endsWith("/stateliteDir")) {
      return "/install/statelite_data";
    }
    if (pointer.endsWith("/location")) {
      return "/export/nim";
    }
    if (pointer.endsWith("/db2Export/path")) {
      return "/mntdb2";
    }
    if (pointer.endsWith("/target")) {
      return "/tmp/conslog";
    }
    return "/install/paging";
  }

  private static List<Finding> consoleTarget(ClusterSpec spec) {
    if (spec.consoleRedirect().isEmpty()) {
      return List.of();
    }
    AbsolutePath target = spec.consoleRedirect().get().target();
    if (NODE_LOCAL_DIRS.stream().anyMatch(target::isBelow) && !target.value().endsWith("/")) {
      return List.of();
    }
    return List.of(
        Finding.at(
            "/consoleRedirect/target",
            "the console log goes to "
                + target
                + ", which is not a file below /tmp or /var/tmp; swcons -p writes every"
                + " console message of every node there",
            "use a node-local file that a reboot drops, e.g. /tmp/conslog"));
  }

  private static List<Finding> pagingOnGpfs(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    AbsolutePath mount = spec.sharedInstall().mountPoint();
    AbsolutePath shared = spec.sharedInstall().pagingDir();
    if (!shared.isBelow(mount)) {
      out.add(
          Finding.at(
              "/sharedInstall/pagingDir",
              "the paging directory "
                  + shared
                  + " is not below the shared "
                  + mount
                  + "; only there does the backup SN serve the paging files after a failover",
              "use a directory below " + mount + ", e.g. " + mount.resolve("paging")));
    }
    for (int g = 0; g < spec.groups().size(); g++) {
      ComputeGroup group = spec.groups().get(g);
      Optional<AbsolutePath> dir = group.paging().flatMap(p -> p.dir());
      if (dir.isPresent() && !dir.get().isBelow(mount)) {
        out.add(
            Finding.at(
                "/groups/" + g + "/paging/dir",
                "group "
                    + group.name()
                    + " keeps paging files in "
                    + dir.get()
                    + ", not below the shared "
                    + mount,
                "use a directory below " + mount + ", e.g. " + shared));
      }
    }
    return out;
  }

  private static List<Finding> migrationMountPoint(ClusterSpec spec) {
    AbsolutePath mount = spec.sharedInstall().mountPoint();
    AbsolutePath temporary = spec.sharedInstall().migrationMountPoint();
    List<Finding> out = new ArrayList<>();
    spec.sharedInstall()
        .migrationBackup()
        .filter(
            backup ->
                backup.isWithin(mount)
                    || mount.isWithin(backup)
                    || backup.isWithin(temporary)
                    || temporary.isWithin(backup))
        .ifPresent(
            backup ->
                out.add(
                    Finding.at(
                        "/sharedInstall/migrationBackup",
                        "the migration's copy of the local "
                            + mount
                            + " at "
                            + backup
                            + " would be in or around "
                            + mount
                            + " or "
                            + temporary
                            + ": hidden by a mount, or copied into itself",
                        "use a directory of the SN's own disk apart from both, e.g."
                            + " /backup/install")));
    if (!temporary.isWithin(mount) && !mount.isWithin(temporary)) {
      return out;
    }
    out.add(
        Finding.at(
            "/sharedInstall/migrationMountPoint",
            "the migration's temporary mount point "
                + temporary
                + (temporary.isWithin(mount) ? " is in " : " holds ")
                + "the shared "
                + mount
                + "; mounted there, GPFS would hide or be hidden by the local /install that still"
                + " serves the running nodes",
            "use a directory beside it, e.g. " + SharedInstall.MIGRATION_MOUNT_POINT));
    return out;
  }

  private static List<Finding> migrationDirs(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    SharedInstall shared = spec.sharedInstall();
    // The statelite and paging directories are copied (or made) on their own.
    Set<String> own = new TreeSet<>();
    for (AbsolutePath dir : List.of(shared.stateliteDir(), shared.pagingDir())) {
      if (dir.isBelow(shared.mountPoint())) {
        String rest =
            dir.withoutTrailingSlash()
                .substring(shared.mountPoint().withoutTrailingSlash().length() + 1);
        own.add(rest.split("/", -1)[0]);
      }
    }
    List<String> dirs = shared.migrationDirs();
    for (int i = 0; i < dirs.size(); i++) {
      String dir = dirs.get(i);
      if (dir.equals("nim")) {
        out.add(
            Finding.at(
                "/sharedInstall/migrationDirs/" + i,
                "the migration would copy /install/nim, whose NIM resources each SN must re-create"
                    + " (seed: \"You should NOT copy over the /install/nim directory\")",
                "remove nim from the list"));
      } else if (own.contains(dir)) {
        out.add(
            Finding.at(
                "/sharedInstall/migrationDirs/" + i,
                dir
                    + " holds the statelite or paging directory, which the migration copies or"
                    + " makes on its own, one SN at a time",
                "remove " + dir + " from the list"));
      }
    }
    List<String> perSn = shared.migrationPerSnDirs();
    for (int i = 0; i < perSn.size(); i++) {
      String dir = perSn.get(i);
      String why =
          dir.equals("nim")
              ? "the migration would copy /install/nim, whose NIM resources each SN must re-create"
              : dirs.contains(dir)
                  ? dir
                      + " is also in migrationDirs: one copy for every SN, or one per SN, not both"
                  : SharedInstall.XCAT_DIRS.contains(dir)
                      ? dir + " is xCAT's own, which every SN shares: the migration copies it once"
                      : own.contains(dir)
                          ? dir
                              + " holds the statelite or paging directory, which the migration"
                              + " copies or makes on its own"
                          : "";
      if (!why.isEmpty()) {
        out.add(
            Finding.at(
                "/sharedInstall/migrationPerSnDirs/" + i, why, "remove " + dir + " from the list"));
      }
    }
    return out;
  }

  private static List<Finding> stateliteDir(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    AbsolutePath mount = spec.sharedInstall().mountPoint();
    AbsolutePath dir = spec.sharedInstall().stateliteDir();
    if (!dir.isBelow(mount)) {
      out.add(
          Finding.at(
              "/sharedInstall/stateliteDir",
              "the statelite directory "
                  + dir
                  + " is not below the shared "
                  + mount
                  + ", so the /install export does not serve it and the backup SN lacks it",
              "use " + mount.resolve("statelite_data")));
    }
    for (int i = 0; i < spec.statelite().size(); i++) {
      StateliteEntry row = spec.statelite().get(i);
      int colon = row.mount().indexOf(':');
      String path = colon < 0 ? "" : row.mount().substring(colon + 1);
      Optional<AbsolutePath> parsed = parse(path);
      if (parsed.isEmpty() || !parsed.get().isWithin(dir)) {
        out.add(
            Finding.at(
                "/statelite/" + i + "/mount",
                "statelite mount "
                    + Shown.value(row.mount())
                    + (parsed.isEmpty()
                        ? " does not end in a plain absolute directory (no '.' or '..' segments)"
                        : " is outside the statelite directory " + dir),
                "write it as $noderes.xcatmaster:" + dir));
      }
    }
    return out;
  }

  private static Optional<AbsolutePath> parse(String path) {
    try {
      return Optional.of(AbsolutePath.of(path));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
