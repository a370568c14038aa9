package dev.hasnctl.desired;

import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ServiceNode;
import dev.hasnctl.spec.SharedInstall;
import dev.hasnctl.spec.SnPair;
import dev.hasnctl.spec.Software.RoleSoftware;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Each service node's share: exports, start/stop order, GPFS, daemons, NFSv4 domain, levels. */
final class ServiceNodeResources {
  private ServiceNodeResources() {}

  static void add(ClusterSpec spec, Expansion out) {
    SharedInstall shared = spec.sharedInstall();
    String domainFile = SharedInstall.LOCAL_DOMAIN_FILE.value();
    Map<String, String> domain = Map.of("content", spec.site().domain() + "\n");
    out.add(
        Resource.managed(
            new ResourceId(spec.ems().name(), ResourceKind.FILE, domainFile),
            domain,
            "/site/domain"));
    software(out, spec.ems().name(), spec.software().ems(), "/software/ems");

    for (int i = 0; i < spec.serviceNodes().size(); i++) {
      ServiceNode sn = spec.serviceNodes().get(i);
      HostName host = sn.name();
      String origin = "/serviceNodes/" + i;
      out.add(
          Resource.managed(
              new ResourceId(host, ResourceKind.FILE, domainFile), domain, "/site/domain"));
      partner(spec, host)
          .ifPresent(
              partner ->
                  out.add(
                      Resource.managed(
                          new ResourceId(host, ResourceKind.EXPORT, shared.mountPoint().value()),
                          Map.of("line", exportsLine(spec, sn, partner)),
                          "/pairs")));

      // Seed: GPFS must be active before NFS and xcatd serve /install at boot...
      List<String> order = new ArrayList<>();
      order.add(spec.serviceOrder().gpfsInittabId());
      order.addAll(spec.serviceOrder().afterGpfs());
      out.add(
          Resource.managed(
              new ResourceId(host, ResourceKind.INITTAB_ORDER, "/etc/inittab"),
              Map.of("order", String.join(",", order)),
              "/serviceOrder/afterGpfs"));
      // ...and NFS must stop before GPFS at shutdown.
      out.add(
          Resource.managed(
              new ResourceId(host, ResourceKind.SHUTDOWN_ORDER, "/etc/rc.shutdown"),
              Map.of("lines", String.join("\n", spec.serviceOrder().shutdownLines())),
              "/serviceOrder/shutdownLines"));

      out.add(
          Resource.managed(
              new ResourceId(host, ResourceKind.GPFS_MOUNT, shared.device()),
              Map.of(
                  "cluster",
                  shared.gpfsCluster(),
                  "mountPoint",
                  shared.mountPoint().value(),
                  "blockSize",
                  shared.blockSize()),
              "/sharedInstall"));
      for (String daemon : List.of("gpfs", "nfsd", "xcatd")) {
        out.add(
            Resource.managed(
                new ResourceId(host, ResourceKind.SERVICE, daemon),
                Map.of("state", "active"),
                origin));
      }
      software(out, host, spec.software().serviceNodes(), "/software/serviceNodes");
    }
  }

  /** The export line mkdsklsnode -S writes: this SN's replica first, then its partner's. */
  static String exportsLine(ClusterSpec spec, ServiceNode self, ServiceNode partner) {
    String mount = spec.sharedInstall().mountPoint().value();
    return mount
        + " -replicas="
        + mount
        + "@"
        + self.address()
        + ":"
        + mount
        + "@"
        + partner.address()
        + ","
        + String.join(",", spec.exports().options());
  }

  private static Optional<ServiceNode> partner(ClusterSpec spec, HostName sn) {
    return spec.pairs().stream()
        .filter(pair -> pair.contains(sn))
        .map((SnPair pair) -> pair.partnerOf(sn))
        .findFirst()
        .flatMap(name -> spec.serviceNode(name.value()));
  }

  private static void software(Expansion out, HostName host, RoleSoftware levels, String origin) {
    out.add(
        Resource.checked(
            new ResourceId(host, ResourceKind.SOFTWARE, "oslevel"),
            Map.of("minimum", levels.aix()),
            origin + "/aix"));
    out.add(
        Resource.checked(
            new ResourceId(host, ResourceKind.SOFTWARE, "xcat"),
            Map.of("minimum", levels.xcat()),
            origin + "/xcat"));
    for (String ifix : levels.ifixes()) {
      out.add(
          Resource.checked(
              new ResourceId(host, ResourceKind.SOFTWARE, "ifix:" + ifix),
              Map.of("installed", "yes"),
              origin + "/ifixes"));
    }
  }
}
