package dev.hasnctl.spec;

import dev.hasnctl.model.HostName;

/**
 * The TEAL GPFS monitoring utility node: in the application GPFS cluster, reaching the xCAT DB2
 * database through the minimal db2driver client.
 *
 * @param password a reference, {@code env:NAME} or {@code file:PATH}; never the password itself
 */
public record Teal(HostName node, String image, Dsn dsn, String user, String password) {
  public Teal {
    user = Defaults.or(user, "xcatdb");
  }

  /** The DB2 data source the node connects to ({@code db2dsdriver.cfg}). */
  public record Dsn(String database, HostName host, Integer port) {
    public Dsn {
      database = Defaults.or(database, "xcatdb");
      port = Defaults.or(port, 50001);
    }
  }
}
