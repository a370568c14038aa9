package dev.hasnctl.sim.scenario;

import dev.hasnctl.sim.Compute;
import dev.hasnctl.sim.Role;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.Software;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.Network;
import dev.hasnctl.spec.Teal;
import java.util.Map;

/**
 * The TEAL GPFS monitoring utility node (seed, "Setting up the Teal GPFS monitoring utility node"):
 * a diskless node of the TEAL image. Converged, it has been installed from the image and booted
 * ("Install the image and test DB connection"); otherwise it has not been installed yet and does
 * not answer.
 */
public final class TealNode {
  /** Where a spot keeps the root filesystem its diskless nodes are made from. */
  private static final String INST_ROOT = "/usr/lpp/bos/inst_root";

  /**
   * The installp filesets the TEAL image's bundle gives the node, at the levels the seed names
   * ("gpfs.base 3.4.0.13 or later", "rsct.core.sensorrm 3.1.2.0 or later"); teal.gpfs-sn's level
   * ("SP5" in the seed) is the simulator's own.
   */
  static final Map<String, String> IMAGE_FILESETS =
      Map.of(
          "gpfs.base", "3.4.0.13",
          "rsct.core.sensorrm", "3.1.2.0",
          "teal.gpfs-sn", "1.1.0.5");

  private TealNode() {}

  static void add(SimState state, ClusterSpec spec, Scenario scenario) {
    if (spec.teal().isEmpty()) {
      return;
    }
    SimHost node = state.add(SimHost.of(spec.teal().get().node().shortName(), Role.UTILITY));
    node.reachable = false;
    if (scenario == Scenario.CONVERGED) {
      install(state, spec);
    }
  }

  /**
   * Installs the utility node from the TEAL image as it is now on the EMS and boots it: NIM makes a
   * diskless node's root from its spot's {@code inst_root}, so the node gets the files the seed
   * copied there, as they are at this moment; later changes to the spot reach it at its next
   * install. Its default gateway is its network's (the first network with one; {@code <xcatmaster>}
   * is its SN, the spec's first here), through which it reaches the EMS.
   *
   * @throws IllegalArgumentException when the spec has no TEAL node or the state no EMS
   */
  public static void install(SimState state, ClusterSpec spec) {
    Teal teal =
        spec.teal().orElseThrow(() -> new IllegalArgumentException("the spec has no TEAL node"));
    SimHost ems =
        state.ems().orElseThrow(() -> new IllegalArgumentException("the state has no EMS"));
    SimHost node =
        state
            .host(teal.node().shortName())
            .orElseGet(() -> state.add(SimHost.of(teal.node().shortName(), Role.UTILITY)));
    String root = "/install/nim/spot/" + teal.image() + INST_ROOT;
    node.files.clear();
    node.modes.clear();
    for (Map.Entry<String, String> file : ems.files.subMap(root + "/", root + "0").entrySet()) {
      String path = file.getKey().substring(root.length());
      node.files.put(path, file.getValue());
      String mode = ems.modes.get(file.getKey());
      if (mode != null) {
        node.modes.put(path, mode);
      }
    }
    node.software = new Software();
    node.software.filesets.putAll(IMAGE_FILESETS);
    node.reachable = true;
    node.compute = new Compute();
    node.compute.image = teal.image();
    node.compute.defaultGateway = gateway(spec);
  }

  private static String gateway(ClusterSpec spec) {
    for (Network network : spec.networks()) {
      if (network.gateway().isPresent()) {
        String gateway = network.gateway().get();
        return gateway.equals("<xcatmaster>") ? spec.serviceNodes().get(0).address() : gateway;
      }
    }
    return "";
  }
}
