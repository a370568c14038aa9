package dev.hasnctl.desired;

import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.spec.ClusterSpec;
import java.util.List;

/**
 * The SNs' copy of the EMS's postscripts. The nodes run their postscripts from the SN that serves
 * them, out of the shared GPFS /install, not from the EMS's copy: what hasnctl writes or edits in
 * the EMS's {@code /install/postscripts} (the console redirect and paging postscripts, the
 * setupnfsv4replication tunables) must be the same there. Every SN's view is checked: they share
 * the filesystem, so a copy through one ({@code xdcp <any service node> ...}, as the seed does)
 * shows on all, and an SN that does not see it is not serving the shared /install.
 */
final class SharedPostscripts {
  private SharedPostscripts() {}

  static void add(ClusterSpec spec, Expansion out) {
    if (spec.serviceNodes().isEmpty()) {
      return;
    }
    HostName ems = spec.ems().name();
    String dir = spec.sharedInstall().mountPoint().resolve("postscripts").value() + "/";
    List<Resource> onEms =
        out.resources().values().stream()
            .filter(r -> r.id().host().equals(ems) && r.id().key().startsWith(dir))
            .filter(
                r ->
                    r.id().kind() == ResourceKind.FILE
                        || r.id().kind() == ResourceKind.NFS_TUNABLES)
            .toList();
    for (Resource r : onEms) {
      for (var sn : spec.serviceNodes()) {
        ResourceId id = new ResourceId(sn.name(), r.id().kind(), r.id().key());
        out.add(
            r.checkOnly()
                ? Resource.checked(id, r.properties(), r.origin())
                : Resource.managed(id, r.properties(), r.origin()));
      }
    }
  }
}
