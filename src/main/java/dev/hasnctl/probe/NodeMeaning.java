package dev.hasnctl.probe;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an xCAT node definition means, as opposed to how lsdef prints it. Pure.
 *
 * <p>lsdef prepends the {@code xcatdefaults} row of the postscripts table to every node's own list
 * (xCAT-server/lib/xcat/plugins/DBobjectdefs.pm, "xcatdefaultsps . ',' . postscripts"), and
 * xcatconfig always creates that row ({@code syslog,remoteshell,syncfiles} on AIX). The node runs
 * the defaults, then its own scripts; the spec names only the node's (its group's) own.
 */
final class NodeMeaning {
  private NodeMeaning() {}

  /** The {@code xcatdefaults} row's postscripts, empty when there is none or it is disabled. */
  static String xcatDefaults(List<Map<String, String>> postscriptsTable) {
    return postscriptsTable.stream()
        .filter(r -> "xcatdefaults".equals(r.get("node")))
        .filter(r -> !disabled(r.getOrDefault("disable", "")))
        .map(r -> r.getOrDefault("postscripts", ""))
        .findFirst()
        .orElse("");
  }

  private static boolean disabled(String value) {
    return value.equals("1") || value.equalsIgnoreCase("yes");
  }

  /**
   * The node's own postscripts as the desired state writes them: {@code wanted} when the node runs
   * the same scripts in the same order as the defaults followed by {@code wanted}; otherwise what
   * lsdef showed with the defaults' prefix taken off.
   */
  static String postscripts(String shown, String defaults, String wanted) {
    String own = shown;
    if (!defaults.isEmpty()) {
      if (shown.equals(defaults)) {
        own = "";
      } else if (shown.startsWith(defaults + ",")) {
        own = shown.substring(defaults.length() + 1);
      }
    }
    if (wanted != null && runs(defaults, own).equals(runs(defaults, wanted))) {
      return wanted;
    }
    return own;
  }

  /** The scripts a node runs, each once, in order: the defaults first. */
  private static List<String> runs(String defaults, String own) {
    Set<String> out = new LinkedHashSet<>();
    for (String list : new String[] {defaults, own}) {
      Arrays.stream(list.split(",", -1))
          .map(String::strip)
          .filter(n -> !n.isEmpty())
          .forEach(out::add);
    }
    return List.copyOf(out);
  }

  /**
   * The server {@code /etc/xcatinfo} names, as the desired state writes it: {@code address} when it
   * names the same SN by its host name on the node's network ({@code name}, short or with a
   * domain), as xcataixpost writes it at boot (xCAT/postscripts/xcataixpost: NIM_MASTER_HOSTNAME
   * from /etc/niminfo); snmove writes the address. Anything else is reported as it is.
   */
  static String xcatServer(String shown, String address, String name) {
    String lower = shown.toLowerCase(java.util.Locale.ROOT);
    String host = name.toLowerCase(java.util.Locale.ROOT);
    if (!host.isEmpty() && (lower.equals(host) || lower.startsWith(host + "."))) {
      return address;
    }
    return shown;
  }

  /**
   * A node's groups as the desired state writes them: {@code wanted} when the node is in every
   * wanted group (it may be in others: the site's own, which hasnctl never drops); otherwise what
   * lsdef shows.
   */
  static String groups(String shown, String wanted) {
    Set<String> have = names(shown);
    return wanted != null && have.containsAll(names(wanted)) ? wanted : shown;
  }

  /** The names of a comma list, in order, each once. */
  static Set<String> names(String list) {
    Set<String> out = new LinkedHashSet<>();
    Arrays.stream(list.split(",", -1))
        .map(String::strip)
        .filter(n -> !n.isEmpty())
        .forEach(out::add);
    return out;
  }
}
