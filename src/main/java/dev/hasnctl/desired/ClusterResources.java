package dev.hasnctl.desired;

import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.LiteFileEntry;
import dev.hasnctl.spec.Network;
import dev.hasnctl.spec.OsImage;
import dev.hasnctl.spec.Site;
import dev.hasnctl.spec.StateliteEntry;
import java.util.LinkedHashMap;
import java.util.Map;

/** The EMS's share of the desired state: the xCAT tables and osimages. */
final class ClusterResources {
  private ClusterResources() {}

  static void add(ClusterSpec spec, Expansion out) {
    HostName ems = spec.ems().name();
    Site site = spec.site();
    site(out, ems, "domain", site.domain());
    site(out, ems, "nameservers", site.nameservers());
    site(out, ems, "useNFSv4onAIX", site.useNFSv4onAIX());
    site(out, ems, "sharedinstall", site.sharedinstall());
    site.ntpservers().ifPresent(value -> site(out, ems, "ntpservers", value));

    for (int i = 0; i < spec.networks().size(); i++) {
      Network network = spec.networks().get(i);
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("net", network.net());
      properties.put("mask", network.mask());
      properties.put("nameservers", network.nameservers());
      network.gateway().ifPresent(gateway -> properties.put("gateway", gateway));
      out.add(
          Resource.managed(
              new ResourceId(ems, ResourceKind.NETWORK, network.name()),
              properties,
              "/networks/" + i));
    }

    for (int i = 0; i < spec.images().size(); i++) {
      OsImage image = spec.images().get(i);
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("nfs_vers", Integer.toString(image.nfsVers()));
      properties.put("installp_bundle", String.join(",", image.installpBundles()));
      properties.put("resolv_conf", image.resolvConf().orElse(""));
      properties.put("dump", image.dump().map(OsImage.Dump::resource).orElse(""));
      // configdump belongs to the dump resource: without one xCAT keeps none.
      properties.put(
          "configdump",
          image.dump().isPresent()
              ? image.configdump().name().toLowerCase(java.util.Locale.ROOT)
              : "");
      out.add(
          Resource.managed(
              new ResourceId(ems, ResourceKind.OSIMAGE, image.name()), properties, "/images/" + i));
    }

    for (int i = 0; i < spec.statelite().size(); i++) {
      StateliteEntry row = spec.statelite().get(i);
      out.add(
          Resource.managed(
              new ResourceId(
                  ems, ResourceKind.STATELITE, row.node() + "|" + row.image().orElse("")),
              Map.of("statemnt", row.mount(), "mntopts", row.options()),
              "/statelite/" + i));
    }

    for (int i = 0; i < spec.litefile().size(); i++) {
      LiteFileEntry row = spec.litefile().get(i);
      out.add(
          Resource.managed(
              new ResourceId(ems, ResourceKind.LITEFILE, row.image() + "|" + row.file()),
              Map.of("options", row.options()),
              "/litefile/" + i));
    }

    out.add(
        Resource.managed(
            new ResourceId(
                ems,
                ResourceKind.NFS_TUNABLES,
                spec.sharedInstall()
                    .mountPoint()
                    .resolve("postscripts/setupnfsv4replication")
                    .value()),
            Map.of(
                "NFSRETRIES",
                spec.nfsFailover().retries().toString(),
                "NFSTIMEO",
                spec.nfsFailover().timeoutTenths().toString()),
            "/nfsFailover"));

    spec.ems()
        .requiredDb2Export()
        .ifPresent(
            export ->
                out.add(
                    Resource.managed(
                        new ResourceId(ems, ResourceKind.EXPORT, export.path().value()),
                        Map.of("line", export.exportsLine()),
                        spec.ems().db2Export().isPresent() ? "/ems/db2Export" : "/ems/database")));
  }

  private static void site(Expansion out, HostName ems, String attribute, String value) {
    out.add(
        Resource.managed(
            new ResourceId(ems, ResourceKind.SITE_ATTRIBUTE, attribute),
            Map.of("value", value),
            "/site/" + attribute));
  }
}
