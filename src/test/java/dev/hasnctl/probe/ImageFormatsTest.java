package dev.hasnctl.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.probe.Parsers.Unparseable;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.testing.SimClusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An image's NFS version lives on its NIM resources (lsnim -a nfs_vers), not in xCAT. */
class ImageFormatsTest {
  private static final ResourceId IMAGE =
      new ResourceId(HostName.of("ems01"), ResourceKind.OSIMAGE, "aix71-compute");

  @Test
  void theVersionIsTheOneAllTheImagesResourcesShare() throws Unparseable {
    Map<String, Map<String, String>> lsnim =
        Parsers.lsnimLong(Samples.lines("lsnim", "attribute-nfs_vers"));
    Map<String, String> image =
        Map.of(
            "lpp_source", "aix71-compute_lpp_source",
            "spot", "aix71-compute",
            "shared_root", "aix71-compute_shared_root",
            "installp_bundle", "xCATaixCN71");

    assertThat(ImageMeaning.resources(image))
        .containsExactly(
            "aix71-compute_lpp_source",
            "aix71-compute",
            "xCATaixCN71",
            "aix71-compute_shared_root");
    // The spot is still at NFS version 3: the image is not converted.
    assertThat(ImageMeaning.nfsVers(ImageMeaning.resources(image), lsnim)).isEqualTo("3,4");
    assertThat(ImageMeaning.nfsVers(List.of("aix71-compute_lpp_source", "xCATaixCN71"), lsnim))
        .isEqualTo("4");
    assertThat(ImageMeaning.nfsVers(List.of("aix71-compute_paging"), lsnim))
        .isEqualTo(ImageMeaning.UNSET);
  }

  @Test
  void xcatHasNoNfsVersAttributeAndTheSimulatorShowsItOnlyInNim() throws Unparseable {
    SimStore store = SimClusters.store(Scenario.CONVERGED);

    Map<String, Map<String, String>> images =
        Parsers.lsdefLong(Samples.sim(store, "ems01", "lsdef", "-t", "osimage", "-l"));
    Map<String, Map<String, String>> lsnim =
        Parsers.lsnimLong(Samples.sim(store, "ems01", "lsnim", "-a", "nfs_vers"));

    assertThat(images.get("aix71-compute")).doesNotContainKey("nfs_vers");
    assertThat(ImageMeaning.nfsVers(ImageMeaning.resources(images.get("aix71-compute")), lsnim))
        .isEqualTo("4");
  }

  @Test
  void aSpotLeftAtVersion3IsSeenAndMknimimageConvertsIt() {
    SimStore store = SimClusters.store(Scenario.CONVERGED);
    Samples.sim(store, "ems01", "nim", "-o", "change", "-a", "nfs_vers=3", "aix71-compute");
    DesiredState desired = DesiredState.of(SimClusters.example());

    Observed before = ProbeRuns.xdsh(store, desired).resources().get(IMAGE);
    Samples.sim(store, "ems01", "mknimimage", "-u", "aix71-compute", "nfs_vers=4");
    Observed after = ProbeRuns.xdsh(store, desired).resources().get(IMAGE);

    assertThat(((Observed.Present) before).resource().properties())
        .containsEntry("nfs_vers", "3,4");
    assertThat(((Observed.Present) after).resource().properties()).containsEntry("nfs_vers", "4");
  }
}
