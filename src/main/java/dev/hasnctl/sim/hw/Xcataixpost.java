package dev.hasnctl.sim.hw;

import dev.hasnctl.model.Argv;
import dev.hasnctl.sim.Compute;
import dev.hasnctl.sim.NfsMount;
import dev.hasnctl.sim.SimCluster;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.xcat.XcatDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * xCAT's postscripts at a diskless node's boot, as xcataixpost runs them
 * (xCAT/postscripts/xcataixpost): the xcatdefaults row's, then the node's (its own or its groups'),
 * each from {@code /install/postscripts} on its server; a missing one is skipped ("Postscript X
 * does NOT exist"), a failing one logged and the next run.
 *
 * <p>Site postscripts (a paging or console-redirect script) run line by line in the node's shell,
 * with {@code $MASTER} (the node's server, as xCAT's postscript environment sets it) and {@code
 * `hostname -s`} expanded; any other expansion fails loudly, as the simulated shell refuses it.
 * Three of xCAT's own are modelled by what they do: setupnfsv4replication ({@code nfs4cl
 * setfsoptions MNT timeo=} and {@code retrans=} on each NFSv4 mount, with the tunables its file
 * holds), syslog (forward to the server) and setupntp (the site's NTP servers, else the server).
 */
final class Xcataixpost {
  private static final Pattern TUNABLE =
      Pattern.compile("\\$::(NFSRETRIES|NFSTIMEO)\\s*=\\s*([0-9]+)\\s*;");

  private Xcataixpost() {}

  static void run(SimCluster cluster, XcatDb db, SimHost node, SimHost server, String master) {
    List<String> scripts = new ArrayList<>();
    db.value("postscripts", "xcatdefaults", "postscripts")
        .map(XcatDb::split)
        .ifPresent(scripts::addAll);
    db.nodeAttribute(node.name, "postscripts").map(XcatDb::split).ifPresent(scripts::addAll);
    String dir = cluster.state().tables.site("installdir").orElse("/install") + "/postscripts/";
    Compute compute = node.compute;
    for (String name : scripts) {
      Optional<String> script = server.file(dir + name);
      switch (name) {
        case "syslog" -> compute.syslog = master;
        case "setupntp" -> compute.ntp = db.site("ntpservers").orElse(master);
        case "setupnfsv4replication" -> script.ifPresent(s -> replication(cluster, node, s));
        default -> script.ifPresent(s -> shell(cluster, node, s, master));
      }
    }
  }

  /** setupnfsv4replication: the failover tunables on every NFSv4 mount. */
  private static void replication(SimCluster cluster, SimHost node, String script) {
    String retries = "3";
    String timeo = "1";
    Matcher m = TUNABLE.matcher(script);
    while (m.find()) {
      if (m.group(1).equals("NFSRETRIES")) {
        retries = m.group(2);
      } else {
        timeo = m.group(2);
      }
    }
    for (Map.Entry<String, NfsMount> mount : node.compute.mounts.entrySet()) {
      if (mount.getValue().local) {
        continue; // an NFSv3 mount of a local /install: not nfs4, the script leaves it
      }
      for (String option : List.of("timeo=" + timeo, "retrans=" + retries)) {
        cluster.attempt(
            node.name,
            new Argv(List.of("nfs4cl", "setfsoptions", mount.getKey(), option)).toShell(),
            Optional.empty());
      }
    }
  }

  private static void shell(SimCluster cluster, SimHost node, String script, String master) {
    for (String raw : script.split("\n", -1)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String expanded =
          line.replace("${MASTER}", master)
              .replace("$MASTER", master)
              .replace("`hostname -s`", node.name)
              .replace("$(hostname -s)", node.name);
      cluster.attempt(node.name, expanded, Optional.empty());
    }
  }
}
