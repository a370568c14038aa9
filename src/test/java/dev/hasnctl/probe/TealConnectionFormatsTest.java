package dev.hasnctl.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The TEAL node's isql and lslpp output, in the layouts unixODBC's exe/isql.c and AIX's lslpp print
 * (docs/formats.md), read as the checks plan and drift show.
 */
class TealConnectionFormatsTest {
  private static final ResourceId CHECK =
      new ResourceId(HostName.of("util01"), ResourceKind.DB2_CONNECTION, "xcatdb");
  private static final Resource WANT =
      Resource.checked(CHECK, Map.of("isql", "connected"), "/teal/node");

  private static Sections section(String name, List<String> lines, boolean failed) {
    List<String> all = new ArrayList<>();
    all.add(Sections.MARK + name);
    all.addAll(lines);
    if (failed) {
      all.add(Sections.FAILED);
    }
    return Sections.parse(all);
  }

  private static String isql(Observed seen) {
    return ((Observed.Present) seen).resource().properties().get("isql");
  }

  @Test
  void theConnectedBoxIsAConnection() throws Exception {
    List<String> box =
        List.of(
            "+---------------------------------------+",
            "| Connected!                            |",
            "|                                       |",
            "| sql-statement                         |",
            "| help [tablename]                      |",
            "| quit                                  |",
            "|                                       |",
            "+---------------------------------------+",
            "SQL> ");

    assertThat(isql(TealConnection.observe(WANT, section("isql:xcatdb", box, false))))
        .isEqualTo("connected");
  }

  @Test
  void aRefusedConnectionKeepsOnlyTheDiagnosticsInWhateverOrderTheyCame() throws Exception {
    // Standard error is unbuffered, standard output a flushed-at-exit pipe under xdsh.
    List<String> said =
        List.of(
            "[ISQL]ERROR: Could not SQLConnect",
            "some banner the node printed",
            "[08001][IBM][CLI Driver] SQL30082N  Security processing failed with reason \"24\""
                + " (\"USERNAME AND/OR PASSWORD INVALID\").  SQLSTATE=08001");

    String seen = isql(TealConnection.observe(WANT, section("isql:xcatdb", said, true)));

    assertThat(seen)
        .isEqualTo(
            "[ISQL]ERROR: Could not SQLConnect\n[08001][IBM][CLI Driver] SQL30082N  Security"
                + " processing failed with reason \"24\" (\"USERNAME AND/OR PASSWORD INVALID\")."
                + "  SQLSTATE=08001");
  }

  @Test
  void aNodeWithoutIsqlSaysSoInItsShellsWords() throws Exception {
    List<String> said = List.of("ksh: /usr/local/bin/isql:  not found.");

    assertThat(isql(TealConnection.observe(WANT, section("isql:xcatdb", said, true))))
        .isEqualTo("ksh: /usr/local/bin/isql:  not found.");
  }

  @Test
  void aPasswordANodePrintsIsNeverKept() {
    Secret secret = new Secret("env:X", "hunter2-pw".getBytes(StandardCharsets.UTF_8));
    TealReader reader = new TealReader(Optional.of(secret), "k");
    Observed printed =
        new Observed.Present(
            Resource.checked(CHECK, Map.of("isql", "[28000]pwd=hunter2-pw rejected"), ""));

    Map<ResourceId, Observed> kept = reader.redact(Map.of(CHECK, printed));

    assertThat(isql(kept.get(CHECK))).isEqualTo("[28000]pwd=(sensitive) rejected");
  }

  @Test
  void filesetLevelsAreComparedWithTheMinimumAndMissingOnesSaySo() throws Exception {
    ResourceId id =
        new ResourceId(HostName.of("util01"), ResourceKind.SOFTWARE, "fileset:gpfs.base");
    Resource want = Resource.checked(id, Map.of("minimum", "3.4.0.13"), "/teal/image");
    String header = "#Package Name:Fileset:Level:State:PTF Id:Fix State:Type:Description:";

    Observed newer =
        Filesets.observe(
            want,
            "gpfs.base",
            List.of(header, "gpfs:gpfs.base:3.4.0.21: : :C:F:GPFS File Manager"));
    Observed older =
        Filesets.observe(
            want, "gpfs.base", List.of(header, "gpfs:gpfs.base:3.4.0.9: : :C:F:GPFS File Manager"));
    Observed missing =
        Filesets.observe(
            want, "gpfs.base", List.of("lslpp: 0504-132  Fileset gpfs.base not installed."));

    assertThat(((Observed.Present) newer).resource().properties())
        .containsExactly(Map.entry("minimum", "3.4.0.13"));
    assertThat(((Observed.Present) older).resource().properties())
        .containsExactly(Map.entry("minimum", "3.4.0.9"));
    assertThat(((Observed.Present) missing).resource().properties())
        .containsExactly(Map.entry("minimum", "not installed"));
  }
}
