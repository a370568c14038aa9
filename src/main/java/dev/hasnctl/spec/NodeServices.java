package dev.hasnctl.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where compute nodes send syslog, take NTP time, route by default and resolve names. The value
 * {@code xcatmaster} means the node's own SN: a single point of failure until {@code snmove}.
 *
 * @param syslog {@code xcatmaster}, {@code none} or a host
 * @param ntp {@code xcatmaster}, {@code none} or a host
 * @param defaultGateway {@code xcatmaster}, {@code none} or an address
 */
public record NodeServices(
    String syslog, String ntp, String defaultGateway, NameResolution nameResolution) {
  /** xCAT's defaults: syslog and NTP through the SN, no default route, local /etc/hosts. */
  public static final NodeServices DEFAULT = new NodeServices(null, null, null, null);

  /** The value that names the node's own service node. */
  public static final String XCATMASTER = "xcatmaster";

  public NodeServices {
    syslog = Defaults.or(syslog, XCATMASTER);
    ntp = Defaults.or(ntp, XCATMASTER);
    defaultGateway = Defaults.or(defaultGateway, "none");
    nameResolution = Defaults.or(nameResolution, NameResolution.HOSTS);
  }

  /** How nodes resolve names. */
  public enum NameResolution {
    /** A fully populated local /etc/hosts, as the seed assumes. */
    @JsonProperty("hosts")
    HOSTS,
    /** DNS through /etc/resolv.conf, which stalls when the name server's route is lost. */
    @JsonProperty("dns")
    DNS
  }
}
