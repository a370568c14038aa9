package dev.hasnctl.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The TEAL node's client files, as the seed writes them, from the spec alone. */
class TealResourcesTest {
  private static List<Resource> teal(String example) {
    SpecLoader.Result loaded =
        SpecLoader.load(example.getBytes(java.nio.charset.StandardCharsets.UTF_8), "cluster.yaml");
    assertThat(loaded.errors()).isEmpty();
    ClusterSpec spec = loaded.spec().orElseThrow();
    return DesiredState.of(spec).list().stream()
        .filter(r -> r.id().kind() == ResourceKind.DB2_CLIENT_FILE)
        .toList();
  }

  private static String example() throws Exception {
    return Files.readString(Path.of("examples/cluster.yaml"));
  }

  @Test
  void theExampleAsksForTheSeedsSevenFilesOnTheEmsAndElevenInTheSpot() throws Exception {
    List<Resource> files = teal(example());

    assertThat(files)
        .hasSize(18)
        .allSatisfy(r -> assertThat(r.id().host().value()).isEqualTo("ems01"));
    assertThat(files.stream().filter(r -> r.id().key().startsWith("/db2client/"))).hasSize(7);
    assertThat(
            files.stream()
                .filter(
                    r ->
                        r.id()
                            .key()
                            .startsWith("/install/nim/spot/aix71-teal/usr/lpp/bos/inst_root/")))
        .hasSize(11);
    assertThat(files)
        .filteredOn(r -> r.id().key().endsWith("/inst_root/etc/xcat/cfgloc"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.properties().get("content"))
                  .isEqualTo("DB2:xcatdb|xcatdb|(sensitive)\n");
              assertThat(r.properties()).containsEntry("mode", "600");
            });
    assertThat(files)
        .filteredOn(r -> r.id().key().endsWith("db2cli.ini"))
        .hasSize(7)
        .allSatisfy(
            r -> {
              assertThat(r.properties()).containsEntry("mode", "600");
              assertThat(r.properties().get("content")).contains("pwd=(sensitive)\n");
            });
    assertThat(files)
        .filteredOn(r -> r.id().key().equals("/db2client/dsdriver/cfg/db2dsdriver.cfg"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.properties().get("content"))
                    .contains(
                        "<dsn alias=\"xcatdb\" name=\"xcatdb\" host=\"ems01.p7hpc.example.com\""
                            + " port=\"50001\"/>"));
  }

  private static List<String> forwarding(String gateway) throws Exception {
    String spec =
        example()
            .replace(
                "    nameservers: \"\"       # empty here too\n",
                "    nameservers: \"\"\n"
                    + (gateway.isEmpty() ? "" : "    gateway: " + gateway + "\n"));
    SpecLoader.Result loaded =
        SpecLoader.load(spec.getBytes(java.nio.charset.StandardCharsets.UTF_8), "cluster.yaml");
    assertThat(loaded.errors()).isEmpty();
    return DesiredState.of(loaded.spec().orElseThrow()).list().stream()
        .filter(r -> r.id().kind() == ResourceKind.NETWORK_OPTION)
        .map(r -> r.id() + "=" + r.properties().get("value"))
        .toList();
  }

  @Test
  void ipForwardingIsOnTheSnsTheNetworksGatewayNames() throws Exception {
    assertThat(forwarding("20.10.12.17")).containsExactly("sn02 no ipforwarding=1");
    assertThat(forwarding("<xcatmaster>"))
        .containsExactly(
            "sn01 no ipforwarding=1",
            "sn02 no ipforwarding=1",
            "sn03 no ipforwarding=1",
            "sn04 no ipforwarding=1");
    // A router that is not an SN, or no gateway: the node reaches the EMS on its own interface.
    assertThat(forwarding("20.10.0.254")).isEmpty();
    assertThat(forwarding("")).isEmpty();
  }

  @Test
  void aClientDirectoryOfItsOwnMovesEveryFileAndTheDriverPath() throws Exception {
    List<Resource> files =
        teal(example().replace("  user: xcatdb\n", "  clientDir: /opt2/db2\n  user: xcatdb\n"));

    assertThat(files).noneSatisfy(r -> assertThat(r.id().key()).contains("/db2client"));
    assertThat(files)
        .filteredOn(r -> r.id().key().equals("/opt2/db2/odbcinst.ini"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.properties().get("content"))
                    .contains(
                        "Driver   = /opt2/db2/dsdriver/odbc_cli_driver/aix32/clidriver/lib/libdb2.so"));
  }

  @Test
  void theUtilityNodeIsCheckedToConnectToTheSpecsDatabase() throws Exception {
    ClusterSpec spec =
        SpecLoader.load(example().getBytes(java.nio.charset.StandardCharsets.UTF_8), "c.yaml")
            .spec()
            .orElseThrow();

    assertThat(DesiredState.of(spec).list())
        .filteredOn(r -> r.id().kind() == ResourceKind.DB2_CONNECTION)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.id().host().value()).isEqualTo("util01");
              assertThat(r.id().key()).isEqualTo("xcatdb");
              assertThat(r.checkOnly()).isTrue();
              assertThat(r.properties()).containsExactly(java.util.Map.entry("isql", "connected"));
            });
  }

  @Test
  void theUtilityNodeNeedsTheSeedsFilesetLevels() throws Exception {
    ClusterSpec spec =
        SpecLoader.load(example().getBytes(java.nio.charset.StandardCharsets.UTF_8), "c.yaml")
            .spec()
            .orElseThrow();

    assertThat(DesiredState.of(spec).list())
        .filteredOn(r -> r.id().kind() == ResourceKind.SOFTWARE)
        .filteredOn(r -> r.id().host().value().equals("util01"))
        .extracting(r -> r.id().key() + " " + r.properties() + " " + r.checkOnly())
        .containsExactly(
            "fileset:gpfs.base {minimum=3.4.0.13} true",
            "fileset:rsct.core.sensorrm {minimum=3.1.2.0} true",
            "fileset:teal.gpfs-sn {installed=yes} true");
  }
}
