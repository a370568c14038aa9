package dev.hasnctl.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.HostName;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecEditTest {
  private static final Path EXAMPLE = Path.of("examples/cluster.yaml");

  private static SpecLoader.Result load(String text) {
    return SpecLoader.load(text.getBytes(StandardCharsets.UTF_8), "cluster.yaml");
  }

  private static SpecEdit.Result move(String text, String sn) {
    SpecLoader.Result loaded = load(text);
    return SpecEdit.moveAwayFrom(
        text, loaded.spec().orElseThrow(), loaded.sourceMap(), HostName.of(sn));
  }

  private static List<String> removed(String before, String after) {
    List<String> lines = new java.util.ArrayList<>(before.lines().toList());
    after.lines().forEach(lines::remove);
    return lines;
  }

  @Test
  void aGroupWithoutActiveGetsOneLineAfterItsBackupAndNothingElseChanges() throws Exception {
    String before = Files.readString(EXAMPLE);

    SpecEdit.Result result = move(before, "sn03");

    assertThat(result.groups()).containsExactly("sn03group");
    assertThat(result.text())
        .contains("    backup: sn04\n    active: backup\n    image: aix71-compute\n");
    assertThat(result.text().lines().count()).isEqualTo(before.lines().count() + 1);
    assertThat(removed(before, result.text())).isEmpty();
    ComputeGroup moved = load(result.text()).spec().orElseThrow().groups().get(2);
    assertThat(moved.activeServiceNode()).isEqualTo(HostName.of("sn04"));
  }

  @Test
  void anExistingActiveValueIsReplacedInPlaceKeepingItsLine() throws Exception {
    String before = Files.readString(EXAMPLE);

    SpecEdit.Result result = move(before, "sn01");

    assertThat(result.groups()).containsExactly("sn01group");
    assertThat(removed(before, result.text())).containsExactly("    active: primary");
    assertThat(result.text()).contains("    active: backup\n");
    assertThat(load(result.text()).valid()).isTrue();
  }

  @Test
  void failingBackRestoresTheOriginalServingSn() throws Exception {
    String before = Files.readString(EXAMPLE);
    String failedOver = move(before, "sn03").text();

    SpecLoader.Result loadedOver = load(failedOver);

    SpecEdit.Result back =
        SpecEdit.moveBackTo(
            failedOver,
            loadedOver.spec().orElseThrow(),
            loadedOver.sourceMap(),
            HostName.of("sn03"));

    assertThat(back.groups()).containsExactly("sn03group");
    assertThat(removed(failedOver, back.text())).containsExactly("    active: backup");
    SpecLoader.Result loaded = load(back.text());
    assertThat(loaded.spec().orElseThrow().groups().get(2).activeServiceNode())
        .isEqualTo(HostName.of("sn03"));
    assertThat(loaded.spec().orElseThrow().groups().get(3).activeServiceNode())
        .isEqualTo(HostName.of("sn04"));
  }

  @Test
  void anSnThatServesNothingChangesNothing() throws Exception {
    String before = Files.readString(EXAMPLE);
    String moved = move(before, "sn01").text();

    assertThat(move(moved, "sn01").groups()).isEmpty();
    assertThat(move(moved, "sn01").text()).isEqualTo(moved);
  }
}
