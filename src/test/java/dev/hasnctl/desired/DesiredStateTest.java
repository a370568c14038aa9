package dev.hasnctl.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.SpecFixtures;
import org.junit.jupiter.api.Test;

class DesiredStateTest {
  private static final ClusterSpec EXAMPLE =
      SpecFixtures.load(SpecFixtures.example()).spec().orElseThrow();

  private static Resource get(DesiredState state, String host, ResourceKind kind, String key) {
    return state
        .get(new ResourceId(HostName.of(host), kind, key))
        .orElseThrow(() -> new AssertionError("no desired " + host + " " + kind + " " + key));
  }

  @Test
  void exportsNameThisSnFirstThenItsPartner() {
    DesiredState state = DesiredState.of(EXAMPLE);
    assertThat(get(state, "sn01", ResourceKind.EXPORT, "/install").properties().get("line"))
        .isEqualTo(
            "/install -replicas=/install@20.10.12.1:/install@20.10.12.17,vers=4,rw,noauto,root=*");
    assertThat(get(state, "sn02", ResourceKind.EXPORT, "/install").properties().get("line"))
        .isEqualTo(
            "/install -replicas=/install@20.10.12.17:/install@20.10.12.1,vers=4,rw,noauto,root=*");
  }

  @Test
  void nodesPointAtTheirActiveSnFirst() {
    DesiredState state = DesiredState.of(EXAMPLE);
    Resource node = get(state, "ems01", ResourceKind.NODE, "cn0001");
    assertThat(node.properties())
        .containsEntry("servicenode", "sn01,sn02")
        .containsEntry("xcatmaster", "sn01-hfi")
        .containsEntry("groups", "sn01group,compute,all")
        .containsEntry("provmethod", "aix71-compute")
        .containsEntry("postscripts", "setupnfsv4replication,conslog,nfsv4mkps");
    assertThat(node.origin()).isEqualTo("/groups/0");
  }

  @Test
  void failedOverGroupSwapsServicenodeAndXcatmaster() {
    String yaml = SpecFixtures.example().replace("    active: primary\n", "    active: backup\n");
    ClusterSpec spec = SpecFixtures.load(yaml).spec().orElseThrow();
    Resource node = get(DesiredState.of(spec), "ems01", ResourceKind.NODE, "cn0001");
    assertThat(node.properties())
        .containsEntry("servicenode", "sn02,sn01")
        .containsEntry("xcatmaster", "sn02-hfi");
  }

  @Test
  void everyNodeIsDefinedOnBothSnsOfItsPair() {
    DesiredState state = DesiredState.of(EXAMPLE);
    assertThat(get(state, "sn02", ResourceKind.DISKLESS_NODE, "cn0001").properties())
        .containsExactlyEntriesOf(java.util.Map.of("image", "aix71-compute"));
    assertThat(get(state, "sn01", ResourceKind.DISKLESS_NODE, "cn0001").origin())
        .isEqualTo("/groups/0/primary");
    long diskless =
        state.list().stream().filter(r -> r.id().kind() == ResourceKind.DISKLESS_NODE).count();
    assertThat(diskless).isEqualTo(2 * 512);
  }

  @Test
  void gpfsStartsBeforeNfsAndNfsStopsFirst() {
    DesiredState state = DesiredState.of(EXAMPLE);
    assertThat(get(state, "sn03", ResourceKind.INITTAB_ORDER, "/etc/inittab").properties())
        .containsEntry("order", "mmfs,rcnfs,xcatd");
    assertThat(get(state, "sn03", ResourceKind.SHUTDOWN_ORDER, "/etc/rc.shutdown").properties())
        .containsEntry("lines", "stopsrc -s nfsd\nexit 0");
  }

  @Test
  void pagingFilesLiveOutsideNimsPagingDirectoryWithFailoverFlags() {
    DesiredState state = DesiredState.of(EXAMPLE);
    assertThat(
            get(state, "sn01", ResourceKind.PAGING_FILE, "/install/paging/cn0001/swapnfs1")
                .properties())
        .containsEntry("sizeMiB", "65536");
    String script =
        get(state, "ems01", ResourceKind.FILE, "/install/postscripts/nfsv4mkps")
            .properties()
            .get("content");
    assertThat(script)
        .contains("mkps -t nfs $MASTER /install/paging/`hostname -s`/swapnfs1:fur")
        .contains("swapon /dev/swapnfs2")
        .endsWith("swapoff /dev/swapnfs0\nrmps swapnfs0\n");
  }

  @Test
  void softwareIsCheckedNeverManaged() {
    DesiredState state = DesiredState.of(EXAMPLE);
    Resource ifix = get(state, "sn04", ResourceKind.SOFTWARE, "ifix:IV27038");
    assertThat(ifix.checkOnly()).isTrue();
    assertThat(get(state, "sn04", ResourceKind.EXPORT, "/install").checkOnly()).isFalse();
  }

  @Test
  void siteAndDomainFilesFollowTheSpec() {
    DesiredState state = DesiredState.of(EXAMPLE);
    assertThat(get(state, "ems01", ResourceKind.SITE_ATTRIBUTE, "nameservers").properties())
        .containsEntry("value", "");
    assertThat(get(state, "sn02", ResourceKind.FILE, "/etc/nfs/local_domain").properties())
        .containsEntry("content", "p7hpc.example.com\n");
    assertThat(
            get(
                    state,
                    "ems01",
                    ResourceKind.NFS_TUNABLES,
                    "/install/postscripts/setupnfsv4replication")
                .properties())
        .containsEntry("NFSRETRIES", "3")
        .containsEntry("NFSTIMEO", "1");
  }

  @Test
  void expansionIsDeterministicAndConflictFree() {
    DesiredState first = DesiredState.of(EXAMPLE);
    assertThat(DesiredState.of(EXAMPLE)).isEqualTo(first);
    assertThat(first.conflicts()).isEmpty();
    assertThat(first.list()).isSortedAccordingTo((a, b) -> a.id().compareTo(b.id()));
  }

  @Test
  void twoGroupsAskingDifferentPagingScriptsConflict() {
    String yaml = SpecFixtures.example().replaceFirst("activation: fur ", "activation: wam ");
    ClusterSpec spec = SpecFixtures.load(yaml).spec().orElseThrow();
    assertThat(DesiredState.of(spec).conflicts()).isEmpty();
    String split =
        SpecFixtures.example()
            .replace(
                "    paging: *paging\n    postscripts: [conslog]\n  - name: sn04group",
                "    paging: {files: [{name: swapnfs1, size: 8G}]}\n    postscripts: [conslog]\n  - name: sn04group");
    ClusterSpec conflicting = SpecFixtures.load(split).spec().orElseThrow();
    assertThat(DesiredState.of(conflicting).conflicts())
        .singleElement()
        .asString()
        .contains("/install/postscripts/nfsv4mkps");
  }
}
