package dev.hasnctl.spec.rule;

import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Noderange;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ComputeGroup;
import dev.hasnctl.spec.LiteFileEntry;
import dev.hasnctl.spec.ServiceNode;
import dev.hasnctl.spec.SnPair;
import dev.hasnctl.spec.StateliteEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The shape of the cluster: SN pairs, groups served by a pair, references, node membership. */
final class TopologyRules {
  private TopologyRules() {}

  static List<Rule> all() {
    return List.of(
        SimpleRule.error(
            "pairs-mutual",
            "every service node is in exactly one pair, with another declared service node",
            TopologyRules::pairs),
        SimpleRule.error(
            "group-pair",
            "every compute group's primary and backup are two declared SNs that form a pair",
            TopologyRules::groupPairs),
        SimpleRule.error(
            "unknown-image",
            "groups, statelite and litefile rows and the TEAL node name declared images",
            TopologyRules::images),
        SimpleRule.error(
            "noderange",
            "every group's noderange is valid xCAT syntax and names at most 100,000 nodes",
            TopologyRules::noderanges),
        SimpleRule.error(
            "node-in-two-groups", "no compute node is in two groups", TopologyRules::overlaps),
        SimpleRule.error(
            "duplicate-name",
            "service nodes, images and groups each have unique names",
            TopologyRules::duplicates));
  }

  private static List<Finding> pairs(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    Set<HostName> declared = new HashSet<>();
    spec.serviceNodes().forEach(sn -> declared.add(sn.name()));
    Map<HostName, Integer> pairOf = new HashMap<>();
    for (int p = 0; p < spec.pairs().size(); p++) {
      SnPair pair = spec.pairs().get(p);
      if (pair.first().equals(pair.second())) {
        out.add(
            Finding.at(
                "/pairs/" + p + "/1",
                "pair " + (p + 1) + " pairs " + pair.first() + " with itself",
                "pair it with another SN that shares the GPFS /install"));
      }
      HostName[] members = {pair.first(), pair.second()};
      for (int m = 0; m < 2; m++) {
        HostName sn = members[m];
        String at = "/pairs/" + p + "/" + m;
        if (!declared.contains(sn)) {
          out.add(
              Finding.at(
                  at,
                  "pair " + (p + 1) + " names " + sn + ", which is not in serviceNodes",
                  "declare " + sn + " under serviceNodes or fix the name"));
        }
        Integer earlier = pairOf.putIfAbsent(sn, p);
        if (earlier != null && earlier != p) {
          out.add(
              Finding.at(
                  at,
                  sn + " is in pairs " + (earlier + 1) + " and " + (p + 1),
                  "each SN backs up exactly one other: keep " + sn + " in one pair"));
        }
      }
    }
    for (int i = 0; i < spec.serviceNodes().size(); i++) {
      ServiceNode sn = spec.serviceNodes().get(i);
      if (!pairOf.containsKey(sn.name())) {
        out.add(
            Finding.at(
                "/serviceNodes/" + i + "/name",
                sn.name() + " is in no pair, so nothing takes over its nodes when it fails",
                "add [" + sn.name() + ", PARTNER] to pairs"));
      }
    }
    return out;
  }

  private static List<Finding> groupPairs(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    for (int g = 0; g < spec.groups().size(); g++) {
      ComputeGroup group = spec.groups().get(g);
      String at = "/groups/" + g;
      boolean known = declared(spec, group.primary(), group, "primary", at, out);
      if (group.backup().isEmpty()) {
        // Seed: "Compute node definitions in xCAT will have both a primary and a backup".
        out.add(
            Finding.at(
                at + "/primary",
                "group "
                    + group.name()
                    + " has no backup, so nothing takes over its nodes when "
                    + group.primary()
                    + " fails",
                "add backup: " + group.primary() + "'s partner in its pair"));
        continue;
      }
      HostName backup = group.backup().get();
      known &= declared(spec, backup, group, "backup", at, out);
      if (group.primary().equals(backup)) {
        out.add(
            Finding.at(
                at + "/backup",
                "group " + group.name() + " has " + group.primary() + " as both primary and backup",
                "make the backup " + group.primary() + "'s partner in its pair"));
      } else if (known
          && spec.pairs().stream()
              .noneMatch(p -> p.contains(group.primary()) && p.contains(backup))) {
        out.add(
            Finding.at(
                at + "/backup",
                "group "
                    + group.name()
                    + ": "
                    + group.primary()
                    + " and "
                    + backup
                    + " are not a pair, so they do not export each other's replica",
                "use the primary's partner as backup, or pair them under pairs"));
      }
    }
    return out;
  }

  /** Whether {@code sn}, the group's {@code role}, is declared; a finding when it is not. */
  private static boolean declared(
      ClusterSpec spec,
      HostName sn,
      ComputeGroup group,
      String role,
      String at,
      List<Finding> out) {
    if (spec.serviceNode(sn.value()).isPresent()) {
      return true;
    }
    out.add(
        Finding.at(
            at + "/" + role,
            "group " + group.name() + " has " + role + " " + sn + ", which is not in serviceNodes",
            "name a declared service node"));
    return false;
  }

  private static List<Finding> images(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    for (int g = 0; g < spec.groups().size(); g++) {
      unknownImage(spec, spec.groups().get(g).image(), "/groups/" + g + "/image", out);
    }
    for (int s = 0; s < spec.statelite().size(); s++) {
      StateliteEntry row = spec.statelite().get(s);
      int index = s;
      row.image().ifPresent(i -> unknownImage(spec, i, "/statelite/" + index + "/image", out));
    }
    for (int l = 0; l < spec.litefile().size(); l++) {
      LiteFileEntry row = spec.litefile().get(l);
      if (!row.image().equals("ALL")) {
        unknownImage(spec, row.image(), "/litefile/" + l + "/image", out);
      }
    }
    spec.teal().ifPresent(teal -> unknownImage(spec, teal.image(), "/teal/image", out));
    return out;
  }

  private static void unknownImage(ClusterSpec spec, String image, String at, List<Finding> out) {
    if (spec.image(image).isEmpty()) {
      out.add(
          Finding.at(
              at,
              "image " + image + " is not declared under images",
              "declare it under images or use one of: "
                  + String.join(", ", spec.images().stream().map(i -> i.name()).toList())));
    }
  }

  private static List<Finding> noderanges(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    for (int g = 0; g < spec.groups().size(); g++) {
      ComputeGroup group = spec.groups().get(g);
      try {
        Noderange.expand(group.nodes());
      } catch (IllegalArgumentException e) {
        out.add(
            Finding.at(
                "/groups/" + g + "/nodes",
                "group " + group.name() + ": " + e.getMessage(),
                "write it as xCAT does, e.g. cn[0001-0128] or cn0001-cn0128,cn0200"));
      }
    }
    return out;
  }

  private static List<Finding> overlaps(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    Map<String, String> owner = new HashMap<>();
    for (int g = 0; g < spec.groups().size(); g++) {
      ComputeGroup group = spec.groups().get(g);
      List<String> nodes;
      try {
        nodes = Noderange.expand(group.nodes());
      } catch (IllegalArgumentException e) {
        continue;
      }
      List<String> shared = new ArrayList<>();
      String other = null;
      for (String node : nodes) {
        String earlier = owner.putIfAbsent(node, group.name());
        if (earlier != null) {
          shared.add(node);
          other = earlier;
        }
      }
      if (!shared.isEmpty()) {
        out.add(
            Finding.at(
                "/groups/" + g + "/nodes",
                "group "
                    + group.name()
                    + " shares "
                    + shared.size()
                    + " node"
                    + (shared.size() == 1 ? "" : "s")
                    + " ("
                    + Noderange.compress(shared)
                    + ") with group "
                    + other
                    + "; a node has one primary SN",
                "put each node in one group"));
      }
    }
    return out;
  }

  private static List<Finding> duplicates(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    duplicateNames(
        spec.serviceNodes().stream().map(sn -> sn.name().value()).toList(),
        "/serviceNodes",
        "/name",
        "service node",
        out);
    duplicateNames(
        spec.images().stream().map(i -> i.name()).toList(), "/images", "/name", "image", out);
    duplicateNames(
        spec.groups().stream().map(ComputeGroup::name).toList(), "/groups", "/name", "group", out);
    return out;
  }

  private static void duplicateNames(
      List<String> names, String list, String field, String what, List<Finding> out) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      Integer earlier = first.putIfAbsent(names.get(i), i);
      if (earlier != null) {
        out.add(
            Finding.at(
                list + "/" + i + field,
                what + " " + names.get(i) + " is declared twice (also item " + (earlier + 1) + ")",
                "give each " + what + " its own name"));
      }
    }
  }
}
