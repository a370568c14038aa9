package dev.hasnctl.sim.xcat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of xCAT's schema (perl-xCAT/xCAT/Schema.pm) the simulator models: each table's columns
 * in schema order (tabdump prints them in this order) and where each object attribute is stored.
 */
public final class XcatSchema {
  /** Where one object attribute lives: a table and a column. */
  public record Column(String table, String column) {}

  private static final Map<String, List<String>> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("site", List.of("key", "value", "comments", "disable"));
    TABLES.put(
        "networks",
        List.of(
            "netname",
            "net",
            "mask",
            "mgtifname",
            "gateway",
            "dhcpserver",
            "tftpserver",
            "nameservers",
            "ntpservers",
            "logservers",
            "dynamicrange",
            "staticrange",
            "staticrangeincrement",
            "nodehostname",
            "ddnsdomain",
            "vlanid",
            "domain",
            "comments",
            "disable"));
    TABLES.put(
        "nodelist",
        List.of(
            "node",
            "groups",
            "status",
            "statustime",
            "appstatus",
            "appstatustime",
            "primarysn",
            "hidden",
            "updatestatus",
            "updatestatustime",
            "zonename",
            "comments",
            "disable"));
    TABLES.put(
        "noderes",
        List.of(
            "node",
            "servicenode",
            "netboot",
            "tftpserver",
            "tftpdir",
            "nfsserver",
            "monserver",
            "nfsdir",
            "installnic",
            "primarynic",
            "discoverynics",
            "cmdinterface",
            "xcatmaster",
            "current_osimage",
            "next_osimage",
            "nimserver",
            "routenames",
            "nameservers",
            "proxydhcp",
            "syslog",
            "comments",
            "disable"));
    TABLES.put(
        "nodetype",
        List.of(
            "node",
            "os",
            "arch",
            "profile",
            "provmethod",
            "supportedarchs",
            "nodetype",
            "comments",
            "disable"));
    TABLES.put(
        "postscripts", List.of("node", "postscripts", "postbootscripts", "comments", "disable"));
    TABLES.put(
        "nodehm",
        List.of(
            "node",
            "power",
            "mgt",
            "cons",
            "termserver",
            "termport",
            "conserver",
            "serialport",
            "serialspeed",
            "serialflow",
            "getmac",
            "cmdmapping",
            "consoleondemand",
            "comments",
            "disable"));
    TABLES.put(
        "hosts", List.of("node", "ip", "hostnames", "otherinterfaces", "comments", "disable"));
    TABLES.put(
        "osimage",
        List.of(
            "imagename",
            "groups",
            "profile",
            "imagetype",
            "description",
            "provmethod",
            "rootfstype",
            "osdistroname",
            "osupdatename",
            "cfmdir",
            "osname",
            "osvers",
            "osarch",
            "synclists",
            "postscripts",
            "postbootscripts",
            "serverrole",
            "isdeletable",
            "kitcomponents",
            "environvar",
            "comments",
            "disable"));
    TABLES.put(
        "nimimage",
        List.of(
            "imagename",
            "nimtype",
            "lpp_source",
            "spot",
            "root",
            "dump",
            "paging",
            "resolv_conf",
            "tmp",
            "home",
            "shared_home",
            "res_group",
            "nimmethod",
            "script",
            "bosinst_data",
            "installp_bundle",
            "mksysb",
            "fb_script",
            "shared_root",
            "otherpkgs",
            "image_data",
            "configdump",
            "comments",
            "disable"));
    TABLES.put("statelite", List.of("node", "image", "statemnt", "mntopts", "comments", "disable"));
    TABLES.put("litefile", List.of("image", "file", "options", "comments", "disable"));
  }

  private static final Map<String, Column> NODE_ATTRS = new LinkedHashMap<>();

  static {
    node("groups", "nodelist", "groups");
    node("status", "nodelist", "status");
    node("primarysn", "nodelist", "primarysn");
    node("hidden", "nodelist", "hidden");
    for (String c :
        List.of(
            "servicenode",
            "netboot",
            "tftpserver",
            "tftpdir",
            "nfsserver",
            "monserver",
            "nfsdir",
            "installnic",
            "primarynic",
            "xcatmaster",
            "nimserver",
            "routenames",
            "nameservers",
            "syslog")) {
      node(c, "noderes", c);
    }
    for (String c : List.of("os", "arch", "profile", "provmethod", "nodetype")) {
      node(c, "nodetype", c);
    }
    node("postscripts", "postscripts", "postscripts");
    node("postbootscripts", "postscripts", "postbootscripts");
    for (String c : List.of("power", "mgt", "cons", "conserver", "serialport")) {
      node(c, "nodehm", c);
    }
    node("ip", "hosts", "ip");
    node("hostnames", "hosts", "hostnames");
  }

  private XcatSchema() {}

  private static void node(String attr, String table, String column) {
    NODE_ATTRS.put(attr, new Column(table, column));
  }

  /** The columns of {@code table} in schema order, or empty for a table not modelled. */
  public static Optional<List<String>> columns(String table) {
    return Optional.ofNullable(TABLES.get(table));
  }

  /** The key column of {@code table} (its first column). */
  public static String keyColumn(String table) {
    return TABLES.get(table).get(0);
  }

  /** Node (and group) attributes in the order lsdef learns them, each with its table column. */
  public static Map<String, Column> nodeAttributes() {
    return NODE_ATTRS;
  }

  /** Where an osimage attribute lives: the osimage table first, else nimimage; empty if neither. */
  public static Optional<Column> osimageAttribute(String attr) {
    if (isDataColumn("osimage", attr)) {
      return Optional.of(new Column("osimage", attr));
    }
    if (isDataColumn("nimimage", attr)) {
      return Optional.of(new Column("nimimage", attr));
    }
    return Optional.empty();
  }

  /** Whether {@code attr} is a network attribute (a networks column other than the key). */
  public static boolean isNetworkAttribute(String attr) {
    return isDataColumn("networks", attr);
  }

  private static boolean isDataColumn(String table, String attr) {
    List<String> cols = TABLES.get(table);
    return cols.indexOf(attr) > 0 && !attr.equals("comments") && !attr.equals("disable");
  }
}
