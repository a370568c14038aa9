package dev.hasnctl.desired;

import dev.hasnctl.model.AbsolutePath;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.NodeHealth;
import dev.hasnctl.model.Noderange;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ComputeGroup;
import dev.hasnctl.spec.NodeServices;
import dev.hasnctl.spec.OsImage;
import dev.hasnctl.spec.Paging;
import dev.hasnctl.spec.Postscripts;
import dev.hasnctl.spec.ServiceNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The compute groups' share: node definitions, NIM diskless definitions, paging, postscripts. */
final class NodeResources {
  /** xCAT's postscript that sets up NFSv4 client replication failover on each node. */
  static final String REPLICATION_POSTSCRIPT = "setupnfsv4replication";

  private NodeResources() {}

  static void add(ClusterSpec spec, Expansion out) {
    HostName ems = spec.ems().name();
    AbsolutePath postscriptDir = spec.sharedInstall().mountPoint().resolve("postscripts");
    spec.consoleRedirect()
        .ifPresent(
            redirect ->
                out.add(
                    Resource.managed(
                        new ResourceId(
                            ems,
                            ResourceKind.FILE,
                            postscriptDir.resolve(redirect.postscript()).value()),
                        Map.of("content", Postscripts.consoleRedirect(redirect)),
                        "/consoleRedirect")));

    for (int g = 0; g < spec.groups().size(); g++) {
      ComputeGroup group = spec.groups().get(g);
      String origin = "/groups/" + g;
      // Every node of the group asks the same of each kind: one map and one origin each, shared.
      String backupOrigin = origin + "/backup";
      String primaryOrigin = origin + "/primary";
      String activeOrigin = origin + "/active";
      String pagingOrigin = origin + "/paging/files";
      Map<String, String> definition = Resource.sharedProperties(definition(spec, group));
      Map<String, String> running = Resource.sharedProperties(running(spec, group));
      Map<String, String> health = Resource.sharedProperties(health(spec, group));
      Map<String, String> diskless = Resource.sharedProperties(Map.of("image", group.image()));
      List<Map<String, String>> pagingSizes =
          group.paging().stream()
              .flatMap(paging -> paging.files().stream())
              .<Map<String, String>>map(
                  file ->
                      Resource.sharedProperties(Map.of("sizeMiB", Long.toString(file.sizeMiB()))))
              .toList();
      group
          .paging()
          .ifPresent(
              paging ->
                  out.add(
                      Resource.managed(
                          new ResourceId(
                              ems,
                              ResourceKind.FILE,
                              postscriptDir.resolve(paging.postscript()).value()),
                          Map.of("content", Postscripts.paging(pagingDir(spec, paging), paging)),
                          origin + "/paging")));
      for (String node : Noderange.expand(group.nodes())) {
        out.add(Resource.managed(new ResourceId(ems, ResourceKind.NODE, node), definition, origin));
        // Seed: mkdsklsnode -b on the backup, then -p on the primary; both hold a NIM machine
        // definition of the node with the group's image. Which SN plays which role is the spec's
        // (the plan orders -b before -p); NIM shows only that the definition exists.
        out.add(
            Resource.managed(
                new ResourceId(group.backupServiceNode(), ResourceKind.DISKLESS_NODE, node),
                diskless,
                backupOrigin));
        out.add(
            Resource.managed(
                new ResourceId(group.primary(), ResourceKind.DISKLESS_NODE, node),
                diskless,
                primaryOrigin));
        group
            .paging()
            .ifPresent(
                paging -> pagingFiles(spec, group, paging, pagingSizes, node, pagingOrigin, out));
        HostName nodeHost = HostName.of(node);
        out.add(
            Resource.managed(
                new ResourceId(nodeHost, ResourceKind.RUNNING_NODE, node), running, activeOrigin));
        out.add(
            Resource.checked(
                new ResourceId(nodeHost, ResourceKind.NODE_HEALTH, node), health, activeOrigin));
      }
    }
  }

  private static Map<String, String> definition(ClusterSpec spec, ComputeGroup group) {
    HostName active = group.activeServiceNode();
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("servicenode", active + "," + group.standbyServiceNode());
    properties.put(
        "xcatmaster",
        spec.serviceNode(active.value()).map(sn -> sn.xcatmaster().value()).orElse(active.value()));
    List<String> groups = new ArrayList<>();
    groups.add(group.name());
    groups.addAll(group.xcatGroups());
    // xCAT puts every node in "all"; asking for it keeps chdef from dropping it.
    groups.add("all");
    properties.put("groups", String.join(",", new LinkedHashSet<>(groups)));
    properties.put("provmethod", group.image());
    properties.put("postscripts", String.join(",", postscripts(spec, group)));
    return properties;
  }

  /**
   * What a booted node of {@code group} runs with: {@code /etc/xcatinfo} names the active SN by its
   * address, as snmove writes it; the default gateway follows {@code nodeServices}.
   */
  private static Map<String, String> running(ClusterSpec spec, ComputeGroup group) {
    HostName active = group.activeServiceNode();
    String address =
        spec.serviceNode(active.value()).map(ServiceNode::address).orElse(active.value());
    String gateway =
        switch (spec.nodeServices().defaultGateway()) {
          case NodeServices.XCATMASTER -> address;
          case "none" -> "";
          default -> spec.nodeServices().defaultGateway();
        };
    return Map.of("xcatserver", address, "gateway", gateway);
  }

  /**
   * How a healthy booted node of {@code group} runs: it answers; its NFS mounts are served by the
   * active SN and list the standby as their replica; NIM's swapnfs0 no longer pages when the spec
   * removes it (seed: it "may cause a system hang in a failover situation"); its dump device is on
   * the active SN when the image has a dump resource.
   */
  private static Map<String, String> health(ClusterSpec spec, ComputeGroup group) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(NodeHealth.RESPONDING, "yes");
    properties.put(NodeHealth.SERVER, group.activeServiceNode().value());
    properties.put(NodeHealth.REPLICA, group.standbyServiceNode().value());
    group
        .paging()
        .filter(Paging::removeSwapnfs0)
        .ifPresent(p -> properties.put(NodeHealth.SWAPNFS0, "inactive"));
    if (spec.image(group.image()).flatMap(OsImage::dump).isPresent()) {
      properties.put(NodeHealth.DUMP, group.activeServiceNode().value());
    }
    return properties;
  }

  private static Set<String> postscripts(ClusterSpec spec, ComputeGroup group) {
    Set<String> names = new LinkedHashSet<>();
    names.add(REPLICATION_POSTSCRIPT);
    spec.consoleRedirect().ifPresent(redirect -> names.add(redirect.postscript()));
    group.paging().ifPresent(paging -> names.add(paging.postscript()));
    spec.image(group.image()).map(OsImage::postscripts).ifPresent(names::addAll);
    names.addAll(group.postscripts());
    return names;
  }

  private static void pagingFiles(
      ClusterSpec spec,
      ComputeGroup group,
      Paging paging,
      List<Map<String, String>> sizes,
      String node,
      String origin,
      Expansion out) {
    AbsolutePath dir = pagingDir(spec, paging).resolve(node);
    for (int i = 0; i < paging.files().size(); i++) {
      // The files are on the shared GPFS /install: one SN creates them for every node.
      out.add(
          Resource.managed(
              new ResourceId(
                  group.primary(),
                  ResourceKind.PAGING_FILE,
                  dir.resolve(paging.files().get(i).name()).value()),
              sizes.get(i),
              origin));
    }
  }

  private static AbsolutePath pagingDir(ClusterSpec spec, Paging paging) {
    return paging.dir().orElse(spec.sharedInstall().pagingDir());
  }
}
