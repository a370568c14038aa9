package dev.hasnctl.spec;

import java.util.Optional;

/**
 * The xCAT site attributes the seed sets for HASN ({@code chdef -t site ...}).
 *
 * @param domain the cluster DNS domain; NFSv4 needs it, also in {@code /etc/nfs/local_domain}
 * @param nameservers must stay empty, or xCAT creates a resolv_conf NIM resource for the nodes
 * @param useNFSv4onAIX must be {@code yes}
 * @param sharedinstall must be {@code sns}: /install is shared across the service nodes
 * @param ntpservers optional; {@code <xcatmaster>} makes each node's SN its NTP server
 */
public record Site(
    String domain,
    String nameservers,
    String useNFSv4onAIX,
    String sharedinstall,
    Optional<String> ntpservers) {

  public Site {
    nameservers = Defaults.or(nameservers, "");
    useNFSv4onAIX = Defaults.or(useNFSv4onAIX, "yes");
    sharedinstall = Defaults.or(sharedinstall, "sns");
    ntpservers = Defaults.optional(ntpservers);
  }
}
