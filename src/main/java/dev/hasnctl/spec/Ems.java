package dev.hasnctl.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hasnctl.model.AbsolutePath;
import dev.hasnctl.model.HostName;
import java.util.Optional;

/**
 * The xCAT management node (EMS): how hasnctl reaches it and how it reaches the service nodes.
 *
 * @param connection {@code local} when hasnctl runs on the EMS, else {@code ssh://user@host:port}
 * @param database the database behind xCAT; with DB2 the EMS exports the DB2 directory
 * @param db2Export how the DB2 directory is exported; only with {@code database: db2}
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

  /**
   * The DB2 export the EMS must carry (seed: "If you are using DB2 for your xCAT database, you will
   * need to change your /etc/exports to export your DB2 source directory as NFSv4"): present
   * exactly when the database is DB2, with the seed's path and options unless {@code db2Export}
   * says otherwise.
   */
  public Optional<Db2Export> requiredDb2Export() {
    return database == Database.DB2
        ? Optional.of(db2Export.orElse(new Db2Export(null, null)))
        : Optional.empty();
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
