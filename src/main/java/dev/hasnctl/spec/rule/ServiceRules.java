package dev.hasnctl.spec.rule;

import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ComputeGroup;
import dev.hasnctl.spec.Network;
import dev.hasnctl.spec.NodeServices;
import dev.hasnctl.spec.Shown;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Warnings for what compute nodes lose when their SN dies, until a failover moves it (seed: "name
 * resolution", "default gateway", syslog and NTP through the SN, NIM's swapnfs0). Allowed, but
 * single points of failure. An SN counts whether named as {@code xcatmaster} or directly.
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
            ServiceRules::names),
        SimpleRule.warning(
            "spof-paging",
            "every group has NFSv4 paging with :fur, so NIM's swapnfs0 (no replica) is removed",
            ServiceRules::paging));
  }

  /** How a node-service value names an SN, for the message. */
  private static String which(String value) {
    return value.equals(NodeServices.XCATMASTER)
        ? "their SN"
        : "the service node " + Shown.value(value);
  }

  private static List<Finding> syslog(ClusterSpec spec) {
    String value = spec.nodeServices().syslog();
    return spec.namesServiceNode(value)
        ? List.of(
            Finding.at(
                "/nodeServices/syslog",
                "compute nodes forward syslog to "
                    + which(value)
                    + "; while it is down their messages are lost until failover",
                "send syslog to a host outside the SN pairs, or accept it: failover moves it"))
        : List.of();
  }

  private static List<Finding> ntp(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    String value = spec.nodeServices().ntp();
    if (spec.namesServiceNode(value)) {
      out.add(
          Finding.at(
              "/nodeServices/ntp",
              "compute nodes take time from "
                  + which(value)
                  + " only; while it is down their clocks drift",
              "use an NTP server outside the SN pairs, or several"));
    }
    Optional<String> site = spec.site().ntpservers();
    if (site.isPresent()
        && !site.get().isEmpty()
        && List.of(site.get().split(",", -1)).stream().allMatch(spec::namesServiceNode)) {
      out.add(
          Finding.at(
              "/site/ntpservers",
              "site.ntpservers names only service nodes ("
                  + Shown.value(site.get())
                  + "); while a node's SN is down its clock drifts",
              "add an NTP server outside the SN pairs"));
    }
    return out;
  }

  private static List<Finding> gateway(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    String value = spec.nodeServices().defaultGateway();
    if (spec.namesServiceNode(value)) {
      out.add(
          Finding.at(
              "/nodeServices/defaultGateway",
              "compute nodes route by default through "
                  + which(value)
                  + "; its death cuts them off until failover",
              "route through a gateway outside the SN pairs, or none"));
    }
    for (int i = 0; i < spec.networks().size(); i++) {
      Network network = spec.networks().get(i);
      if (network.gateway().filter(spec::namesServiceNode).isPresent()) {
        out.add(
            Finding.at(
                "/networks/" + i + "/gateway",
                "network "
                    + network.name()
                    + " gives its nodes "
                    + (network.gateway().get().equals("<xcatmaster>")
                        ? "their SN"
                        : "a service node (" + network.gateway().get() + ")")
                    + " as gateway",
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

  private static List<Finding> paging(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    for (int g = 0; g < spec.groups().size(); g++) {
      ComputeGroup group = spec.groups().get(g);
      if (group.paging().isEmpty()) {
        out.add(
            Finding.at(
                "/groups/" + g + "/name",
                "group "
                    + group.name()
                    + " has no paging: its nodes keep NIM's swapnfs0, mounted without replica"
                    + " information, which may hang them in a failover",
                "add paging (files on the shared /install, activation: fur, removeSwapnfs0: true)"));
      }
    }
    return out;
  }
}
