package dev.hasnctl.spec;

import dev.hasnctl.model.AbsolutePath;
import dev.hasnctl.model.HostName;
import java.util.Optional;

/**
 * The TEAL GPFS monitoring utility node: in the application GPFS cluster, reaching the xCAT DB2
 * database through the minimal db2driver client.
 *
 * @param clientDir where the seed configures the DB2 data server client on the EMS ({@code
 *     /db2client}), and where the image gets its copy
 * @param password a reference, {@code env:NAME} or {@code file:PATH}; never the password itself
 * @param bundleFile the TEAL image's installp bundle file on the EMS, whose content hasnctl keeps
 *     as the seed's list of filesets and RPMs ({@link #BUNDLE}); absent when the admin keeps it
 */
public record Teal(
    HostName node,
    String image,
    Dsn dsn,
    AbsolutePath clientDir,
    String user,
    String password,
    Optional<AbsolutePath> bundleFile) {
  /** Where NIM installp bundle files live on the EMS, as xCAT's images keep them. */
  public static final AbsolutePath BUNDLE_DIR = AbsolutePath.of("/install/nim/installp_bundle");

  /**
   * The seed's bundle for the TEAL utility node's image ("sample bundle file for teal-gpfs utility
   * node"): the filesets ({@code I:}) and RPMs ({@code R:}) it installs, unzip included (the seed
   * marks it optional).
   */
  public static final String BUNDLE =
      """
      # TEAL GPFS utility node (seed: "Setting up the Teal GPFS monitoring utility node")
      I:rpm.rte
      I:openssl.base
      I:openssl.license
      I:openssh.base
      I:openssh.man.en_US
      I:openssh.msg.en_US
      I:gpfs.base
      I:gpfs.gnr
      I:gpfs.msg.en_US
      I:rsct.core.sensorrm
      I:teal.gpfs-sn
      # RPMs
      R:popt*
      R:rsync*
      R:perl-Net_SSLeay.pm-1.30-3*
      R:perl-IO-Socket-SSL*
      R:unixODBC*
      R:unzip*
      """;

  /** The seed's client directory. */
  public static final AbsolutePath DEFAULT_CLIENT_DIR = AbsolutePath.of("/db2client");

  public Teal {
    user = Defaults.or(user, "xcatdb");
    clientDir = Defaults.or(clientDir, DEFAULT_CLIENT_DIR);
    bundleFile = Defaults.optional(bundleFile);
  }

  /** The DB2 data source the node connects to ({@code db2dsdriver.cfg}). */
  public record Dsn(String database, HostName host, Integer port) {
    public Dsn {
      database = Defaults.or(database, "xcatdb");
      port = Defaults.or(port, 50001);
    }
  }
}
