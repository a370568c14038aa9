package dev.hasnctl.sim.scenario;

import dev.hasnctl.sim.Consequences;
import dev.hasnctl.sim.GpfsMounts;
import dev.hasnctl.sim.NimObject;
import dev.hasnctl.sim.PagingSpace;
import dev.hasnctl.sim.Role;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Random perturbations of a state, one per resource kind of the spec, deterministic for a seed: the
 * same state, count and seed give the same state file, byte for byte. Each applied drift is
 * reported as one line naming the host and what changed.
 */
public final class Drift {
  /** One kind of drift: changes the state, or returns empty when it does not apply there. */
  private record Kind(String name, BiFunction<SimState, Random, Optional<String>> apply) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind("site-nameservers", (s, r) -> site(s, "nameservers", "<xcatmaster>")),
          new Kind("site-domain", (s, r) -> site(s, "domain", "old.example.com")),
          new Kind("site-nfsv4", (s, r) -> site(s, "useNFSv4onAIX", "no")),
          new Kind("site-sharedinstall", (s, r) -> site(s, "sharedinstall", "no")),
          new Kind("network-nameservers", Drift::networkNameservers),
          new Kind("exports-replicas", Drift::exportsWithoutReplicas),
          new Kind("inittab-order", Drift::inittabOrder),
          new Kind(
              "rc-shutdown",
              (s, r) ->
                  sn(s, r)
                      .map(
                          h -> {
                            h.files.remove("/etc/rc.shutdown");
                            return h.name + " /etc/rc.shutdown removed";
                          })),
          new Kind(
              "local-domain",
              (s, r) ->
                  sn(s, r)
                      .map(
                          h -> {
                            h.files.put("/etc/nfs/local_domain", "old.example.com\n");
                            return h.name + " /etc/nfs/local_domain set to old.example.com";
                          })),
          new Kind("gpfs-unmounted", Drift::gpfsDown),
          new Kind(
              "nfsd-stopped",
              (s, r) ->
                  sn(s, r)
                      .filter(h -> h.isActive("nfsd"))
                      .map(
                          h -> {
                            h.subsystems.get("nfsd").active = false;
                            h.subsystems.get("nfsd").pid = 0;
                            return h.name + " nfsd stopped";
                          })),
          new Kind("node-servicenode", (s, r) -> nodeRow(s, r, "servicenode")),
          new Kind("node-xcatmaster", (s, r) -> nodeRow(s, r, "xcatmaster")),
          new Kind("postscripts", Drift::postscripts),
          new Kind("statelite-row", (s, r) -> firstRow(s, "statelite", "mntopts", "vers=3")),
          new Kind("litefile-row", (s, r) -> firstRow(s, "litefile", "options", "tmpfs")),
          new Kind("osimage-nfs-vers", Drift::spotNfsVers),
          new Kind(
              "osimage-resolv-conf",
              (s, r) -> firstRow(s, "nimimage", "resolv_conf", "resolv_conf_res")),
          new Kind("installp-bundle-order", Drift::bundleOrder),
          new Kind("dump-on-gpfs", (s, r) -> firstRow(s, "nimimage", "dump", "gpfs_dump")),
          new Kind("paging-file-missing", Drift::pagingFileMissing),
          new Kind(
              "paging-not-fur",
              (s, r) -> paging(s, r, p -> p.flags = "wam", "activated with :wam instead of :fur")),
          new Kind("swapnfs0-active", Drift::swapnfs0),
          new Kind(
              "ifix-missing",
              (s, r) ->
                  sn(s, r)
                      .filter(h -> h.software != null && !h.software.ifixes.isEmpty())
                      .map(
                          h -> {
                            String fix = h.software.ifixes.firstKey();
                            h.software.ifixes.remove(fix);
                            return h.name + " ifix " + fix + " missing";
                          })),
          new Kind(
              "oslevel",
              (s, r) ->
                  sn(s, r)
                      .filter(h -> h.software != null)
                      .map(
                          h -> {
                            h.software.oslevel = "7100-00-04-1140";
                            return h.name + " oslevel -s is 7100-00-04-1140";
                          })),
          new Kind(
              "xcatinfo",
              (s, r) ->
                  node(s, r)
                      .map(
                          h -> {
                            h.files.put(
                                "/etc/xcatinfo",
                                "XCATSERVER=" + s.ems().map(e -> e.name).orElse("ems") + "\n");
                            return h.name + " /etc/xcatinfo points at the EMS";
                          })),
          new Kind(
              "default-gateway",
              (s, r) ->
                  node(s, r)
                      .map(
                          h -> {
                            h.compute.defaultGateway = "20.10.255.254";
                            return h.name + " default gateway 20.10.255.254";
                          })));

  private Drift() {}

  /** The names of every drift kind. */
  public static List<String> kinds() {
    return KINDS.stream().map(Kind::name).toList();
  }

  /** Applies {@code count} random drifts to {@code state}; returns one line per drift applied. */
  public static List<String> apply(SimState state, int count, long seed) {
    Random random = new Random(seed);
    List<String> applied = new ArrayList<>();
    int attempts = 0;
    while (applied.size() < count && attempts < count * 50) {
      attempts++;
      Kind kind = KINDS.get(random.nextInt(KINDS.size()));
      kind.apply().apply(state, random).ifPresent(what -> applied.add("drift: " + what));
    }
    // What a drift does to the running nodes has happened by the time anyone looks: nodes of an SN
    // that stopped serving have failed over to its replica, or hang.
    Consequences.settle(state);
    return applied;
  }

  private static <T> Optional<T> pick(List<T> items, Random random) {
    return items.isEmpty()
        ? Optional.empty()
        : Optional.of(items.get(random.nextInt(items.size())));
  }

  private static Optional<SimHost> sn(SimState s, Random r) {
    return pick(s.hostsWith(Role.SERVICE_NODE), r);
  }

  private static Optional<SimHost> node(SimState s, Random r) {
    return pick(s.hostsWith(Role.COMPUTE).stream().filter(h -> h.compute != null).toList(), r);
  }

  private static Optional<String> site(SimState s, String key, String value) {
    if (s.tables.site(key).orElse("").equals(value)) {
      return Optional.empty();
    }
    s.tables.setSite(key, value);
    return Optional.of("site " + key + " set to " + value);
  }

  private static Optional<String> firstRow(SimState s, String table, String column, String value) {
    List<Map<String, String>> rows = s.tables.rows(table);
    if (rows.isEmpty() || value.equals(rows.get(0).get(column))) {
      return Optional.empty();
    }
    rows.get(0).put(column, value);
    return Optional.of(
        table + " row " + rows.get(0).values().iterator().next() + " " + column + "=" + value);
  }

  /** The first image's spot on the EMS back at NFS version 3 (nfs_vers is NIM's, not xCAT's). */
  private static Optional<String> spotNfsVers(SimState s, Random r) {
    List<Map<String, String>> images = s.tables.rows("nimimage");
    Optional<SimHost> ems = s.ems();
    if (images.isEmpty() || ems.isEmpty()) {
      return Optional.empty();
    }
    NimObject spot = ems.get().nim.get(images.get(0).getOrDefault("spot", ""));
    if (spot == null || "3".equals(spot.attributes.get("nfs_vers"))) {
      return Optional.empty();
    }
    spot.with("nfs_vers", "3");
    return Optional.of(ems.get().name + " NIM spot " + images.get(0).get("spot") + " nfs_vers=3");
  }

  private static Optional<String> networkNameservers(SimState s, Random r) {
    return firstRow(s, "networks", "nameservers", "<xcatmaster>");
  }

  private static Optional<String> exportsWithoutReplicas(SimState s, Random r) {
    return sn(s, r)
        .filter(h -> h.files.getOrDefault("/etc/exports", "").contains("replicas="))
        .map(
            h -> {
              h.files.put(
                  "/etc/exports", h.files.get("/etc/exports").replaceAll("replicas=[^,]*,", ""));
              return h.name + " /etc/exports /install line lost replicas=";
            });
  }

  private static Optional<String> inittabOrder(SimState s, Random r) {
    return sn(s, r)
        .flatMap(
            h -> {
              String inittab = h.files.getOrDefault("/etc/inittab", "");
              int mmfs = inittab.indexOf("\nmmfs:");
              int rcnfs = inittab.indexOf(ScenarioBuilder.RCNFS);
              if (mmfs < 0 || rcnfs < mmfs) {
                return Optional.empty();
              }
              String without = inittab.replace(ScenarioBuilder.RCNFS + "\n", "");
              h.files.put(
                  "/etc/inittab",
                  without.replace("\nmmfs:", "\n" + ScenarioBuilder.RCNFS + "\nmmfs:"));
              return Optional.of(h.name + " /etc/inittab rcnfs moved before mmfs");
            });
  }

  private static Optional<String> gpfsDown(SimState s, Random r) {
    return sn(s, r)
        .filter(h -> h.gpfs != null && h.gpfs.active)
        .map(
            h -> {
              // nfsd stops with it: NFS serving without GPFS would hang the nodes, not drift them.
              h.gpfs.active = false;
              GpfsMounts.unmountAll(s, h);
              if (h.subsystems.containsKey("nfsd")) {
                h.subsystems.get("nfsd").active = false;
                h.subsystems.get("nfsd").pid = 0;
              }
              return h.name + " GPFS down, /install unmounted, nfsd stopped";
            });
  }

  private static Optional<String> nodeRow(SimState s, Random r, String column) {
    return node(s, r)
        .map(
            h -> {
              String value =
                  column.equals("xcatmaster") ? s.ems().map(e -> e.name).orElse("ems") : "sn00";
              s.tables.upsert("noderes", "node", h.name, Map.of(column, value));
              return h.name + " noderes." + column + " overridden to " + value;
            });
  }

  private static Optional<String> postscripts(SimState s, Random r) {
    List<Map<String, String>> rows = s.tables.rows("postscripts");
    for (Map<String, String> row : rows) {
      String scripts = row.getOrDefault("postscripts", "");
      if (scripts.contains("setupnfsv4replication")) {
        row.put(
            "postscripts",
            scripts.replace(",setupnfsv4replication", "").replace("setupnfsv4replication", ""));
        return Optional.of("postscripts " + row.get("node") + " lost setupnfsv4replication");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> bundleOrder(SimState s, Random r) {
    for (Map<String, String> row : s.tables.rows("nimimage")) {
      List<String> bundles =
          new ArrayList<>(List.of(row.getOrDefault("installp_bundle", "").split(",", -1)));
      if (bundles.size() > 1 && bundles.get(0).equals("xCATaixCN71")) {
        bundles.add(bundles.remove(0));
        row.put("installp_bundle", String.join(",", bundles));
        return Optional.of(
            "nimimage " + row.get("imagename") + " installp_bundle xCATaixCN71 no longer first");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> pagingFileMissing(SimState s, Random r) {
    return sn(s, r)
        .filter(h -> !h.sizedFiles.isEmpty())
        .map(
            h -> {
              List<String> files = List.copyOf(h.sizedFiles.keySet());
              String path = files.get(r.nextInt(files.size()));
              h.sizedFiles.remove(path);
              GpfsMounts.propagate(s, h); // gone from the shared filesystem, for every SN
              return h.name + " paging file " + path + " missing";
            });
  }

  private static Optional<String> paging(
      SimState s, Random r, java.util.function.Consumer<PagingSpace> change, String what) {
    return node(s, r)
        .filter(h -> !h.compute.paging.isEmpty())
        .map(
            h -> {
              PagingSpace space = h.compute.paging.get(0);
              change.accept(space);
              return h.name + " paging space " + space.name + " " + what;
            });
  }

  private static Optional<String> swapnfs0(SimState s, Random r) {
    return node(s, r)
        .filter(h -> h.compute.paging.stream().noneMatch(p -> p.name.equals("swapnfs0")))
        .map(
            h -> {
              PagingSpace swap = new PagingSpace();
              swap.name = "swapnfs0";
              swap.server =
                  h.compute.mounts.isEmpty()
                      ? ""
                      : h.compute.mounts.firstEntry().getValue().servers.get(0);
              swap.path =
                  "/install/nim/paging/" + h.compute.image + "_paging/" + h.name + "/swapnfs0";
              swap.sizeMb = 512;
              swap.active = true;
              h.compute.paging.add(0, swap);
              return h.name + " swapnfs0 still active";
            });
  }
}
