package dev.hasnctl.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hasnctl.model.NodeHealth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parsers of what a running node prints about its servers, in every documented layout. */
class NodeHealthParsersTest {
  private static final Map<String, String> SNS =
      Map.of("20.10.12.1", "sn01", "20.10.12.17", "sn02");

  private static Optional<String> sn(String address) {
    return Optional.ofNullable(SNS.get(address));
  }

  @Test
  void showfsWithAPathGivesTheCurrentServerAndItsReplicas() {
    // Layout of the xCAT wiki's "HA NFS on AIX service nodes" sample, this cluster's addresses.
    List<Showfs.Mount> mounts =
        Showfs.parse(
            List.of(
                "Server      Remote Path          fsid                 Local Path",
                "--------    -----------          ----                 ----------",
                "20.10.12.1  /install/nim/spot/aix71-compute/usr 0:42949672973 /usr",
                "Current Server: 20.10.12.1:/install/nim/spot/aix71-compute/usr",
                "Replica Server: 20.10.12.17:/install/nim/spot/aix71-compute/usr",
                "options : hard,intr,timeo=1,retrans=3"));

    assertThat(mounts)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.localPath()).isEqualTo("/usr");
              assertThat(m.current()).isEqualTo("20.10.12.1");
              assertThat(m.replicas()).containsExactly("20.10.12.17");
            });
  }

  @Test
  void replicaLinesThatAlsoListTheCurrentServerGiveTheSameReplicas() {
    List<Showfs.Mount> mounts =
        Showfs.parse(
            List.of(
                "20.10.12.17 /install 0:42949672973 /usr",
                "Current Server: 20.10.12.17:/install",
                "Replica Server: 20.10.12.1:/install",
                "Replica Server: 20.10.12.17:/install"));

    assertThat(mounts.get(0).current()).isEqualTo("20.10.12.17");
    assertThat(mounts.get(0).replicas()).containsExactly("20.10.12.1");
  }

  @Test
  void showfsWithoutAPathGivesEachMountsServerAndNoReplica() {
    Map<String, List<Showfs.Mount>> byNode =
        Showfs.parseXdsh(
            """
            cn0001: Server      Remote Path          fsid                 Local Path
            cn0001: --------    -----------          ----                 ----------
            cn0001: 20.10.12.1  /install/nim/shared_root/img 0:42949672961 /
            cn0001: 20.10.12.17 /install/nim/spot/img/usr 0:42949672962 /usr
            cn0002: 20.10.12.1  /install/nim/spot/img/usr 0:42949672962 /usr
            """);

    assertThat(byNode.get("cn0001"))
        .extracting(Showfs.Mount::current)
        .containsExactly("20.10.12.1", "20.10.12.17");
    assertThat(byNode.get("cn0001")).allSatisfy(m -> assertThat(m.detailed()).isFalse());
    assertThat(byNode).containsOnlyKeys("cn0001", "cn0002");
  }

  @Test
  void xdshTimeoutNodesAreReadInThe27AndThe213Forms() {
    List<String> old =
        List.of(
            "Error:  Timed out waiting for response from child processes for the following"
                + " nodes. Terminating the child processes. ",
            "Error:  cn0257 cn0258");
    List<String> current =
        List.of(
            "Error: [ems01]:  Timed out waiting for response from child processes for the"
                + " following nodes. Terminating the child processes. ",
            "Error: [ems01]:  cn0300");

    assertThat(XdshTimeout.nodes(old)).containsExactly("cn0257", "cn0258");
    assertThat(XdshTimeout.nodes(current)).containsExactly("cn0300");
    assertThat(XdshTimeout.nodes(List.of("cn0001: fine"))).isEmpty();
  }

  @Test
  void lspsColonFormatSaysWhetherSwapnfs0Pages() throws Exception {
    String header = "#Psname:Pvname:Vgname:Size:Used:Active:Auto:Type:Chksum";

    assertThat(
            NodeHealthReader.swapnfs0(
                List.of(
                    header, "swapnfs0:sn01-hfi:/install/nim/paging/p/cn1/swapnfs0:16:1:y:y:nfs:0")))
        .isEqualTo("active");
    assertThat(
            NodeHealthReader.swapnfs0(
                List.of(header, "swapnfs1:sn01-hfi:/install/paging/cn1/swapnfs1:2048:1:y:n:nfs:0")))
        .isEqualTo("inactive");
    assertThatThrownBy(() -> NodeHealthReader.swapnfs0(List.of("swapnfs0 sn01 /x 512MB 1 yes")))
        .hasMessageContaining("lsps -c -a");
  }

  @Test
  void aRemoteDumpDeviceNamesItsSnAndALocalOneNone() throws Exception {
    assertThat(
            NodeHealthReader.dump(
                List.of(
                    "primary              20.10.12.17:/export/nim/dump/cn1",
                    "secondary            /dev/sysdumpnull"),
                NodeHealthParsersTest::sn))
        .isEqualTo("sn02");
    assertThat(
            NodeHealthReader.dump(
                List.of("primary              /dev/sysdumpnull"), NodeHealthParsersTest::sn))
        .isEqualTo(NodeHealth.NONE);
    assertThatThrownBy(() -> NodeHealthReader.dump(List.of("nothing"), NodeHealthParsersTest::sn))
        .hasMessageContaining("no primary line");
  }
}
