package dev.hasnctl.sim.xcat;

import static dev.hasnctl.sim.xcat.XcatFixture.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.transport.ExecResult;
import org.junit.jupiter.api.Test;

class LsdefTest {
  private final XcatObjects objects = new XcatObjects(XcatFixture.db());

  private ExecResult lsdef(String... a) {
    return Lsdef.run(objects, args(a));
  }

  @Test
  void longFormListsSetAttributesSortedWithGroupInheritanceAndDefaultPostscripts() {
    ExecResult r = lsdef("cn0001");
    assertThat(r.stdout())
        .isEqualTo(
            """
            Object name: cn0001
                groups=sn01grp,compute,all
                os=AIX
                postbootscripts=otherpkgs
                postscripts=syslog,remoteshell,syncfiles,setupntp,setupnfsv4replication
                provmethod=71dskls
                servicenode=sn01,sn02
                xcatmaster=sn01-hfi
            """);
    assertThat(r.exitCode()).hasValue(0);
  }

  @Test
  void compressedFormPrefixesEachLineWithTheNode() {
    assertThat(lsdef("cn0001,cn0002", "-i", "servicenode,xcatmaster", "-c").stdout())
        .isEqualTo(
            """
            cn0001: servicenode=sn01,sn02
            cn0001: xcatmaster=sn01-hfi
            cn0002: servicenode=sn01,sn02
            cn0002: xcatmaster=sn01-hfi
            """);
  }

  @Test
  void siteIsTheOneObjectClustersite() {
    assertThat(lsdef("-t", "site", "-l", "-i", "domain").stdout())
        .isEqualTo("Object name: clustersite\n    domain=cluster\n");
  }

  @Test
  void compressWithoutAttributeListIsRefusedAsXcatDoes() {
    ExecResult r = lsdef("-t", "site", "-c");
    assertThat(r.exitCode()).hasValue(1);
    assertThat(r.stderr()).isEqualTo("Error: The flags '-c' and '-i' must be used together.\n");
    assertThat(r.stdout()).contains("Usage: lsdef");
  }

  @Test
  void osimageMergesOsimageAndNimimageColumns() {
    assertThat(lsdef("-t", "osimage", "-o", "71dskls", "-i", "nimtype,dump,configdump").stdout())
        .isEqualTo(
            """
            Object name: 71dskls
                configdump=
                dump=71dskls_dump
                nimtype=diskless
            """);
  }

  @Test
  void networkAttributes() {
    assertThat(lsdef("-t", "network", "-i", "gateway").stdout())
        .isEqualTo("Object name: hfinet\n    gateway=<xcatmaster>\n");
  }

  @Test
  void groupShowsMembersAndItsOwnAttributes() {
    assertThat(lsdef("-t", "group", "-o", "sn01grp").stdout())
        .isEqualTo(
            """
            Object name: sn01grp
                grouptype=static
                members=cn0001,cn0002
                servicenode=sn01,sn02
            """);
  }

  @Test
  void withoutNamesListsObjectsShort() {
    assertThat(lsdef("-t", "node").stdout())
        .isEqualTo("cn0001  (node)\ncn0002  (node)\nsn01  (node)\nsn02  (node)\n");
  }

  @Test
  void unknownNodeIsReportedOnStdoutAndExitsZero() {
    ExecResult r = lsdef("nosuch");
    assertThat(r.stdout()).isEqualTo("Could not find an object named 'nosuch' of type 'node'.\n");
    assertThat(r.exitCode()).hasValue(0);
  }

  @Test
  void invalidAttributeIsAnError() {
    ExecResult r = lsdef("cn0001", "-i", "bogus");
    assertThat(r.stderr())
        .isEqualTo("Error: 'bogus' is not a valid attribute name for an object type of 'node'.\n");
    assertThat(r.exitCode()).hasValue(1);
  }

  @Test
  void invalidTypeIsAnError() {
    assertThat(lsdef("-t", "bogus").exitCode()).hasValue(1);
  }

  @Test
  void groupRangeExpandsToMembers() {
    assertThat(lsdef("sn01grp", "-i", "os", "-c").stdout())
        .isEqualTo("cn0001: os=AIX\ncn0002: os=AIX\n");
  }
}
