package dev.hasnctl.spec.rule;

import dev.hasnctl.model.Noderange;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ComputeGroup;
import dev.hasnctl.spec.ServiceNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EMS, the service nodes, the TEAL node and the compute nodes are different hosts with
 * different addresses: a host in two roles gets both roles' commands (an SN in a noderange is made
 * a diskless compute node of itself).
 */
final class RoleRules {
  private RoleRules() {}

  static List<Rule> all() {
    return List.of(
        SimpleRule.error(
            "roles-disjoint",
            "the EMS, each service node, the TEAL node and the compute nodes are different hosts",
            RoleRules::roles),
        SimpleRule.error(
            "unique-address",
            "every service node has an address of its own",
            RoleRules::addresses));
  }

  /** A host as the spec names it in one role. */
  private record Role(String pointer, String host, String role) {}

  private static List<Finding> roles(ClusterSpec spec) {
    List<Role> named = new ArrayList<>();
    named.add(new Role("/ems/name", spec.ems().name().value(), "the EMS"));
    for (int i = 0; i < spec.serviceNodes().size(); i++) {
      ServiceNode sn = spec.serviceNodes().get(i);
      named.add(
          new Role("/serviceNodes/" + i + "/name", sn.name().value(), "service node " + sn.name()));
      if (!ClusterSpec.shortName(sn.xcatmaster().value())
          .equals(ClusterSpec.shortName(sn.name().value()))) {
        named.add(
            new Role(
                "/serviceNodes/" + i + "/xcatmaster",
                sn.xcatmaster().value(),
                "service node " + sn.name()));
      }
    }
    spec.teal()
        .ifPresent(teal -> named.add(new Role("/teal/node", teal.node().value(), "the TEAL node")));
    List<Finding> out = new ArrayList<>();
    Map<String, Role> owner = new HashMap<>();
    for (Role role : named) {
      Role earlier = owner.putIfAbsent(ClusterSpec.shortName(role.host()), role);
      if (earlier != null && !earlier.role().equals(role.role())) {
        out.add(
            Finding.at(
                role.pointer(),
                role.host()
                    + " is "
                    + role.role()
                    + " and also "
                    + earlier.role()
                    + (earlier.host().equalsIgnoreCase(role.host())
                        ? ""
                        : " (as " + earlier.host() + ")")
                    + "; one host cannot play both",
                "give each role its own host"));
      }
    }
    for (int g = 0; g < spec.groups().size(); g++) {
      ComputeGroup group = spec.groups().get(g);
      List<String> nodes;
      try {
        nodes = Noderange.expand(group.nodes());
      } catch (IllegalArgumentException e) {
        continue; // rule noderange reports it
      }
      String at = "/groups/" + g + "/nodes";
      Map<String, List<String>> clashes = new LinkedHashMap<>();
      for (String node : nodes) {
        Role role = owner.get(ClusterSpec.shortName(node));
        if (role != null) {
          clashes.computeIfAbsent(role.role(), r -> new ArrayList<>()).add(node);
        }
      }
      clashes.forEach(
          (role, hosts) ->
              out.add(
                  Finding.at(
                      at,
                      "group "
                          + group.name()
                          + "'s noderange includes "
                          + String.join(", ", hosts)
                          + ", which is "
                          + role
                          + "; hasnctl would define it as a diskless compute node",
                      "leave " + String.join(", ", hosts) + " out of the noderange")));
    }
    return out;
  }

  private static List<Finding> addresses(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    Map<String, ServiceNode> owner = new HashMap<>();
    for (int i = 0; i < spec.serviceNodes().size(); i++) {
      ServiceNode sn = spec.serviceNodes().get(i);
      ServiceNode earlier = owner.putIfAbsent(sn.address(), sn);
      if (earlier != null && !earlier.name().equals(sn.name())) {
        out.add(
            Finding.at(
                "/serviceNodes/" + i + "/address",
                sn.name()
                    + " has the address "
                    + sn.address()
                    + " of "
                    + earlier.name()
                    + "; the exports' replicas= would name one server twice and no failover"
                    + " would exist",
                "give " + sn.name() + " its own address"));
      }
    }
    return out;
  }
}
