package dev.hasnctl.sim.xcat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small xCAT database: two SNs, two compute nodes in group sn01grp, site and defaults. */
final class XcatFixture {
  private XcatFixture() {}

  static XcatDb db() {
    XcatDb db = new XcatDb(new LinkedHashMap<String, List<Map<String, String>>>());
    db.set("site", "domain", "value", "cluster");
    db.set("site", "master", "value", "172.17.0.13");
    db.set("site", "sharedinstall", "value", "sns");
    db.set("postscripts", "xcatdefaults", "postscripts", "syslog,remoteshell,syncfiles");
    db.set("postscripts", "xcatdefaults", "postbootscripts", "otherpkgs");
    db.set("postscripts", "service", "postscripts", "servicenode");
    for (String sn : List.of("sn01", "sn02")) {
      db.set("nodelist", sn, "groups", "service,all");
    }
    for (String cn : List.of("cn0001", "cn0002")) {
      db.set("nodelist", cn, "groups", "sn01grp,compute,all");
      db.set("noderes", cn, "xcatmaster", "sn01-hfi");
    }
    db.set("noderes", "sn01grp", "servicenode", "sn01,sn02");
    db.set("nodetype", "compute", "os", "AIX");
    db.set("nodetype", "compute", "provmethod", "71dskls");
    db.set("postscripts", "compute", "postscripts", "setupntp,setupnfsv4replication");
    db.set("osimage", "71dskls", "imagetype", "NIM");
    db.set("osimage", "71dskls", "osname", "AIX");
    db.set("nimimage", "71dskls", "nimtype", "diskless");
    db.set("nimimage", "71dskls", "spot", "71dskls");
    db.set("nimimage", "71dskls", "dump", "71dskls_dump");
    db.set("networks", "hfinet", "net", "20.0.0.0");
    db.set("networks", "hfinet", "mask", "255.0.0.0");
    db.set("networks", "hfinet", "gateway", "<xcatmaster>");
    return db;
  }

  static List<String> args(String... a) {
    return new ArrayList<>(List.of(a));
  }
}
