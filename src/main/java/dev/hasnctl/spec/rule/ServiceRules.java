package dev.hasnctl.spec.rule;

import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.Network;
import dev.hasnctl.spec.NodeServices;
import java.util.ArrayList;
import java.util.List;

/**
 * Warnings for what compute nodes lose when their SN dies, until a failover moves it (seed: "name
 * resolution", "default gateway", syslog and NTP through the SN). Allowed, but single points of
 * failure.
 */
final class ServiceRules {
  private ServiceRules() {}

  static List<Rule> all() {
    return List.of(
        SimpleRule.warning(
            "spof-syslog", "nodes' syslog does not go only to their SN", ServiceRules::syslog),
        SimpleRule.warning(
            "spof-ntp", "nodes' NTP does not come only from their SN", ServiceRules::ntp),
        SimpleRule.warning(
            "spof-default-gateway",
            "nodes' default route does not go through their SN",
            ServiceRules::gateway),
        SimpleRule.warning(
            "spof-name-resolution",
            "nodes resolve names from a full /etc/hosts, not a name server behind their SN",
            ServiceRules::names));
  }

  private static List<Finding> syslog(ClusterSpec spec) {
    return spec.nodeServices().syslog().equals(NodeServices.XCATMASTER)
        ? List.of(
            Finding.at(
                "/nodeServices/syslog",
                "compute nodes forward syslog to their SN; while it is down their messages are lost until failover",
                "send syslog to a host outside the SN pairs, or accept it: failover moves it"))
        : List.of();
  }

  private static List<Finding> ntp(ClusterSpec spec) {
    return spec.nodeServices().ntp().equals(NodeServices.XCATMASTER)
        ? List.of(
            Finding.at(
                "/nodeServices/ntp",
                "compute nodes take time from their SN only; while it is down their clocks drift",
                "use an NTP server outside the SN pairs, or several"))
        : List.of();
  }

  private static List<Finding> gateway(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    if (spec.nodeServices().defaultGateway().equals(NodeServices.XCATMASTER)) {
      out.add(
          Finding.at(
              "/nodeServices/defaultGateway",
              "compute nodes route by default through their SN; its death cuts them off until failover",
              "route through a gateway outside the SN pairs, or none"));
    }
    for (int i = 0; i < spec.networks().size(); i++) {
      Network network = spec.networks().get(i);
      if (network.gateway().filter(g -> g.equals("<xcatmaster>")).isPresent()) {
        out.add(
            Finding.at(
                "/networks/" + i + "/gateway",
                "network " + network.name() + " gives its nodes their SN as gateway",
                "use a gateway outside the SN pairs, or none"));
      }
    }
    return out;
  }

  private static List<Finding> names(ClusterSpec spec) {
    return spec.nodeServices().nameResolution() == NodeServices.NameResolution.DNS
        ? List.of(
            Finding.at(
                "/nodeServices/nameResolution",
                "compute nodes resolve names by DNS; ssh and NFS stall when the name server's route through the SN is lost",
                "use nameResolution: hosts with a full /etc/hosts, as the seed assumes"))
        : List.of();
  }
}
