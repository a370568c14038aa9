package dev.hasnctl.spec;

import java.util.Optional;

/**
 * One row of xCAT's networks table.
 *
 * @param nameservers must stay empty, as on the site
 * @param gateway the network's gateway, or {@code <xcatmaster>} for the node's SN
 */
public record Network(
    String name, String net, String mask, Optional<String> gateway, String nameservers) {

  public Network {
    gateway = Defaults.optional(gateway);
    nameservers = Defaults.or(nameservers, "");
  }
}
