package dev.hasnctl.sim.xcat;

import static dev.hasnctl.sim.xcat.XcatFixture.args;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TablesTest {
  private final XcatDb db = XcatFixture.db();

  @Test
  void tabdumpPrintsTheSchemaHeaderAndQuotedValues() {
    assertThat(Tables.tabdump(db, args("postscripts")).stdout())
        .isEqualTo(
            """
            #node,postscripts,postbootscripts,comments,disable
            "xcatdefaults","syslog,remoteshell,syncfiles","otherpkgs",,
            "service","servicenode",,,
            "compute","setupntp,setupnfsv4replication",,,
            """);
  }

  @Test
  void tabdumpOfSiteMatchesTheRealSample() {
    assertThat(Tables.tabdump(db, args("site")).stdout())
        .startsWith("#key,value,comments,disable\n\"domain\",\"cluster\",,\n");
  }

  @Test
  void tabdumpOfAnEmptyTablePrintsOnlyTheHeader() {
    assertThat(Tables.tabdump(db, args("nodehm")).stdout())
        .isEqualTo(
            "#node,power,mgt,cons,termserver,termport,conserver,serialport,serialspeed,"
                + "serialflow,getmac,cmdmapping,consoleondemand,comments,disable\n");
  }

  @Test
  void chtabSetsAColumnSilently() {
    var r = Tables.chtab(db, args("key=useNFSv4onAIX", "site.value=yes"));
    assertThat(r.stdout()).isEmpty();
    assertThat(r.exitCode()).hasValue(0);
    assertThat(db.site("useNFSv4onAIX")).hasValue("yes");
  }

  @Test
  void chtabWithACompoundKeyChangesOnlyTheRowMatchingEveryKey() {
    Tables.chtab(db, args("image=img1,file=/etc/a", "litefile.options=tmpfs"));
    Tables.chtab(db, args("image=img1,file=/var/adm/ras/", "litefile.options=persistent"));
    Tables.chtab(db, args("image=img1,file=/etc/a", "litefile.options=rw"));

    assertThat(Tables.tabdump(db, args("litefile")).stdout())
        .contains("\"img1\",\"/etc/a\",\"rw\",,\n")
        .contains("\"img1\",\"/var/adm/ras/\",\"persistent\",,\n");
    Tables.chtab(db, args("-d", "image=img1,file=/etc/a", "litefile"));
    assertThat(Tables.tabdump(db, args("litefile")).stdout()).doesNotContain("/etc/a");
  }

  @Test
  void chtabDeleteRemovesTheRow() {
    Tables.chtab(db, args("-d", "node=compute", "postscripts"));
    assertThat(db.row("postscripts", "compute")).isEmpty();
  }

  @Test
  void nodelsListsNodesOnePerLineAndAttributesAsNodeColonValue() {
    assertThat(Tables.nodels(db, args("compute")).stdout()).isEqualTo("cn0001\ncn0002\n");
    assertThat(Tables.nodels(db, args("cn[0001-0002]", "noderes.servicenode")).stdout())
        .isEqualTo("cn0001: sn01,sn02\ncn0002: sn01,sn02\n");
  }
}
