package dev.hasnctl.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Import's discovery reads the recorded real formats with the probe's parsers. */
class DiscoveryFormatsTest {
  private Discovered discover() throws Exception {
    return SampleCluster.discover();
  }

  @Test
  void nodesPostscriptsAreTheirOwnWithoutXcatDefaults() throws Exception {
    Discovered found = discover();

    assertThat(found.nodes().get("cn0001"))
        .as(found.problems().toString())
        .containsEntry("postscripts", "setupnfsv4replication,conslog,nfsv4mkps")
        .containsEntry("servicenode", "sn01,sn02")
        .containsEntry("xcatmaster", "sn01-hfi");
    assertThat(found.nodes().get("cn0002")).containsEntry("postscripts", "");
  }

  @Test
  void softwareLevelsReadRpmWithAndWithoutArchitecture() throws Exception {
    Discovered found = discover();

    assertThat(found.ems().xcat()).contains("2.7.2");
    assertThat(found.serviceNodes().get("sn01").levels().xcat()).contains("2.7.2");
  }

  @Test
  void gpfsFromRealMmlsmountAndMmlsclusterLayouts() throws Exception {
    Discovered.ServiceNodeFacts sn01 = discover().serviceNodes().get("sn01");

    assertThat(sn01.gpfsDevices()).containsExactly("gpfsinstall");
    assertThat(sn01.gpfsCluster()).contains("snadmin.p7hpc.example.com");
    assertThat(sn01.gpfsAddresses())
        .containsEntry("sn01", "20.10.12.1")
        .containsEntry("sn02", "20.10.12.17");
  }

  @Test
  void inittabKeepsTheGpfsEntryAmongCommentedRecords() throws Exception {
    List<String> inittab = discover().serviceNodes().get("sn01").inittab().orElseThrow();

    assertThat(inittab).anyMatch(l -> l.startsWith("mmfs:2:once:/usr/lpp/mmfs/bin/mmautoload"));
  }

  @Test
  void whatFailedIsAProblemNamingTheHostNotAGuess() throws Exception {
    Discovered found = discover();

    assertThat(found.site()).isEmpty();
    assertThat(found.problems()).anyMatch(p -> p.startsWith("ems01: site failed"));
    assertThat(found.serviceNodes().get("sn01").exports()).isEmpty();
  }
}
