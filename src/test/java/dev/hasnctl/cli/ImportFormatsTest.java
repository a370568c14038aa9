package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.HostName;
import dev.hasnctl.probe.Discovered;
import dev.hasnctl.probe.SampleCluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Import on the recorded real-format samples (src/test/resources/formats/): what the spec says
 * comes from the probe's parsers of what real xCAT, AIX and GPFS print, not from the simulator.
 */
class ImportFormatsTest {
  private static Map<String, Object> imported() throws Exception {
    Discovered found = SampleCluster.discover();
    return Importer.of(found, "local", HostName.of("ems01")).tree();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  @Test
  void groupsComeFromLsdefWithoutXcatDefaultsPostscripts() throws Exception {
    List<Object> groups = list(imported().get("groups"));

    // cn0001 runs its own postscripts after xCAT's defaults; cn0002 only the defaults.
    assertThat(groups).hasSize(2);
    Map<String, Object> own = map(groups.get(0));
    assertThat(own)
        .containsEntry("name", "compute1")
        .containsEntry("nodes", "cn0001")
        .containsEntry("primary", "sn01")
        .containsEntry("backup", "sn02")
        .containsEntry("image", "aix71-compute")
        .containsEntry("postscripts", List.of("conslog", "nfsv4mkps"))
        .containsEntry("xcatGroups", List.of("aixnodes"));
    Map<String, Object> defaults = map(groups.get(1));
    assertThat(defaults).containsEntry("nodes", "cn0002").doesNotContainKey("postscripts");
  }

  @Test
  void serviceOrderSkipsCommentedInittabRecords() throws Exception {
    Map<String, Object> order = map(imported().get("serviceOrder"));

    assertThat(order)
        .containsEntry("gpfsInittabId", "mmfs")
        .containsEntry("afterGpfs", List.of("rcnfs", "xcatd"));
  }

  @Test
  void gpfsNamesWithDomainsMapToTheServiceNodes() throws Exception {
    Map<String, Object> spec = imported();

    assertThat(map(spec.get("sharedInstall")))
        .containsEntry("gpfsCluster", "snadmin.p7hpc.example.com");
    assertThat(list(spec.get("serviceNodes")))
        .extracting(sn -> map(sn).get("address"))
        .containsExactly("20.10.12.1", "20.10.12.17");
    assertThat(list(spec.get("pairs"))).containsExactly(List.of("sn01", "sn02"));
  }

  @Test
  void xcatLevelIsTheInstalledRpmWithOrWithoutArchitecture() throws Exception {
    Map<String, Object> software = map(imported().get("software"));

    assertThat(map(software.get("ems"))).containsEntry("xcat", "2.7.2");
    assertThat(map(software.get("serviceNodes"))).containsEntry("xcat", "2.7.2");
  }
}
