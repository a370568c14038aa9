package dev.hasnctl.sim.scenario;

import dev.hasnctl.model.Noderange;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.StateliteWriters;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ComputeGroup;
import java.util.List;
import java.util.Map;

/**
 * What a legacy SN's own /install holds before the seed's migration ("Migrate xCAT /install
 * contents", "Migrate statelite data", "Migrate non-xCAT /install contents"): the xCAT directories
 * (custom, post, prescripts, postscripts), identical on every SN; each booted node's persistent
 * statelite data on the SN that serves it, with a stale, older copy on its partner for some nodes
 * (written there before an earlier move); non-xCAT files, some identical on every SN and some
 * different per SN; and /install/nim, which the migration re-creates rather than copies.
 *
 * <p>Modification times are the state's logical clock; everything here was written before the
 * simulation started, so they are negative, the stale copies oldest.
 */
final class LocalInstall {
  /** When the xCAT and site files were last changed. */
  static final long INSTALLED = -100_000;

  /** When the stale statelite copies on a partner SN were written. */
  static final long STALE = -50_000;

  /** Every how many nodes a stale copy of the node's statelite data lies on the partner SN. */
  static final int STALE_EVERY = 32;

  /** The persistent file each node writes, below its statelite directory. */
  static final String ERRLOG = StateliteWriters.ERRLOG;

  private LocalInstall() {}

  /** Fills every legacy SN's local /install of {@code spec}'s cluster in {@code state}. */
  static void fill(SimState state, ClusterSpec spec) {
    String top = spec.sharedInstall().mountPoint().value();
    SimHost ems = state.hosts.get(spec.ems().name().shortName());
    for (SimHost sn : state.hosts.values()) {
      if (!sn.localInstall) {
        continue;
      }
      // xCAT copies the EMS's postscripts to every SN's /install (xcat-core, AIX servicenode
      // setup); the site's own files were put on each SN the same way.
      ems.files.forEach(
          (path, content) -> {
            if (path.startsWith(top + "/postscripts/")) {
              put(sn, path, content, INSTALLED);
            }
          });
      for (Map.Entry<String, String> file : sameOnEverySn(top).entrySet()) {
        put(sn, file.getKey(), file.getValue(), INSTALLED);
      }
      put(sn, top + "/local/serviceinfo", "site notes kept on " + sn.name + "\n", INSTALLED);
    }
    String statelite = spec.sharedInstall().stateliteDir().value();
    int index = 0;
    for (ComputeGroup group : spec.groups()) {
      SimHost serving = state.hosts.get(group.activeServiceNode().shortName());
      SimHost partner = state.hosts.get(group.standbyServiceNode().shortName());
      for (String node : Noderange.expand(group.nodes())) {
        String path = statelite + "/" + node + ERRLOG;
        put(serving, path, StateliteWriters.content(node, serving.name, -1 - index), -1 - index);
        state.hosts.get(node).compute.stateliteFile = path;
        if (index % STALE_EVERY == 0 && partner.localInstall) {
          put(partner, path, "stale errlog of " + node + " on " + partner.name + "\n", STALE);
        }
        index++;
      }
      for (SimHost sn : List.of(serving, partner)) {
        if (sn.localInstall) {
          sn.dirs.add(top + "/nim/spot/" + group.image() + "/usr");
          sn.dirs.add(top + "/nim/shared_root/" + group.image() + "_shared_root");
        }
      }
    }
  }

  private static Map<String, String> sameOnEverySn(String top) {
    return Map.of(
        top + "/custom/aix/compute.synclist",
        "/etc/motd -> /etc/motd\n",
        top + "/post/otherpkgs/aix/ppc64/site-tools.bnd",
        "R:site-tools-1.0-1.aix7.1.ppc.rpm\n",
        top + "/prescripts/site_prescript",
        "#!/bin/sh\n# site prescript: log the node being (re)installed\nlogger \"$NODE\"\n",
        top + "/postscripts/site_env",
        "#!/bin/sh\n# site postscript: environment for the applications\n",
        top + "/apps/licence.dat",
        "SERVER licserv 0123456789ab 27000\n");
  }

  private static void put(SimHost host, String path, String content, long mtime) {
    host.files.put(path, content);
    host.mtimes.put(path, mtime);
  }
}
