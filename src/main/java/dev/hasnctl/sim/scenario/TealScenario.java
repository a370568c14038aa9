package dev.hasnctl.sim.scenario;

import dev.hasnctl.model.Secret;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.Network;
import dev.hasnctl.spec.ServiceNode;
import dev.hasnctl.spec.Teal;
import java.util.List;
import java.util.Optional;

/**
 * The TEAL utility node's share of the simulated EMS, after the seed's chapter "Setting up the Teal
 * GPFS monitoring utility node". Every scenario has what the admin does by hand before hasnctl: the
 * data server client extracted under the client directory ({@code installDSdriver}, the 32-bit
 * driver unpacked and its {@code libdb2.so} made) with the samples it ships, and the TEAL image's
 * spot with its {@code inst_root}. Converged adds the configuration files the seed writes and
 * copies into the spot, holding the password.
 */
final class TealScenario {
  private static final String CFG32 = "/dsdriver/odbc_cli_driver/aix32/clidriver";

  /** Where xCAT finds its database and the password it connects with. */
  static final String CFGLOC = "/etc/xcat/cfgloc";

  private TealScenario() {}

  static void ems(SimHost ems, ClusterSpec spec, Scenario scenario, Optional<Secret> secret) {
    if (spec.teal().isEmpty()) {
      return;
    }
    Teal teal = spec.teal().get();
    String dir = teal.clientDir().value();
    String root = "/install/nim/spot/" + teal.image() + "/usr/lpp/bos/inst_root";
    ems.dirs.add(root);
    // The client as installDSdriver leaves it, owned by bin (the seed's chown -R bin), and the
    // seed's "cp -rp /db2client" of it into the image: the driver itself is the admin's to install.
    for (String base : new String[] {"", root}) {
      binFile(
          ems,
          base + dir + "/dsdriver/cfg/db2dsdriver.cfg.sample",
          "<configuration>\n</configuration>\n");
      binFile(ems, base + dir + "/dsdriver/cfg/db2cli.ini.sample", "; db2cli.ini sample\n");
      binFile(ems, base + dir + CFG32 + "/lib/libdb2.a", "");
      binFile(ems, base + dir + CFG32 + "/lib/libdb2.so", "");
    }
    secret.ifPresent(s -> database(ems, teal, s));
    if (scenario != Scenario.CONVERGED) {
      return;
    }
    if (secret.isEmpty()) {
      throw new IllegalArgumentException(
          "a converged TEAL node's files hold its DB2 password, and "
              + teal.password()
              + " could not be read");
    }
    String password = secret.get().fill(Secret.SHOWN);
    String db = teal.dsn().database();
    String host = teal.dsn().host().value();
    int port = teal.dsn().port();
    String cfg =
        """
        <configuration>
          <dsncollection>
            <dsn alias="%1$s" name="%1$s" host="%2$s" port="%3$d"/>
          </dsncollection>
          <databases>
            <database name="%1$s" host="%2$s" port="%3$d">
            </database>
          </databases>
        </configuration>
        """
            .formatted(db, host, port);
    String cli = "[%s]\nuid=%s\npwd=%s\n".formatted(db, teal.user(), password);
    String odbc = "[%1$s]\nDriver   = DB2\nDATABASE = %1$s\n".formatted(db);
    String odbcinst =
        """
        [DB2]
        Description =  DB2 Driver
        Driver   = %s%s/lib/libdb2.so
        FileUsage = 1
        DontDLClose = 1
        Threading = 0
        """
            .formatted(dir, CFG32);
    String unixCli = "[%s]\npwd=%s\nuid=%s\n".formatted(db, password, teal.user());
    for (String base : new String[] {"", root}) {
      file(ems, base + dir + "/dsdriver/cfg/db2dsdriver.cfg", cfg, "755");
      file(ems, base + dir + "/dsdriver/cfg/db2cli.ini", cli, "600");
      file(ems, base + dir + CFG32 + "/cfg/db2dsdriver.cfg", cfg, "755");
      file(ems, base + dir + CFG32 + "/cfg/db2cli.ini", cli, "600");
      file(ems, base + dir + "/odbc.ini", odbc, "644");
      file(ems, base + dir + "/odbcinst.ini", odbcinst, "644");
      file(ems, base + dir + "/db2cli.ini", unixCli, "600");
    }
    file(ems, root + "/etc/odbc.ini", odbc, "644");
    file(ems, root + "/etc/odbcinst.ini", odbcinst, "644");
    file(ems, root + "/db2cli.ini", unixCli, "600");
    file(ems, root + CFGLOC, ems.files.get(CFGLOC), "600");
  }

  /**
   * The xCAT database on the EMS, as xCAT's db2sqlsetup leaves it (xCAT-client/bin/db2sqlsetup):
   * {@code /etc/xcat/cfgloc} holding {@code DB2:DATABASE|INSTANCE|PASSWORD}, readable by root only
   * (createcfgloc), and the server's port in /etc/services (setupservices). The TEAL node's client
   * connects to it when its files say the same.
   */
  private static void database(SimHost ems, Teal teal, Secret secret) {
    String db = teal.dsn().database();
    file(
        ems,
        CFGLOC,
        "DB2:" + db + "|" + teal.user() + "|" + secret.fill(Secret.SHOWN) + "\n",
        "600");
    ems.files.merge(
        "/etc/services",
        "db2c_xcatdb     " + teal.dsn().port() + "/tcp    # Port for server connection\n",
        String::concat);
  }

  /**
   * Converged, the SNs that route the TEAL node to the EMS forward IP packets: a network's gateway
   * that is an SN (its address, name or xcatmaster name), or every SN for {@code <xcatmaster>}.
   */
  static void routers(SimState state, ClusterSpec spec, Scenario scenario) {
    if (spec.teal().isEmpty() || scenario != Scenario.CONVERGED) {
      return;
    }
    for (Network network : spec.networks()) {
      String gateway = network.gateway().orElse("");
      for (ServiceNode sn : spec.serviceNodes()) {
        boolean routes =
            gateway.equals("<xcatmaster>")
                || List.of(sn.address(), sn.name().value(), sn.xcatmaster().value())
                    .contains(gateway);
        if (routes) {
          state.host(sn.name().value()).ifPresent(h -> h.tunables.put("ipforwarding", "1"));
        }
      }
    }
  }

  private static void binFile(SimHost host, String path, String content) {
    host.files.put(path, content);
    host.modes.put(path, "644 bin bin");
  }

  private static void file(SimHost host, String path, String content, String mode) {
    host.files.put(path, content);
    if (!mode.equals("644")) {
      host.modes.put(path, mode + " root system");
    }
  }
}
