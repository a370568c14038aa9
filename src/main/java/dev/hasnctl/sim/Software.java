package dev.hasnctl.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.TreeMap;

/** Installed software on a host: AIX level, filesets and interim fixes. */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public final class Software {
  /** What {@code oslevel -s} prints, e.g. {@code 7100-01-03-1207}. */
  public String oslevel = "";

  /** Installed installp filesets by name, to their level, e.g. {@code 7.1.1.3}. */
  public TreeMap<String, String> filesets = new TreeMap<>();

  /**
   * Installed RPM packages by name, to {@code VERSION-RELEASE}; xCAT on AIX is RPMs ({@code
   * xCAT-server}, {@code xCAT-client}, {@code perl-xCAT}, {@code xCATsn}: xCAT-server's
   * share/xcat/installp_bundles/xCATaixSN71.bnd), not an installp fileset.
   */
  public TreeMap<String, String> rpms = new TreeMap<>();

  /** Installed emgr interim fixes by label, to their abstract. */
  public TreeMap<String, String> ifixes = new TreeMap<>();
}
