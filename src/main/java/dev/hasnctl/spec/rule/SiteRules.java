package dev.hasnctl.spec.rule;

import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.Network;
import dev.hasnctl.spec.Shown;
import java.util.ArrayList;
import java.util.List;

/** The site and network attributes NFSv4 and the shared /install need (seed: "Site setup"). */
final class SiteRules {
  private SiteRules() {}

  static List<Rule> all() {
    return List.of(
        SimpleRule.error(
            "nameservers-empty",
            "site and network nameservers are empty, so xCAT makes no resolv_conf resource",
            SiteRules::nameservers),
        SimpleRule.error(
            "domain-required", "site.domain is set: NFSv4 needs a domain", SiteRules::domain),
        SimpleRule.error("nfsv4-on-aix", "site.useNFSv4onAIX is yes", SiteRules::nfsv4),
        SimpleRule.error(
            "sharedinstall-sns",
            "site.sharedinstall is sns: the SNs share /install",
            SiteRules::sharedinstall));
  }

  private static List<Finding> nameservers(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    if (!spec.site().nameservers().isEmpty()) {
      out.add(
          Finding.at(
              "/site/nameservers",
              "site.nameservers is '"
                  + Shown.value(spec.site().nameservers())
                  + "'; xCAT then builds a NIM resolv_conf resource and nodes depend on a name"
                  + " server through their SN",
              "set nameservers: \"\" (nodes use a full /etc/hosts)"));
    }
    for (int i = 0; i < spec.networks().size(); i++) {
      Network network = spec.networks().get(i);
      if (!network.nameservers().isEmpty()) {
        out.add(
            Finding.at(
                "/networks/" + i + "/nameservers",
                "network "
                    + network.name()
                    + " sets nameservers '"
                    + Shown.value(network.nameservers())
                    + "'",
                "set nameservers: \"\" on every network"));
      }
    }
    return out;
  }

  private static List<Finding> domain(ClusterSpec spec) {
    if (spec.site().domain() == null || spec.site().domain().isBlank()) {
      return List.of(
          Finding.at(
              "/site/domain",
              "site.domain is empty; NFSv4 needs one domain in /etc/nfs/local_domain everywhere",
              "set domain to the cluster's DNS domain, e.g. cluster.example.com"));
    }
    return List.of();
  }

  private static List<Finding> nfsv4(ClusterSpec spec) {
    if (!spec.site().useNFSv4onAIX().equals("yes")) {
      return List.of(
          Finding.at(
              "/site/useNFSv4onAIX",
              "site.useNFSv4onAIX is '"
                  + spec.site().useNFSv4onAIX()
                  + "'; the NFSv4 replica failover needs NFS version 4 everywhere",
              "set useNFSv4onAIX: \"yes\""));
    }
    return List.of();
  }

  private static List<Finding> sharedinstall(ClusterSpec spec) {
    if (!spec.site().sharedinstall().equals("sns")) {
      return List.of(
          Finding.at(
              "/site/sharedinstall",
              "site.sharedinstall is '"
                  + spec.site().sharedinstall()
                  + "'; xCAT then treats each SN's /install as its own and mkdsklsnode copies"
                  + " resources over the shared one",
              "set sharedinstall: sns"));
    }
    return List.of();
  }
}
