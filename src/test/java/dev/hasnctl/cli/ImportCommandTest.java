package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hasnctl import}: the round trips of issue 17, through the whole command line. */
class ImportCommandTest {
  @TempDir Path dir;

  private String simulate(String scenario, String... more) {
    Path state = dir.resolve(scenario + ".json");
    String[] args = new String[6 + more.length];
    System.arraycopy(
        new String[] {
          "sim", "init", "examples/cluster.yaml", "--out", state.toString(), "--scenario"
        },
        0,
        args,
        0,
        6);
    CliRun init =
        CliRun.of(
            concat(
                new String[] {
                  "sim",
                  "init",
                  "examples/cluster.yaml",
                  "--out",
                  state.toString(),
                  "--scenario",
                  scenario
                },
                more));
    assertThat(init.exitCode()).as(init.err()).isZero();
    return "sim:" + state;
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static ClusterSpec load(Path file) throws Exception {
    SpecLoader.Result loaded = SpecLoader.load(Files.readAllBytes(file), file.toString());
    assertThat(loaded.errors()).as(Files.readString(file)).isEmpty();
    return loaded.spec().orElseThrow();
  }

  @Test
  void convergedClusterImportsIntoASpecThatValidatesAndPlansNoChanges() throws Exception {
    String target = simulate("converged");
    Path imported = dir.resolve("imported.yaml");

    CliRun run = CliRun.of("import", "--target", target, "--out", imported.toString());
    CliRun validate = CliRun.of("validate", imported.toString());
    CliRun plan =
        CliRun.of("plan", imported.toString(), "--target", target, "--detailed-exitcode");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("disagree");
    assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
    assertThat(plan.exitCode()).as(plan.out() + Files.readString(imported)).isZero();
    assertThat(plan.out()).isEqualTo("No changes. The cluster matches " + imported + ".\n");
  }

  @Test
  void convergedImportDescribesTheSameDesiredStateAsTheExample() throws Exception {
    String target = simulate("converged");
    Path imported = dir.resolve("imported.yaml");

    CliRun.of("import", "--target", target, "--out", imported.toString());

    assertThat(DesiredState.of(load(imported)).resources())
        .isEqualTo(DesiredState.of(load(Path.of("examples/cluster.yaml"))).resources());
  }
}
