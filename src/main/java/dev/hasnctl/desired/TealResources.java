package dev.hasnctl.desired;

import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.model.Secret;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.Teal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The TEAL utility node's DB2 client configuration, as the seed's chapter "Setting up the Teal GPFS
 * monitoring utility node" writes it: on the EMS under the client directory, then copied into the
 * TEAL image's spot. The password is never part of it: files holding it carry {@value Secret#SHOWN}
 * where it goes.
 */
final class TealResources {
  /** The 32-bit driver's configuration directory, below the client directory (seed). */
  static final String CFG_32 = "dsdriver/odbc_cli_driver/aix32/clidriver/cfg";

  /** Mode of the files that hold the password: "this file should only be readable by root". */
  private static final String PRIVATE = "600";

  /** What the connection check observes when isql connects. */
  static final String CONNECTED = "connected";

  /**
   * The filesets the seed requires on the utility node, to their minimum level (empty: any level;
   * the seed names teal.gpfs-sn's by service pack only, "SP5").
   */
  static final Map<String, String> REQUIRED =
      new java.util.TreeMap<>(
          Map.of("teal.gpfs-sn", "", "gpfs.base", "3.4.0.13", "rsct.core.sensorrm", "3.1.2.0"));

  private TealResources() {}

  static void add(ClusterSpec spec, Expansion out) {
    if (spec.teal().isEmpty()) {
      return;
    }
    Teal teal = spec.teal().get();
    HostName ems = spec.ems().name();
    String dir = teal.clientDir().value();
    Map<String, String[]> files = files(teal);
    files.forEach((path, contentAndMode) -> out.add(file(ems, dir + "/" + path, contentAndMode)));
    // The image's installp bundle, as the seed's sample lists it (an ordinary file of the EMS).
    teal.bundleFile()
        .ifPresent(
            bundle ->
                out.add(
                    Resource.managed(
                        new ResourceId(ems, ResourceKind.FILE, bundle.value()),
                        Map.of("content", Teal.BUNDLE),
                        "/teal/bundleFile")));
    // The seed's copies into the image: the whole client tree, the unixODBC files into etc and
    // db2cli.ini at the root.
    String root = "/install/nim/spot/" + teal.image() + "/usr/lpp/bos/inst_root";
    files.forEach(
        (path, contentAndMode) -> out.add(file(ems, root + dir + "/" + path, contentAndMode)));
    out.add(file(ems, root + "/etc/odbc.ini", files.get("odbc.ini")));
    out.add(file(ems, root + "/etc/odbcinst.ini", files.get("odbcinst.ini")));
    out.add(file(ems, root + "/db2cli.ini", files.get("db2cli.ini")));
    // xCAT's DB2 cfgloc (db2sqlsetup's createcfgloc): DB2:DATABASE|INSTANCE|PASSWORD, root only.
    out.add(
        file(
            ems,
            root + "/etc/xcat/cfgloc",
            new String[] {
              "DB2:" + teal.dsn().database() + "|" + teal.user() + "|" + Secret.SHOWN + "\n",
              PRIVATE
            }));
    // Seed, "Build the teal-gpfs diskless image": the levels the utility node needs.
    REQUIRED.forEach(
        (fileset, minimum) ->
            out.add(
                Resource.checked(
                    new ResourceId(
                        teal.node(), ResourceKind.SOFTWARE, ResourceKind.FILESET_KEY + fileset),
                    minimum.isEmpty() ? Map.of("installed", "yes") : Map.of("minimum", minimum),
                    "/teal/image")));
    // Seed: "After the Utility node boots, test the DB2 setup by running isql -v xcatdb".
    out.add(
        Resource.checked(
            new ResourceId(teal.node(), ResourceKind.DB2_CONNECTION, teal.dsn().database()),
            Map.of("isql", CONNECTED),
            "/teal/node"));
    routers(spec)
        .forEach(
            (router, origin) ->
                out.add(
                    Resource.managed(
                        new ResourceId(router, ResourceKind.NETWORK_OPTION, "ipforwarding"),
                        Map.of("value", "1"),
                        origin)));
  }

  /**
   * The SNs that route the utility node's traffic to the EMS (seed: "Configure IP forwarding such
   * that the Utility Node can access the DB2 Server on the EMS"): the gateway of a network when it
   * is an SN's address or name, every SN when it is {@code <xcatmaster>} (the node's own SN). A
   * network without a gateway, or with a router that is not an SN, needs nothing of hasnctl: the
   * node then reaches the EMS on its own interface, the seed's other way.
   *
   * @return each such SN, to the spec pointer of the gateway that makes it one
   */
  static Map<HostName, String> routers(ClusterSpec spec) {
    Map<HostName, String> out = new java.util.TreeMap<>();
    for (int i = 0; i < spec.networks().size(); i++) {
      String gateway = spec.networks().get(i).gateway().orElse("");
      for (dev.hasnctl.spec.ServiceNode sn : spec.serviceNodes()) {
        if (gateway.equals("<xcatmaster>")
            || gateway.equals(sn.address())
            || gateway.equals(sn.name().value())
            || gateway.equals(sn.xcatmaster().value())) {
          out.putIfAbsent(sn.name(), "/networks/" + i + "/gateway");
        }
      }
    }
    return out;
  }

  /** Each file below the client directory, to its content and mode. */
  private static Map<String, String[]> files(Teal teal) {
    String database = teal.dsn().database();
    String host = teal.dsn().host().value();
    String port = Integer.toString(teal.dsn().port());
    String dsdriver =
        String.join(
            "\n",
            "<configuration>",
            "  <dsncollection>",
            "    <dsn alias=\""
                + database
                + "\" name=\""
                + database
                + "\" host=\""
                + host
                + "\" port=\""
                + port
                + "\"/>",
            "  </dsncollection>",
            "  <databases>",
            "    <database name=\"" + database + "\" host=\"" + host + "\" port=\"" + port + "\">",
            "    </database>",
            "  </databases>",
            "</configuration>",
            "");
    String cli = "[" + database + "]\nuid=" + teal.user() + "\npwd=" + Secret.SHOWN + "\n";
    Map<String, String[]> out = new LinkedHashMap<>();
    out.put("dsdriver/cfg/db2dsdriver.cfg", new String[] {dsdriver, "755"});
    out.put("dsdriver/cfg/db2cli.ini", new String[] {cli, PRIVATE});
    out.put(CFG_32 + "/db2dsdriver.cfg", new String[] {dsdriver, "755"});
    out.put(CFG_32 + "/db2cli.ini", new String[] {cli, PRIVATE});
    out.put(
        "odbc.ini",
        new String[] {"[" + database + "]\nDriver   = DB2\nDATABASE = " + database + "\n", "644"});
    out.put(
        "odbcinst.ini",
        new String[] {
          "[DB2]\nDescription =  DB2 Driver\nDriver   = "
              + teal.clientDir().value()
              + "/dsdriver/odbc_cli_driver/aix32/clidriver/lib/libdb2.so\n"
              + "FileUsage = 1\nDontDLClose = 1\nThreading = 0\n",
          "644"
        });
    // The seed's unixODBC db2cli.ini lists pwd before uid.
    out.put(
        "db2cli.ini",
        new String[] {
          "[" + database + "]\npwd=" + Secret.SHOWN + "\nuid=" + teal.user() + "\n", PRIVATE
        });
    return out;
  }

  private static Resource file(HostName ems, String path, String[] contentAndMode) {
    return Resource.managed(
        new ResourceId(ems, ResourceKind.DB2_CLIENT_FILE, path),
        Map.of("content", contentAndMode[0], "mode", contentAndMode[1], "owner", "root:system"),
        "/teal");
  }
}
