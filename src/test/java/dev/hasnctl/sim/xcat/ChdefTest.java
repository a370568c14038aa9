package dev.hasnctl.sim.xcat;

import static dev.hasnctl.sim.xcat.XcatFixture.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.transport.ExecResult;
import org.junit.jupiter.api.Test;

class ChdefTest {
  private final XcatDb db = XcatFixture.db();
  private final XcatObjects objects = new XcatObjects(db);

  @Test
  void chdefWritesTheNoderesTableAndCountsObjects() {
    ExecResult r = Chdef.change(objects, args("cn0001,cn0002", "servicenode=sn02,sn01"), false);
    assertThat(r.stdout()).isEqualTo("2 object definitions have been created or modified.\n");
    assertThat(db.value("noderes", "cn0001", "servicenode")).hasValue("sn02,sn01");
  }

  @Test
  void plusAppendsAndMinusRemovesListItems() {
    Chdef.change(objects, args("-t", "group", "-o", "compute", "-p", "postscripts=mypost"), false);
    assertThat(db.value("postscripts", "compute", "postscripts"))
        .hasValue("setupntp,setupnfsv4replication,mypost");
    Chdef.change(
        objects, args("-t", "group", "-o", "compute", "-m", "postscripts=setupntp"), false);
    assertThat(db.value("postscripts", "compute", "postscripts"))
        .hasValue("setupnfsv4replication,mypost");
  }

  @Test
  void siteAttributesAreSiteRows() {
    Chdef.change(objects, args("-t", "site", "useNFSv4onAIX=yes"), false);
    assertThat(db.site("useNFSv4onAIX")).hasValue("yes");
  }

  @Test
  void osimageAttributesGoToNimimageWhenTheyAreNimColumns() {
    Chdef.change(objects, args("-t", "osimage", "-o", "71dskls", "configdump=selective"), false);
    assertThat(db.value("nimimage", "71dskls", "configdump")).hasValue("selective");
  }

  @Test
  void invalidAttributeIsReportedAndExitsOneButValidOnesAreWritten() {
    ExecResult r = Chdef.change(objects, args("cn0001", "bogus=1", "os=AIX"), false);
    assertThat(r.exitCode()).hasValue(1);
    assertThat(r.stderr())
        .startsWith(
            """
            Error: 'bogus' is not a valid attribute name for an object type of 'node'.
            Skipping to the next attribute.
            """);
    assertThat(db.value("nodetype", "cn0001", "os")).hasValue("AIX");
  }

  @Test
  void chdefOfAnUnknownNodeCreatesItInGroupAll() {
    Chdef.change(objects, args("cn0009", "os=AIX"), false);
    assertThat(db.groupsOf("cn0009")).containsExactly("all");
  }

  @Test
  void minusOnAnUnknownObjectIsAnError() {
    ExecResult r = Chdef.change(objects, args("cn0009", "-m", "postscripts=x"), false);
    assertThat(r.exitCode()).hasValue(1);
    assertThat(r.stderr())
        .contains("The '-m' option is not valid since the 'cn0009' definition does not exist.");
  }

  @Test
  void mkdefNeedsGroupsForANode() {
    ExecResult r = Chdef.change(objects, args("-t", "node", "-o", "cn0009", "os=AIX"), true);
    assertThat(r.exitCode()).hasValue(1);
    assertThat(db.isNode("cn0009")).isFalse();
    ExecResult ok = Chdef.change(objects, args("-t", "node", "-o", "cn0009", "groups=all"), true);
    assertThat(ok.stdout()).isEqualTo("1 object definitions have been created or modified.\n");
    assertThat(db.isNode("cn0009")).isTrue();
  }

  @Test
  void chdefWithoutNamesIsAnError() {
    assertThat(Chdef.change(objects, args("-t", "osimage", "spot=x"), false).stderr())
        .isEqualTo("Error: No object names were provided.\n");
  }

  @Test
  void rmdefRemovesNodesFromEveryTable() {
    ExecResult r = Chdef.remove(objects, args("cn0001"));
    assertThat(r.stdout()).isEqualTo("1 object definitions have been removed.\n");
    assertThat(db.isNode("cn0001")).isFalse();
    assertThat(db.row("noderes", "cn0001")).isEmpty();
  }

  @Test
  void rmdefOfUnknownObjectReportsAndRemovesNothing() {
    ExecResult r = Chdef.remove(objects, args("-t", "osimage", "-o", "nosuch"));
    assertThat(r.stderr())
        .isEqualTo("Error: Could not find an object named 'nosuch' of type 'osimage'.\n");
    assertThat(r.stdout()).isEqualTo("No objects have been removed from the xCAT database.\n");
    assertThat(r.exitCode()).hasValue(0);
  }

  @Test
  void rmdefOfAGroupDropsItFromMembers() {
    Chdef.remove(objects, args("-t", "group", "-o", "sn01grp"));
    assertThat(db.groupsOf("cn0001")).containsExactly("compute", "all");
  }
}
