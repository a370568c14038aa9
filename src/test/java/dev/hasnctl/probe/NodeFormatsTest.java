package dev.hasnctl.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.probe.Parsers.Unparseable;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.testing.SimClusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Node postscripts as lsdef shows them: the xcatdefaults row first, then the node's own. */
class NodeFormatsTest {
  private static final String OWN = "setupnfsv4replication,conslog,nfsv4mkps";

  @Test
  void theXcatdefaultsRowIsReadFromTabdump() throws Unparseable {
    List<Map<String, String>> rows = Parsers.tabdump(Samples.lines("tabdump", "postscripts-aix"));

    assertThat(NodeMeaning.xcatDefaults(rows)).isEqualTo("syslog,remoteshell,syncfiles");
  }

  @Test
  void aDisabledXcatdefaultsRowIsNotPrepended() {
    List<Map<String, String>> rows =
        List.of(Map.of("node", "xcatdefaults", "postscripts", "syslog", "disable", "1"));

    assertThat(NodeMeaning.xcatDefaults(rows)).isEmpty();
  }

  @Test
  void aNodeRunningTheDefaultsThenItsOwnListMatchesTheSpec() throws Unparseable {
    Map<String, Map<String, String>> nodes =
        Parsers.lsdefCompressed(Samples.lines("lsdef", "node-compressed-with-xcatdefaults"));
    String defaults = "syslog,remoteshell,syncfiles";

    assertThat(NodeMeaning.postscripts(nodes.get("cn0001").get("postscripts"), defaults, OWN))
        .isEqualTo(OWN);
    // cn0002 runs the defaults only: its own list is empty, and that is what differs.
    assertThat(NodeMeaning.postscripts(nodes.get("cn0002").get("postscripts"), defaults, OWN))
        .isEmpty();
  }

  @Test
  void aDefaultRepeatedInTheNodesOwnListRunsTheSameScripts() {
    assertThat(
            NodeMeaning.postscripts(
                "syslog,remoteshell,syncfiles,syslog," + OWN, "syslog,remoteshell,syncfiles", OWN))
        .isEqualTo(OWN);
    assertThat(NodeMeaning.postscripts("syslog,conslog", "syslog", "conslog,nfsv4mkps"))
        .isEqualTo("conslog");
  }

  @Test
  void theSimulatorPrependsTheDefaultsItsScenariosDefine() throws Unparseable {
    SimStore store = SimClusters.store(Scenario.CONVERGED);

    List<Map<String, String>> rows =
        Parsers.tabdump(Samples.sim(store, "ems01", "tabdump", "postscripts"));
    Map<String, Map<String, String>> nodes =
        Parsers.lsdefCompressed(
            Samples.sim(store, "ems01", "lsdef", "-t", "node", "-i", "postscripts", "-c"));
    String shown = nodes.get("cn0001").get("postscripts");
    String wanted =
        DesiredState.of(SimClusters.example())
            .get(new ResourceId(HostName.of("ems01"), ResourceKind.NODE, "cn0001"))
            .orElseThrow()
            .properties()
            .get("postscripts");

    assertThat(NodeMeaning.xcatDefaults(rows)).isEqualTo("syslog,remoteshell,syncfiles");
    assertThat(shown).isEqualTo("syslog,remoteshell,syncfiles," + wanted);
    assertThat(NodeMeaning.postscripts(shown, NodeMeaning.xcatDefaults(rows), wanted))
        .isEqualTo(wanted);
  }

  @Test
  void xcatinfoNamingTheActiveSnByHostNameOrAddressIsTheSameServer() {
    String atBoot = Parsers.xcatServer(Samples.lines("xcatinfo", "boot-host-name"));
    String afterSnmove = Parsers.xcatServer(Samples.lines("xcatinfo", "snmove-address"));

    assertThat(NodeMeaning.xcatServer(atBoot, "20.10.12.1", "sn01-hfi")).isEqualTo("20.10.12.1");
    assertThat(NodeMeaning.xcatServer(afterSnmove, "20.10.12.1", "sn01-hfi"))
        .isEqualTo("20.10.12.1");
    assertThat(NodeMeaning.xcatServer("sn01-hfi.cluster.com", "20.10.12.1", "sn01-hfi"))
        .isEqualTo("20.10.12.1");
    // The partner's name or address is another server: it is reported as it is.
    assertThat(NodeMeaning.xcatServer("sn02-hfi", "20.10.12.1", "sn01-hfi")).isEqualTo("sn02-hfi");
    assertThat(NodeMeaning.xcatServer("sn01-hfi2", "20.10.12.1", "sn01-hfi"))
        .isEqualTo("sn01-hfi2");
  }

  @Test
  void theSimulatorWritesTheHostNameAtBootAndTheAddressAtSnmove() {
    SimStore store = SimClusters.store(Scenario.CONVERGED);

    List<String> booted = Samples.sim(store, "cn0001", "cat", "/etc/xcatinfo");

    assertThat(Parsers.xcatServer(booted)).isEqualTo("sn01-hfi");
    Samples.sim(store, "ems01", "snmove", "-d", "sn02", "-D", "sn02-hfi", "cn0001");
    assertThat(Parsers.xcatServer(Samples.sim(store, "cn0001", "cat", "/etc/xcatinfo")))
        .isEqualTo("20.10.12.17");
  }
}
