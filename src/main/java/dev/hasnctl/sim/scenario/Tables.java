package dev.hasnctl.sim.scenario;

import dev.hasnctl.model.Noderange;
import dev.hasnctl.sim.XcatTables;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ComputeGroup;
import dev.hasnctl.spec.LiteFileEntry;
import dev.hasnctl.spec.Network;
import dev.hasnctl.spec.OsImage;
import dev.hasnctl.spec.ServiceNode;
import dev.hasnctl.spec.StateliteEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The xCAT database of a scenario. Node rows go in nodelist; noderes, nodetype and postscripts hold
 * one row per group, which xCAT applies to every member (as the seed's {@code chdef -t group}
 * does).
 */
final class Tables {
  /** The postscripts every AIX node runs before its own, as xcatconfig sets them. */
  static final String XCATDEFAULTS_AIX = "syslog,remoteshell,syncfiles";

  private Tables() {}

  static void fill(XcatTables tables, ClusterSpec spec, Scenario scenario) {
    boolean converged = scenario == Scenario.CONVERGED;
    var site = spec.site();
    tables.setSite("master", spec.ems().name().shortName());
    tables.setSite("domain", site.domain());
    tables.setSite("installdir", spec.sharedInstall().mountPoint().value());
    // Before the seed's migration the site names a DNS server and NFSv4 is off.
    tables.setSite("nameservers", converged ? site.nameservers() : "<xcatmaster>");
    tables.setSite("useNFSv4onAIX", converged ? site.useNFSv4onAIX() : "no");
    tables.setSite("sharedinstall", converged ? site.sharedinstall() : "no");
    site.ntpservers().ifPresent(ntp -> tables.setSite("ntpservers", ntp));
    for (Network network : spec.networks()) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("net", network.net());
      row.put("mask", network.mask());
      row.put("gateway", network.gateway().orElse(""));
      row.put("nameservers", converged ? network.nameservers() : "<xcatmaster>");
      tables.upsert("networks", "netname", network.name(), row);
    }
    // xcatconfig creates these two rows on every AIX management node
    // (xCAT-server/sbin/xcatconfig: "chtab node=xcatdefaults postscripts.postscripts=...").
    tables.upsert("postscripts", "node", "xcatdefaults", Map.of("postscripts", XCATDEFAULTS_AIX));
    tables.upsert("postscripts", "node", "service", Map.of("postscripts", "servicenode"));
    for (ServiceNode sn : spec.serviceNodes()) {
      tables.upsert("nodelist", "node", sn.name().shortName(), Map.of("groups", "service,all"));
      tables.upsert(
          "noderes",
          "node",
          sn.name().shortName(),
          Map.of("xcatmaster", spec.ems().name().shortName()));
    }
    for (ComputeGroup group : spec.groups()) {
      List<String> groups = new ArrayList<>();
      groups.add(group.name());
      groups.addAll(group.xcatGroups());
      groups.add("all");
      String members = String.join(",", groups);
      if (scenario != Scenario.FRESH) {
        for (String node : Noderange.expand(group.nodes())) {
          // Booted from its SN: xcataixpost has set nodelist.status (Schema.pm: "booted").
          tables.upsert("nodelist", "node", node, Map.of("groups", members, "status", "booted"));
        }
      }
      ServiceNode active = spec.serviceNode(group.activeServiceNode().value()).orElseThrow();
      tables.upsert(
          "noderes",
          "node",
          group.name(),
          Map.of(
              "servicenode",
              converged
                  ? group.primary() + "," + group.backupServiceNode()
                  : group.primary().value(),
              "xcatmaster",
              active.xcatmaster().value(),
              "netboot",
              "nim"));
      tables.upsert(
          "nodetype",
          "node",
          group.name(),
          Map.of(
              "os", "AIX", "arch", "ppc64", "profile", group.image(), "provmethod", group.image()));
      java.util.Set<String> scripts = new java.util.LinkedHashSet<>();
      if (converged) {
        // The order hasnctl's desired state asks for: replication first, then the console
        // redirect and paging, then the image's and the group's own.
        scripts.add("setupnfsv4replication");
        spec.consoleRedirect().ifPresent(c -> scripts.add(c.postscript()));
        group.paging().ifPresent(p -> scripts.add(p.postscript()));
        spec.image(group.image()).ifPresent(i -> scripts.addAll(i.postscripts()));
      }
      scripts.addAll(group.postscripts());
      tables.upsert(
          "postscripts", "node", group.name(), Map.of("postscripts", String.join(",", scripts)));
    }
    for (OsImage image : spec.images()) {
      tables.upsert(
          "osimage",
          "imagename",
          image.name(),
          Map.of("imagetype", "NIM", "osname", "AIX", "provmethod", "diskless", "osarch", "ppc64"));
      Map<String, String> nim = new LinkedHashMap<>();
      nim.put("nimtype", "diskless");
      nim.put("lpp_source", image.name() + "_lpp_source");
      nim.put("spot", image.name());
      nim.put("shared_root", image.name() + "_shared_root");
      nim.put("paging", image.name() + "_paging");
      nim.put("installp_bundle", String.join(",", image.installpBundles()));
      nim.put(
          "resolv_conf", converged ? image.resolvConf().orElse("") : image.name() + "_resolv_conf");
      nim.put("dump", image.dump().map(OsImage.Dump::resource).orElse(""));
      nim.put(
          "configdump",
          image.dump().isPresent()
              ? image.configdump().name().toLowerCase(java.util.Locale.ROOT)
              : "");
      tables.upsert("nimimage", "imagename", image.name(), nim);
    }
    if (converged) {
      for (StateliteEntry entry : spec.statelite()) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("image", entry.image().orElse(""));
        row.put("statemnt", entry.mount());
        row.put("mntopts", entry.options());
        tables.upsert("statelite", "node", entry.node(), row);
      }
      for (LiteFileEntry entry : spec.litefile()) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("image", entry.image());
        row.put("file", entry.file());
        row.put("options", entry.options());
        tables.rows("litefile").add(new java.util.TreeMap<>(row));
      }
    }
  }
}
