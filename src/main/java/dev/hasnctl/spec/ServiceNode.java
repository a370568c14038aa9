package dev.hasnctl.spec;

import dev.hasnctl.model.HostName;

/**
 * One service node.
 *
 * @param name the SN as the EMS knows it (xCAT {@code servicenode} attribute)
 * @param xcatmaster the SN as its compute nodes know it (xCAT {@code xcatmaster} attribute)
 * @param address the IPv4 address compute nodes mount from; it appears in {@code replicas=}
 */
public record ServiceNode(HostName name, HostName xcatmaster, String address) {
  public ServiceNode {
    xcatmaster = Defaults.or(xcatmaster, name);
  }
}
