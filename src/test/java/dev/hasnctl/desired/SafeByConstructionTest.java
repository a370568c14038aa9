package dev.hasnctl.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.SpecFixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a valid spec makes hasnctl do, whatever the admin left out of it. */
class SafeByConstructionTest {
  private static final String DB2_EXPORT =
      """
        db2Export:
          path: /mntdb2         # the DB2 source directory (never / or a system directory)
      """;

  private static DesiredState desired(String yaml) {
    ClusterSpec spec = SpecFixtures.load(yaml).spec().orElseThrow();
    return DesiredState.of(spec);
  }

  private static Optional<Resource> get(
      DesiredState state, String host, ResourceKind kind, String key) {
    return state.get(new ResourceId(HostName.of(host), kind, key));
  }

  @Test
  void everyGroupRunsTheConsoleRedirectEvenWhenItsOwnPostscriptsLeaveItOut() {
    String yaml = SpecFixtures.example().replace("    postscripts: [conslog]\n", "");

    DesiredState state = desired(yaml);

    for (String node : List.of("cn0001", "cn0129", "cn0257", "cn0385")) {
      assertThat(get(state, "ems01", ResourceKind.NODE, node).orElseThrow().properties())
          .extractingByKey("postscripts")
          .asString()
          .contains("conslog");
    }
  }

  @Test
  void theNfsv4DomainIsWrittenOnlyToAixsOwnFile() {
    DesiredState state = desired(SpecFixtures.example());

    assertThat(state.list())
        .filteredOn(r -> r.id().kind() == ResourceKind.FILE && r.id().key().startsWith("/etc/"))
        .extracting(r -> r.id().key())
        .containsOnly("/etc/nfs/local_domain");
  }

  @Test
  void aDb2DatabaseKeepsTheSeedsExportOfTheDb2DirectoryEvenWithoutADb2ExportBlock() {
    String yaml = SpecFixtures.example().replace(DB2_EXPORT, "");

    DesiredState state = desired(yaml);

    assertThat(get(state, "ems01", ResourceKind.EXPORT, "/mntdb2").orElseThrow().properties())
        .containsEntry("line", "/mntdb2 -vers=4,sec=sys:krb5p:krb5i:krb5:dh,rw");
  }

  @Test
  void anotherDatabaseExportsNothingFromTheEms() {
    String yaml =
        SpecFixtures.example()
            .replace("  database: db2 ", "  database: sqlite ")
            .replace(DB2_EXPORT, "");

    DesiredState state = desired(yaml);

    assertThat(state.list())
        .filteredOn(r -> r.id().kind() == ResourceKind.EXPORT)
        .extracting(r -> r.id().host().value())
        .doesNotContain("ems01");
  }
}
