package dev.hasnctl.spec.rule;

import dev.hasnctl.model.AbsolutePath;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ComputeGroup;
import dev.hasnctl.spec.LiteFileEntry;
import dev.hasnctl.spec.OsImage;
import dev.hasnctl.spec.Paging;
import dev.hasnctl.spec.SharedInstall;
import dev.hasnctl.spec.Shown;
import dev.hasnctl.spec.StateliteEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Where things live on disk: GPFS, dump, paging, statelite and the console log. */
final class StorageRules {
  private static final Set<String> BLOCK_SIZES = Set.of("512K", "1M");
  private static final String RAS = "/var/adm/ras";

  private StorageRules() {}

  static List<Rule> all() {
    return List.of(
        SimpleRule.error(
            "gpfs-block-size",
            "the GPFS /install block size is 512K or 1M",
            StorageRules::blockSize),
        SimpleRule.error(
            "dump-on-gpfs",
            "no image puts its dump resource on the GPFS /install",
            StorageRules::dump),
        SimpleRule.error(
            "dump-per-image",
            "each image has a dump resource of its own",
            StorageRules::dumpPerImage),
        SimpleRule.error(
            "paging-under-nim",
            "paging files are not under NIM's own paging directory",
            StorageRules::pagingUnderNim),
        SimpleRule.error(
            "paging-replicated",
            "the paging directory is not GPFS-replicated",
            StorageRules::pagingReplicated),
        SimpleRule.error(
            "paging-fur",
            "paging spaces are activated with :fur and swapnfs0 is removed",
            StorageRules::pagingFur),
        SimpleRule.error(
            "statelite-xcatmaster",
            "the statelite mount names $noderes.xcatmaster, not an SN",
            StorageRules::stateliteServer),
        SimpleRule.error(
            "statelite-vers4",
            "the statelite mount options include vers=4 and no other NFS version",
            StorageRules::stateliteVers),
        SimpleRule.error(
            "console-redirect",
            "a persistent /var/adm/ras needs the console log redirected outside persistent storage,"
                + " by a postscript every group with that image runs",
            StorageRules::console));
  }

  private static List<Finding> blockSize(ClusterSpec spec) {
    String size = spec.sharedInstall().blockSize().toUpperCase(Locale.ROOT);
    if (BLOCK_SIZES.contains(size)) {
      return List.of();
    }
    return List.of(
        Finding.at(
            "/sharedInstall/blockSize",
            "GPFS block size " + spec.sharedInstall().blockSize() + " is not one the seed supports",
            "use 1M (RAID segments of 256K) or 512K (segments of 128K)"));
  }

  /** Whether {@code path} is on the GPFS filesystem, at its final or its migration mount point. */
  private static boolean onGpfs(SharedInstall shared, AbsolutePath path) {
    return path.isWithin(shared.mountPoint()) || path.isWithin(shared.migrationMountPoint());
  }

  private static List<Finding> dump(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < spec.images().size(); i++) {
      OsImage image = spec.images().get(i);
      Optional<OsImage.Dump> dump = image.dump();
      if (dump.isPresent() && onGpfs(spec.sharedInstall(), dump.get().location())) {
        out.add(
            Finding.at(
                "/images/" + i + "/dump/location",
                "image "
                    + image.name()
                    + " puts its dump resource in "
                    + dump.get().location()
                    + ", on the shared GPFS "
                    + spec.sharedInstall().mountPoint()
                    + "; AIX cannot dump to GPFS",
                "use a local jfs2 filesystem such as /export/nim"));
      }
    }
    return out;
  }

  private static List<Finding> dumpPerImage(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    java.util.Map<String, String> owner = new java.util.HashMap<>();
    for (int i = 0; i < spec.images().size(); i++) {
      OsImage image = spec.images().get(i);
      if (image.dump().isEmpty()) {
        continue;
      }
      String resource = image.dump().get().resource();
      String earlier = owner.putIfAbsent(resource, image.name());
      if (earlier != null) {
        out.add(
            Finding.at(
                "/images/" + i + "/dump/resource",
                "images "
                    + earlier
                    + " and "
                    + image.name()
                    + " share the dump resource "
                    + resource
                    + "; NIM allocates a dump resource to the nodes of one image",
                "give image " + image.name() + " its own, e.g. " + image.name() + "-dump"));
      }
    }
    return out;
  }

  private static List<PagingAt> pagings(ClusterSpec spec) {
    List<PagingAt> out = new ArrayList<>();
    for (int g = 0; g < spec.groups().size(); g++) {
      ComputeGroup group = spec.groups().get(g);
      int index = g;
      group
          .paging()
          .ifPresent(p -> out.add(new PagingAt(group, p, "/groups/" + index + "/paging")));
    }
    return out;
  }

  private record PagingAt(ComputeGroup group, Paging paging, String pointer) {}

  private static List<Finding> pagingUnderNim(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    SharedInstall shared = spec.sharedInstall();
    if (shared.pagingDir().isWithin(shared.nimPagingDir())) {
      out.add(
          Finding.at(
              "/sharedInstall/pagingDir",
              "paging directory "
                  + shared.pagingDir()
                  + " is under NIM's "
                  + shared.nimPagingDir()
                  + ", which rmdsklsnode and NIM empty",
              "use a directory of its own, e.g. " + shared.mountPoint().resolve("paging")));
    }
    for (PagingAt at : pagings(spec)) {
      Optional<AbsolutePath> dir = at.paging().dir();
      if (dir.isPresent() && dir.get().isWithin(shared.nimPagingDir())) {
        out.add(
            Finding.at(
                at.pointer() + "/dir",
                "group "
                    + at.group().name()
                    + " keeps paging files under NIM's "
                    + shared.nimPagingDir(),
                "use " + shared.pagingDir() + " or another directory outside NIM's"));
      }
    }
    return out;
  }

  private static List<Finding> pagingReplicated(ClusterSpec spec) {
    if (Boolean.TRUE.equals(spec.sharedInstall().pagingReplicated())) {
      return List.of(
          Finding.at(
              "/sharedInstall/pagingReplicated",
              "the paging directory is GPFS-replicated; paging I/O then waits on both replicas",
              "set pagingReplicated: false and turn GPFS replication off for that directory"));
    }
    return List.of();
  }

  private static List<Finding> pagingFur(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    for (PagingAt at : pagings(spec)) {
      if (!at.paging().activation().equals("fur")) {
        out.add(
            Finding.at(
                at.pointer() + "/activation",
                "group "
                    + at.group().name()
                    + " activates paging with '"
                    + at.paging().activation()
                    + "'; only mkps ... :fur survives an NFS failover",
                "set activation: fur"));
      }
      if (!at.paging().removeSwapnfs0()) {
        out.add(
            Finding.at(
                at.pointer() + "/removeSwapnfs0",
                "group "
                    + at.group().name()
                    + " keeps NIM's swapnfs0, which has no replica and hangs the node on failover",
                "set removeSwapnfs0: true"));
      }
    }
    return out;
  }

  private static List<Finding> stateliteServer(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < spec.statelite().size(); i++) {
      StateliteEntry row = spec.statelite().get(i);
      if (!row.mount().startsWith("$noderes.xcatmaster:")) {
        out.add(
            Finding.at(
                "/statelite/" + i + "/mount",
                "statelite mount "
                    + Shown.value(row.mount())
                    + " names its server; after snmove the nodes would still mount the old SN",
                "write it as $noderes.xcatmaster:" + spec.sharedInstall().stateliteDir()));
      }
    }
    return out;
  }

  private static List<Finding> stateliteVers(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < spec.statelite().size(); i++) {
      StateliteEntry row = spec.statelite().get(i);
      List<String> options = List.of(row.options().split(",", -1));
      List<String> versions = options.stream().filter(o -> o.startsWith("vers=")).toList();
      if (!versions.equals(List.of("vers=4"))) {
        out.add(
            Finding.at(
                "/statelite/" + i + "/options",
                "statelite mount options '"
                    + Shown.value(row.options())
                    + "' "
                    + (versions.contains("vers=4")
                        ? "name another NFS version beside vers=4"
                        : "lack vers=4")
                    + "; only NFSv4 has replicas",
                "write vers=4 once and no other vers="));
      }
    }
    return out;
  }

  private static List<Finding> console(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < spec.litefile().size(); i++) {
      LiteFileEntry row = spec.litefile().get(i);
      String file =
          row.file().endsWith("/") ? row.file().substring(0, row.file().length() - 1) : row.file();
      boolean ras = file.equals(RAS) || RAS.startsWith(file + "/") || file.startsWith(RAS + "/");
      if (!row.persistent() || !ras) {
        continue;
      }
      if (spec.consoleRedirect().isEmpty()) {
        out.add(
            Finding.at(
                "/litefile/" + i + "/file",
                row.file()
                    + " is persistent, so the console log sits on a mount that fails over;"
                    + " failover logs to the console and hangs",
                "add consoleRedirect (postscript conslog, target /tmp/conslog): swcons -p /tmp/conslog"));
        continue;
      }
      String target = spec.consoleRedirect().get().target().value();
      if (target.equals(file) || target.startsWith(file + "/")) {
        out.add(
            Finding.at(
                "/consoleRedirect/target",
                "the console log goes to " + target + ", inside the persistent " + row.file(),
                "redirect it outside persistent storage, e.g. /tmp/conslog"));
      }
    }
    return out;
  }
}
