package dev.hasnctl.spec;

import java.util.List;

/** Required software levels and fixes per role, checked and reported, never installed. */
public record Software(RoleSoftware ems, RoleSoftware serviceNodes) {
  /** AIX ifixes the seed requires for NFSv4 client replication failover and paging. */
  public static final List<String> AIX_IFIXES = List.of("IV22221m03", "IV27038");

  /** The cumulative xCAT 2.7.2 ifix the seed requires. */
  public static final List<String> XCAT_IFIXES = List.of("SF3548436");

  /** The seed's pre-requisites for the EMS and the SNs. */
  public static final Software DEFAULT = new Software(null, null);

  public Software {
    // Built here, not read from a constant of RoleSoftware: the two classes' static initialisers
    // would otherwise see each other half-done, leaving DEFAULT with nulls.
    ems = ems != null ? ems : new RoleSoftware(null, null, null);
    serviceNodes = serviceNodes != null ? serviceNodes : new RoleSoftware(null, null, null);
  }

  /**
   * Levels for one role.
   *
   * @param xcat the minimum xCAT version, e.g. {@code 2.7.2}
   * @param aix the minimum {@code oslevel -s}, e.g. {@code 7100-01-03-1207}
   * @param ifixes emgr labels that must be installed
   */
  public record RoleSoftware(String xcat, String aix, List<String> ifixes) {
    public RoleSoftware {
      xcat = Defaults.or(xcat, "2.7.2");
      aix = Defaults.or(aix, "7100-01-03-1207");
      ifixes =
          Defaults.list(ifixes, List.of(AIX_IFIXES.get(0), AIX_IFIXES.get(1), XCAT_IFIXES.get(0)));
    }
  }
}
