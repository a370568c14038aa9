package dev.hasnctl.sim.scenario;

import dev.hasnctl.model.AbsolutePath;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Noderange;
import dev.hasnctl.model.Secret;
import dev.hasnctl.sim.Compute;
import dev.hasnctl.sim.Consequences;
import dev.hasnctl.sim.Gpfs;
import dev.hasnctl.sim.GpfsMounts;
import dev.hasnctl.sim.NfsMount;
import dev.hasnctl.sim.NimObject;
import dev.hasnctl.sim.PagingSpace;
import dev.hasnctl.sim.Role;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.Software;
import dev.hasnctl.sim.Subsystem;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ComputeGroup;
import dev.hasnctl.spec.NodeServices;
import dev.hasnctl.spec.Postscripts;
import dev.hasnctl.spec.ServiceNode;
import dev.hasnctl.spec.SnPair;
import dev.hasnctl.spec.Teal;
import java.util.List;
import java.util.Optional;

/** Builds the simulated world of a spec in a {@link Scenario}. Pure and deterministic. */
public final class ScenarioBuilder {
  /** AIX's /etc/inittab entries around the ones the seed reorders, NFS before GPFS. */
  static final String RCNFS =
      "rcnfs:23456789:wait:/etc/rc.nfs > /dev/console 2>&1 # Start NFS Daemons";

  static final String XCATD = "xcatd:2:once:/opt/xcat/sbin/restartxcatd > /dev/console 2>&1";

  private ScenarioBuilder() {}

  /**
   * The state of {@code spec}'s cluster in {@code scenario}, for a spec whose TEAL node (if any) is
   * not converged: converged, its files need the password (see the other overload).
   */
  public static SimState build(ClusterSpec spec, Scenario scenario) {
    return build(spec, scenario, Optional.empty());
  }

  /**
   * The state of {@code spec}'s cluster in {@code scenario}, the TEAL DB2 password being {@code
   * secret}: the password of the EMS's database, in the files of a converged TEAL node.
   */
  public static SimState build(ClusterSpec spec, Scenario scenario, Optional<Secret> secret) {
    SimState state = new SimState();
    state.cluster = spec.name();
    Tables.fill(state.tables, spec, scenario);
    SimHost ems = state.add(SimHost.of(spec.ems().name().shortName(), Role.EMS));
    base(ems, spec.software().ems(), "xcatd");
    ems.files.put(
        "/etc/nfs/local_domain", scenario == Scenario.FRESH ? "" : spec.site().domain() + "\n");
    if (scenario == Scenario.CONVERGED && spec.ems().requiredDb2Export().isPresent()) {
      ems.files.put("/etc/exports", spec.ems().requiredDb2Export().get().exportsLine() + "\n");
    }
    postscripts(ems, spec, scenario);
    Nim.master(ems, spec, scenario);
    TealScenario.ems(ems, spec, scenario, secret);
    for (ServiceNode sn : spec.serviceNodes()) {
      serviceNode(state, spec, sn, scenario);
    }
    TealScenario.routers(state, spec, scenario);
    TealNode.add(state, spec, scenario);
    for (ComputeGroup group : spec.groups()) {
      for (String node : Noderange.expand(group.nodes())) {
        computeNode(state, spec, group, node, scenario);
      }
    }
    if (scenario == Scenario.LEGACY) {
      LocalInstall.fill(state, spec);
    }
    if (scenario == Scenario.CONVERGED) {
      sharedPostscripts(state, ems, spec);
    }
    GpfsMounts.adopt(state);
    Consequences.settle(state);
    return state;
  }

  /**
   * Converged, the shared GPFS /install holds the EMS's postscripts, as the seed copies them there
   * ({@code xdcp <any service node> /install/postscripts/setupnfsv4replication ...}): written below
   * the first SN's mount point, every SN sees them once the filesystem's content is adopted.
   */
  private static void sharedPostscripts(SimState state, SimHost ems, ClusterSpec spec) {
    String dir = spec.sharedInstall().mountPoint().resolve("postscripts").value() + "/";
    SimHost sn = state.hosts.get(spec.serviceNodes().get(0).name().shortName());
    if (sn == null) {
      return;
    }
    sn.dirs.add(dir.substring(0, dir.length() - 1));
    ems.files.forEach(
        (path, content) -> {
          if (path.startsWith(dir)) {
            sn.files.put(path, content);
          }
        });
  }

  /**
   * xCAT's own setupnfsv4replication, with its shipped tunables (3 tries of 0.1 s) or, converged,
   * the spec's; converged also holds the console-redirect and paging postscripts.
   */
  private static void postscripts(SimHost ems, ClusterSpec spec, Scenario scenario) {
    AbsolutePath dir = spec.sharedInstall().mountPoint().resolve("postscripts");
    boolean converged = scenario == Scenario.CONVERGED;
    ems.files.put(
        dir.resolve("setupnfsv4replication").value(),
        converged
            ? Postscripts.replicationTunables(
                spec.nfsFailover().retries(), spec.nfsFailover().timeoutTenths())
            : Postscripts.replicationTunables(3, 1));
    if (!converged) {
      return;
    }
    spec.teal()
        .flatMap(Teal::bundleFile)
        .ifPresent(bundle -> ems.files.put(bundle.value(), Teal.BUNDLE));
    spec.consoleRedirect()
        .ifPresent(
            redirect ->
                ems.files.put(
                    dir.resolve(redirect.postscript()).value(),
                    Postscripts.consoleRedirect(redirect)));
    for (ComputeGroup group : spec.groups()) {
      group
          .paging()
          .ifPresent(
              paging ->
                  ems.files.put(
                      dir.resolve(paging.postscript()).value(),
                      Postscripts.paging(
                          paging.dir().orElse(spec.sharedInstall().pagingDir()), paging)));
    }
  }

  private static void base(
      SimHost host, dev.hasnctl.spec.Software.RoleSoftware levels, String extra) {
    host.software = new Software();
    host.software.oslevel = levels.aix();
    host.software.filesets.put("bos.rte", "7.1.1.3");
    for (String rpm : List.of("perl-xCAT", "xCAT-client", "xCAT-server")) {
      host.software.rpms.put(rpm, levels.xcat() + "-snap201209071552");
    }
    for (String fix : levels.ifixes()) {
      host.software.ifixes.put(fix, "ifix " + fix);
    }
    int pid = 200_000;
    for (String nfs : List.of("biod", "nfsd", "nfsrgyd", "rpc.lockd", "rpc.mountd", "rpc.statd")) {
      host.subsystems.put(nfs, Subsystem.of("nfs", pid += 131));
    }
    host.subsystems.put("gssd", Subsystem.of("nfs", 0));
    host.subsystems.put(extra, Subsystem.of("", pid + 131));
    host.files.put(
        "/etc/inittab",
        String.join(
                "\n",
                "init:2:initdefault:",
                "brc::sysinit:/sbin/rc.boot 3 >/dev/console 2>&1 # Phase 3 of system boot",
                "rc:23456789:wait:/etc/rc 2>&1 | alog -tboot > /dev/console # Multi-User checks",
                "srcmstr:23456789:respawn:/usr/sbin/srcmstr # System Resource Controller",
                "rctcpip:23456789:wait:/etc/rc.tcpip > /dev/console 2>&1 # Start TCP/IP daemons",
                RCNFS,
                "cron:23456789:respawn:/usr/sbin/cron",
                XCATD)
            + "\n");
  }

  private static SnPair pairOf(ClusterSpec spec, ServiceNode sn) {
    return spec.pairs().stream()
        .filter(p -> p.contains(sn.name()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(sn.name() + " is in no pair"));
  }

  private static void serviceNode(
      SimState state, ClusterSpec spec, ServiceNode sn, Scenario scenario) {
    SimHost host = state.add(SimHost.of(sn.name().shortName(), Role.SERVICE_NODE));
    host.aliases.add(sn.xcatmaster().value());
    host.aliases.add(sn.address());
    base(host, spec.software().serviceNodes(), "xcatd");
    host.software.rpms.put("xCATsn", spec.software().serviceNodes().xcat() + "-snap201209071552");
    var shared = spec.sharedInstall();
    String mount = shared.mountPoint().value();
    host.dirs.add(mount);
    if (scenario == Scenario.CONVERGED) {
      host.gpfs = new Gpfs();
      host.gpfs.cluster = shared.gpfsCluster();
      host.gpfs.active = true;
      String device =
          shared.device().startsWith("/dev/") ? shared.device().substring(5) : shared.device();
      host.gpfs.filesystems.put(device, Gpfs.Filesystem.of(mount, shared.blockSize(), true));
      // GPFS first, then NFS and xcatd (seed: "Configure SN startup and shutdown").
      String inittab =
          host.files.get("/etc/inittab").replace(RCNFS + "\n", "").replace(XCATD + "\n", "");
      host.files.put(
          "/etc/inittab",
          inittab
              + spec.serviceOrder().gpfsInittabId()
              + ":2:once:/usr/lpp/mmfs/bin/mmautoload >/dev/console 2>&1\n"
              + RCNFS
              + "\n"
              + XCATD
              + "\n");
      host.files.put(
          "/etc/rc.shutdown", String.join("\n", spec.serviceOrder().shutdownLines()) + "\n");
      host.files.put("/etc/nfs/local_domain", spec.site().domain() + "\n");
      // mkdsklsnode -S ran "chnfs -R on" before exporting the replicas (aixinstall.pm).
      host.nfsReplication = true;
      ServiceNode partner =
          spec.serviceNode(pairOf(spec, sn).partnerOf(sn.name()).value()).orElseThrow();
      String export =
          mount
              + " -replicas="
              + mount
              + "@"
              + sn.address()
              + ":"
              + mount
              + "@"
              + partner.address()
              + ","
              + String.join(",", spec.exports().options());
      host.files.put("/etc/exports", export + "\n");
      host.files.put("/etc/xtab", export + "\n");
    } else {
      // Local /install, the legacy NFSv3 export (fresh: installed, nothing exported yet).
      String export = mount + " -vers=3,rw,root=*";
      if (scenario == Scenario.FRESH || scenario == Scenario.LEGACY) {
        // The seed's prerequisite, done with GPFS's own tools before hasnctl runs: the SN is in
        // the GPFS admin cluster and the shared filesystem exists, but GPFS is not started.
        host.gpfs = new Gpfs();
        host.gpfs.cluster = shared.gpfsCluster();
        host.gpfs.active = false;
        String device =
            shared.device().startsWith("/dev/") ? shared.device().substring(5) : shared.device();
        host.gpfs.filesystems.put(device, Gpfs.Filesystem.of(mount, shared.blockSize(), false));
      }
      if (scenario == Scenario.LEGACY) {
        host.localInstall = true;
        host.files.put("/etc/exports", export + "\n");
        host.files.put("/etc/xtab", export + "\n");
      }
    }
    Nim.master(host, spec, scenario);
  }

  private static void computeNode(
      SimState state, ClusterSpec spec, ComputeGroup group, String name, Scenario scenario) {
    SimHost host = state.add(SimHost.of(name, Role.COMPUTE));
    if (scenario == Scenario.FRESH) {
      return;
    }
    // mkdsklsnode has run: the NIM machine on the primary SN, and with HASN on the backup too.
    List<HostName> definedOn =
        scenario == Scenario.CONVERGED
            ? List.of(group.backupServiceNode(), group.primary())
            : List.of(group.primary());
    for (HostName sn : definedOn) {
      state
          .host(sn.shortName())
          .orElseThrow()
          .nim
          .put(
              name,
              NimObject.of("machines", "diskless")
                  .with("Cstate", "diskless or dataless boot is enabled")
                  .with("spot", group.image()));
    }
    ServiceNode primary = spec.serviceNode(group.primary().value()).orElseThrow();
    ServiceNode backup = spec.serviceNode(group.backupServiceNode().value()).orElseThrow();
    ServiceNode active = group.active() == ComputeGroup.Active.PRIMARY ? primary : backup;
    String image = group.image();
    String mount = spec.sharedInstall().mountPoint().value();
    Compute node = new Compute();
    host.compute = node;
    node.image = image;
    List<String> servers =
        scenario == Scenario.CONVERGED
            ? List.of(primary.xcatmaster().value(), backup.xcatmaster().value())
            : List.of(primary.xcatmaster().value());
    node.mounts.put(
        "/", NfsMount.of(mount + "/nim/shared_root/" + image + "_shared_root", servers));
    node.mounts.put("/usr", NfsMount.of(mount + "/nim/spot/" + image + "/usr", servers));
    if (scenario == Scenario.LEGACY) {
      node.mounts.values().forEach(m -> m.local = true);
    }
    if (scenario == Scenario.CONVERGED) {
      node.mounts.put(
          "/.statelite/persistent",
          NfsMount.of(spec.sharedInstall().stateliteDir().value(), servers));
      int serving = group.active() == ComputeGroup.Active.PRIMARY ? 0 : 1;
      node.mounts.values().forEach(m -> m.serving = serving);
      node.nfsReplication = true;
      spec.consoleRedirect().ifPresent(c -> node.consoleLog = c.target().value());
    }
    String master = active.xcatmaster().value();
    // At boot xcataixpost writes the NIM master's host name (xCAT/postscripts/xcataixpost,
    // NIM_MASTER_HOSTNAME of /etc/niminfo); only snmove writes the SN's address. A node served
    // by its backup got there through snmove.
    boolean moved = group.active() == ComputeGroup.Active.BACKUP;
    host.files.put("/etc/xcatinfo", "XCATSERVER=" + (moved ? active.address() : master) + "\n");
    NodeServices services = spec.nodeServices();
    node.syslog = target(services.syslog(), master);
    node.ntp = target(services.ntp(), master);
    node.defaultGateway = target(services.defaultGateway(), active.address());
    spec.image(image)
        .flatMap(i -> i.dump())
        .ifPresent(
            dump ->
                node.dumpDevice =
                    Compute.nimDumpDevice(
                        active.xcatmaster().value(),
                        dump.location() + "/" + dump.resource(),
                        name));
    String pagingDir =
        group
            .paging()
            .flatMap(p -> p.dir())
            .map(Object::toString)
            .orElse(spec.sharedInstall().pagingDir().value());
    if (scenario == Scenario.CONVERGED && group.paging().isPresent()) {
      SimHost server = state.hosts.get(primary.name().shortName());
      for (var file : group.paging().get().files()) {
        String path = pagingDir + "/" + name + "/" + file.name();
        if (server != null) {
          // On the shared GPFS /install: GpfsMounts.adopt shows it to every SN that mounts it.
          server.sizedFiles.put(path, file.sizeMiB() * 1024 * 1024);
        }
        PagingSpace space = new PagingSpace();
        space.name = file.name();
        space.server = primary.xcatmaster().value();
        space.path = path;
        space.flags = group.paging().get().activation();
        space.sizeMb = file.sizeMiB();
        space.active = true;
        node.paging.add(space);
      }
    } else {
      node.paging.add(
          PagingSpace.nimSwapnfs0(
              primary.xcatmaster().value(),
              spec.sharedInstall().nimPagingDir() + "/" + image + "_paging",
              name));
    }
  }

  private static String target(String value, String master) {
    return switch (value) {
      case NodeServices.XCATMASTER -> master;
      case "none" -> "";
      default -> value;
    };
  }
}
