package dev.hasnctl.sim.xcat;

import static dev.hasnctl.sim.xcat.XcatFixture.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.transport.ExecResult;
import org.junit.jupiter.api.Test;

class CrossHostTest {
  private final FakeCluster cluster = new FakeCluster();

  private ExecResult run(String program, String... a) {
    return XcatCommandSet.run(cluster, program, args(a)).orElseThrow();
  }

  @Test
  void xdshPrefixesEveryLineWithTheNode() {
    ExecResult r = run("xdsh", "cn0001,cn0002", "uptime");
    assertThat(r.stdout())
        .isEqualTo("cn0001: ran uptime on cn0001\ncn0002: ran uptime on cn0002\n");
    assertThat(r.exitCode()).hasValue(0);
  }

  @Test
  void xdshToADownNodePrintsTheRemoteShellErrorAndFails() {
    cluster.down.add("cn0002");
    ExecResult r = run("xdsh", "compute", "uptime");
    assertThat(r.stdout()).isEqualTo("cn0001: ran uptime on cn0001\n");
    assertThat(r.stderr())
        .isEqualTo(
            """
            cn0002: ssh: connect to host cn0002 port 22: No route to host
            Error: cn0002 remote shell had error code: 255
            """);
    assertThat(r.exitCode()).hasValue(1);
  }

  @Test
  void xdshFallsBackToTheBackupServiceNodeSlowly() {
    cluster.down.add("sn01");
    assertThat(run("xdsh", "cn0001", "uptime").exitCode()).hasValue(0);
    assertThat(cluster.events).singleElement().asString().contains("slow");
  }

  @Test
  void xdshFailsWhenBothServiceNodesAreDown() {
    cluster.down.add("sn01");
    cluster.down.add("sn02");
    assertThat(run("xdsh", "cn0001", "uptime").exitCode()).hasValue(1);
  }

  @Test
  void mkdsklsnodeBackupThenPrimaryDefinesBothAndWritesReplicaExports() {
    run("mkdsklsnode", "-V", "-S", "-b", "-i", "71dskls", "compute", "configdump=selective");
    ExecResult r = run("mkdsklsnode", "-V", "-S", "-p", "-k", "-i", "71dskls", "compute");
    assertThat(r.exitCode()).hasValue(0);
    assertThat(cluster.nim("sn01")).containsKeys("cn0001", "cn0002", "71dskls", "71dskls_dump");
    assertThat(cluster.nim("sn02")).containsKeys("cn0001", "cn0002");
    assertThat(cluster.files("sn01").get("/etc/exports"))
        .isEqualTo(
            "/install -replicas=/install@20.10.12.1:/install@20.10.12.17,vers=4,rw,noauto,root=*\n");
    assertThat(cluster.files("sn02").get("/etc/exports"))
        .isEqualTo(
            "/install -replicas=/install@20.10.12.17:/install@20.10.12.1,vers=4,rw,noauto,root=*\n");
    assertThat(cluster.db.value("nimimage", "71dskls", "configdump")).hasValue("selective");
    assertThat(cluster.events).isEmpty();
    assertThat(cluster.inProgress).isEmpty();
  }

  @Test
  void mkdsklsnodeForBothServiceNodesAtOnceCorruptsTheClientFiles() {
    run("mkdsklsnode", "-i", "71dskls", "cn0001");
    assertThat(cluster.events).singleElement().asString().contains("corrupted");
  }

  @Test
  void aSecondRunWhileOneIsInProgressCorruptsTheClientFiles() {
    cluster.inProgress.add("cn0001");
    run("mkdsklsnode", "-b", "-i", "71dskls", "cn0001");
    assertThat(cluster.events).singleElement().asString().contains("at once");
  }

  @Test
  void primaryBeforeBackupIsRecordedAndSnmoveThenCannotBootFromTheBackup() {
    run("mkdsklsnode", "-p", "-i", "71dskls", "cn0001");
    assertThat(cluster.events).singleElement().asString().contains("-p ran before -b");
    ExecResult r = run("snmove", "-V", "cn0001");
    assertThat(r.stderr()).contains("/sn02_71dskls/.client_data on sn02.");
    assertThat(cluster.events.get(1)).contains("cannot boot from sn02");
  }

  @Test
  void snmoveDoesEveryStep() {
    run("mkdsklsnode", "-b", "-i", "71dskls", "sn01grp");
    run("mkdsklsnode", "-p", "-i", "71dskls", "sn01grp");
    cluster.db.set("statelite", "sn01grp", "statemnt", "sn01-hfi:/install/statelite");
    cluster.down.add("sn01");
    ExecResult r = run("snmove", "sn01grp");
    assertThat(r.stdout())
        .isEqualTo(
            """
            Moving nodes to their backup service nodes.

            Setting new values in the xCAT database.

            Checking dump devices.

            Set the primary dump device for node 'cn0001' to '/dev/hdisk1' and changed the dump target to 'sn02-hfi'.

            Set the primary dump device for node 'cn0002' to '/dev/hdisk1' and changed the dump target to 'sn02-hfi'.

            Checking the default routes on the nodes.
            Updating the bootlist.

            Running postscripts on the nodes.
            """);
    assertThat(r.exitCode()).hasValue(0);
    assertThat(cluster.db.value("noderes", "cn0001", "servicenode")).hasValue("sn02,sn01");
    assertThat(cluster.db.value("noderes", "cn0001", "xcatmaster")).hasValue("sn02-hfi");
    assertThat(cluster.db.value("statelite", "cn0001", "statemnt"))
        .hasValue("sn02-hfi:/install/statelite");
    FakeCluster.Node n = cluster.computes.get("cn0001");
    assertThat(n.dump).startsWith("sn02-hfi:");
    assertThat(n.gateway).isEqualTo("20.0.0.17");
    assertThat(n.syslog).isEqualTo("sn02-hfi");
    assertThat(n.ntp).isEqualTo("sn02-hfi");
    assertThat(cluster.files("cn0001").get("/etc/xcatinfo")).isEqualTo("XCATSERVER=20.0.0.17\n");
    assertThat(cluster.files("sn02").get(Diskless.clientData(cluster.db, "71dskls", "cn0001")))
        .isEqualTo("sn02\n");
  }

  @Test
  void snmoveRefusesLiteonlyWithASharedInstallAndChangesNothing() {
    ExecResult r = run("snmove", "-l", "cn0001");

    assertThat(r.exitCode()).hasValue(1);
    assertThat(r.stdout())
        .contains(
            "The liteonly option is not valaid when using a shared file system across service"
                + " nodes.");
    assertThat(cluster.db.value("noderes", "cn0001", "servicenode")).isEmpty();
  }

  @Test
  void snmoveLeavesVariableStateliteRowsAloneAndRewritesTheDatabaseFirst() {
    cluster.db.set("statelite", "sn01grp", "statemnt", "$noderes.xcatmaster:/install/statelite");

    ExecResult r = run("snmove", "-i", "cn0001");

    assertThat(cluster.db.value("statelite", "sn01grp", "statemnt"))
        .hasValue("$noderes.xcatmaster:/install/statelite");
    assertThat(cluster.db.value("statelite", "cn0001", "statemnt")).isEmpty();
    assertThat(r.stdout()).contains("Setting new values in the xCAT database.");
  }

  @Test
  void snmoveWithIgnoreNodesTouchesOnlyTheDatabase() {
    ExecResult r = run("snmove", "-i", "cn0001");
    assertThat(r.exitCode()).hasValue(0);
    assertThat(cluster.db.value("noderes", "cn0001", "servicenode")).hasValue("sn02,sn01");
    assertThat(cluster.computes.get("cn0001").dump).startsWith("sn01-hfi:");
  }

  @Test
  void snmoveRefusesWhatTheRealOneRefuses() {
    assertThat(run("snmove", "-i", "-P", "x", "cn0001").stdout())
        .isEqualTo("-P and -i flags cannot be specified at the same time.\n\n");
    assertThat(run("snmove").stdout())
        .isEqualTo("A node range or the source service node must be specified.\n\n");
    assertThat(run("snmove", "a", "b").stdout()).isEqualTo("Too many paramters.\n\n");
    assertThat(run("snmove", "sn01").stderr())
        .isEqualTo("Error: Could not determine a backup service node for node sn01.\n");
    assertThat(run("snmove", "sn01").exitCode()).hasValue(1);
  }

  @Test
  void snmoveBySourceMovesTheNodesWhosePrimaryItIs() {
    run("snmove", "-s", "sn01", "-i");
    assertThat(cluster.db.nodeAttribute("cn0002", "servicenode")).hasValue("sn02,sn01");
  }

  @Test
  void rmdsklsnodeOnTheBackupFirstWarnsAndRecords() {
    run("mkdsklsnode", "-b", "-i", "71dskls", "cn0001");
    run("mkdsklsnode", "-p", "-i", "71dskls", "cn0001");
    ExecResult r = run("rmdsklsnode", "-f", "-b", "cn0001");
    assertThat(r.stderr()).contains("still defined on its primary service node sn01");
    assertThat(cluster.events).singleElement().asString().contains("backup removed before primary");
    run("rmdsklsnode", "-f", "cn0001");
    assertThat(cluster.nim("sn01")).doesNotContainKey("cn0001");
  }

  @Test
  void rmdsklsnodeRefusesARunningNodeUnlessForcedAndThenShutsItDownFirst() {
    run("mkdsklsnode", "-p", "-i", "71dskls", "cn0001");

    ExecResult refused = run("rmdsklsnode", "cn0001");

    assertThat(refused.exitCode()).hasValue(1);
    assertThat(refused.stderr())
        .contains("Error: The node 'cn0001' is currently running. Use the -f flag");
    assertThat(cluster.nim("sn01")).containsKey("cn0001");
    assertThat(cluster.executed).isEmpty();

    ExecResult forced = run("rmdsklsnode", "-V", "-f", "cn0001");

    assertThat(forced.exitCode()).hasValue(0);
    assertThat(cluster.executed).containsExactly("cn0001: shutdown -F &");
    assertThat(cluster.nim("sn01")).doesNotContainKey("cn0001");
  }
}
