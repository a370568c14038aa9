package dev.hasnctl.spec.rule;

import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ComputeGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The postscripts hasnctl writes into the shared /install/postscripts (the console redirect and
 * each group's paging script) have names of their own: neither one of xCAT's shipped postscripts,
 * which hasnctl would overwrite, nor each other's unless they are the same script.
 */
final class PostscriptRules {
  /**
   * Postscripts xCAT ships for AIX nodes and service nodes, in xcat2/xcat-core xCAT/postscripts
   * (setupnfsv4replication is the seed's NFSv4 failover script).
   */
  static final Set<String> XCAT_POSTSCRIPTS =
      Set.of(
          "setupnfsv4replication",
          "syslog",
          "setupntp",
          "remoteshell",
          "aixremoteshell",
          "syncfiles",
          "otherpkgs",
          "servicenode",
          "xcataixpost",
          "xcataixscript",
          "mkresolvconf",
          "hardeths",
          "aixlitesetup",
          "confighfi",
          "configib",
          "confignics",
          "configeth_aix",
          "mountinstall",
          "odbcsetup",
          "HPCbootstatus.aix");

  private PostscriptRules() {}

  static List<Rule> all() {
    return List.of(
        SimpleRule.error(
            "postscript-name",
            "the postscripts hasnctl writes are not xCAT's own and the console redirect's differs"
                + " from the paging scripts'",
            PostscriptRules::names));
  }

  private static List<Finding> names(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    Map<String, String> writer = new HashMap<>();
    spec.consoleRedirect()
        .ifPresent(
            redirect -> {
              shipped(redirect.postscript(), "/consoleRedirect/postscript", out);
              writer.put(redirect.postscript(), "the console redirect");
            });
    for (int g = 0; g < spec.groups().size(); g++) {
      ComputeGroup group = spec.groups().get(g);
      if (group.paging().isEmpty()) {
        continue;
      }
      String name = group.paging().get().postscript();
      String at = "/groups/" + g + "/paging/postscript";
      shipped(name, at, out);
      if ("the console redirect".equals(writer.get(name))) {
        out.add(
            Finding.at(
                at,
                "group "
                    + group.name()
                    + "'s paging postscript is named "
                    + name
                    + ", like the console redirect; one would overwrite the other",
                "name the paging postscript nfsv4mkps"));
      }
    }
    return out;
  }

  private static void shipped(String name, String at, List<Finding> out) {
    if (XCAT_POSTSCRIPTS.contains(name)) {
      out.add(
          Finding.at(
              at,
              name
                  + " is one of xCAT's own postscripts; hasnctl would overwrite it in"
                  + " /install/postscripts",
              "give the script a name of its own, e.g. conslog or nfsv4mkps"));
    }
  }
}
