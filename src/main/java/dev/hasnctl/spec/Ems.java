package dev.hasnctl.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hasnctl.model.AbsolutePath;
import dev.hasnctl.model.HostName;
import java.util.Optional;

/**
 * The xCAT management node (EMS): how hasnctl reaches it and how it reaches the service nodes.
 *
 * @param connection {@code local} when hasnctl runs on the EMS, else {@code ssh://user@host:port}
 * @param db2Export the NFSv4 export of the DB2 directory, needed only when the database is DB2
 */
public record Ems(
    HostName name,
    String connection,
    SnAccess snAccess,
    Database database,
    Optional<Db2Export> db2Export) {

  public Ems {
    connection = Defaults.or(connection, "local");
    snAccess = Defaults.or(snAccess, SnAccess.XDSH);
    database = Defaults.or(database, Database.SQLITE);
    db2Export = Defaults.optional(db2Export);
  }

  /** How commands reach service nodes and compute nodes. */
  public enum SnAccess {
    /** Through the EMS with xdsh/xdcp, xCAT's hierarchy (the default). */
    @JsonProperty("xdsh")
    XDSH,
    /** Straight to each SN over SSH, without the EMS. */
    @JsonProperty("direct")
    DIRECT
  }

  /** The database behind xCAT on the EMS. */
  public enum Database {
    @JsonProperty("sqlite")
    SQLITE,
    @JsonProperty("mysql")
    MYSQL,
    @JsonProperty("postgresql")
    POSTGRESQL,
    @JsonProperty("db2")
    DB2
  }

  /** The EMS's NFSv4 export of the DB2 source directory, so SN re-installs keep working. */
  public record Db2Export(AbsolutePath path, String options) {
    public Db2Export {
      path = Defaults.or(path, AbsolutePath.of("/mntdb2"));
      options = Defaults.or(options, "vers=4,sec=sys:krb5p:krb5i:krb5:dh,rw");
    }

    /** The {@code /etc/exports} line this export needs. */
    public String exportsLine() {
      return path + " -" + options;
    }
  }
}
