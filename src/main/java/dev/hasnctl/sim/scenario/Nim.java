package dev.hasnctl.sim.scenario;

import dev.hasnctl.sim.NimObject;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.OsImage;

/** The NIM resources a NIM master (EMS or SN) holds for the spec's images. */
final class Nim {
  private Nim() {}

  static void master(SimHost host, ClusterSpec spec, Scenario scenario) {
    String install = spec.sharedInstall().mountPoint().value();
    String vers = scenario == Scenario.CONVERGED ? "4" : "3";
    host.nim.put("master", NimObject.of("machines", "master").with("platform", "chrp"));
    for (OsImage image : spec.images()) {
      String name = image.name();
      put(
          host,
          name + "_lpp_source",
          "lpp_source",
          install + "/nim/lpp_source/" + name + "_lpp_source",
          vers);
      put(host, name, "spot", install + "/nim/spot/" + name + "/usr", vers);
      put(
          host,
          name + "_shared_root",
          "shared_root",
          install + "/nim/shared_root/" + name + "_shared_root",
          vers);
      put(host, name + "_paging", "paging", install + "/nim/paging/" + name + "_paging", vers);
      for (String bundle : image.installpBundles()) {
        put(
            host,
            bundle,
            "installp_bundle",
            install + "/nim/installp_bundle/" + bundle + ".bnd",
            vers);
      }
      if (scenario != Scenario.CONVERGED) {
        put(
            host,
            name + "_resolv_conf",
            "resolv_conf",
            install + "/nim/resolv_conf/" + name + "/resolv.conf",
            vers);
      }
      image
          .dump()
          .ifPresent(
              dump ->
                  put(
                      host,
                      dump.resource(),
                      "dump",
                      dump.location() + "/" + dump.resource(),
                      vers));
    }
  }

  private static void put(SimHost host, String name, String type, String location, String vers) {
    if (!type.equals("installp_bundle") && !type.equals("resolv_conf")) {
      host.dirs.add(location); // the resource's directory; bundles and resolv_conf are files
    }
    host.nim.put(
        name,
        NimObject.of("resources", type)
            .with("Rstate", "ready for use")
            .with("prev_state", "unavailable for use")
            .with("location", location)
            .with("alloc_count", "0")
            .with("server", "master")
            .with("nfs_vers", vers));
  }
}
