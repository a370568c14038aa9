package dev.hasnctl.spec;

import dev.hasnctl.model.AbsolutePath;
import dev.hasnctl.model.HostName;

/**
 * The TEAL GPFS monitoring utility node: in the application GPFS cluster, reaching the xCAT DB2
 * database through the minimal db2driver client.
 *
 * @param clientDir where the seed configures the DB2 data server client on the EMS ({@code
 *     /db2client}), and where the image gets its copy
 * @param password a reference, {@code env:NAME} or {@code file:PATH}; never the password itself
 */
public record Teal(
    HostName node, String image, Dsn dsn, AbsolutePath clientDir, String user, String password) {
  /** The seed's client directory. */
  public static final AbsolutePath DEFAULT_CLIENT_DIR = AbsolutePath.of("/db2client");

  public Teal {
    user = Defaults.or(user, "xcatdb");
    clientDir = Defaults.or(clientDir, DEFAULT_CLIENT_DIR);
  }

  /** The DB2 data source the node connects to ({@code db2dsdriver.cfg}). */
  public record Dsn(String database, HostName host, Integer port) {
    public Dsn {
      database = Defaults.or(database, "xcatdb");
      port = Defaults.or(port, 50001);
    }
  }
}
