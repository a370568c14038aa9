package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.PlanJson;
import dev.hasnctl.plan.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change to a postscript made on the EMS reaches the SNs' shared /install in the same plan, the
 * seed's way ({@code xdcp <one SN>}), and is verified there: the nodes run their postscripts from
 * the SN that serves them.
 */
class SharedPostscriptsTest {
  private static final String SCRIPT = "/install/postscripts/setupnfsv4replication";
  private static final List<String> SNS = List.of("sn01", "sn02", "sn03", "sn04");

  @TempDir Path dir;

  private Path spec;
  private Path state;

  @BeforeEach
  void convergedClusterAndASpecWithOtherTunables() throws Exception {
    state = dir.resolve("c.json");
    CliRun init =
        CliRun.of(
            "sim",
            "init",
            "examples/cluster.yaml",
            "--out",
            state.toString(),
            "--scenario",
            "converged");
    assertThat(init.exitCode()).as(init.err()).isZero();
    spec = dir.resolve("cluster.yaml");
    String example = Files.readString(Path.of("examples/cluster.yaml"));
    assertThat(example).contains("  retries: 3\n");
    Files.writeString(spec, example.replace("  retries: 3\n", "  retries: 5\n"));
  }

  private String onSn(String sn, String command) {
    CliRun run = CliRun.of("sim", "exec", state.toString(), sn, "--", command);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run.out();
  }

  @Test
  void eachSnCopyIsPlannedAfterTheEmsEditWithXdcpAndKeepsThePreviousFile() throws Exception {
    Path saved = dir.resolve("plan.json");
    CliRun plan =
        CliRun.of("plan", spec.toString(), "--target", "sim:" + state, "--out", saved.toString());
    List<String> ids =
        PlanJson.read(Files.readString(saved)).steps().stream().map(Step::id).toList();
    Plan p = PlanJson.read(Files.readString(saved));

    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("~ nfs-tunables " + SCRIPT);
    for (String sn : SNS) {
      Step copy =
          p.steps().stream()
              .filter(s -> s.id().equals(sn + "/shared" + SCRIPT))
              .findFirst()
              .orElseThrow();
      assertThat(copy.host().value()).isEqualTo("ems01");
      assertThat(copy.lane().value()).isEqualTo(sn);
      assertThat(copy.command().toShell())
          .contains("xdcp " + sn + " " + SCRIPT + " " + SCRIPT + ".hasnctl.new")
          .contains("cp -p " + SCRIPT + " " + SCRIPT + ".hasnctl.");
      assertThat(ids.indexOf(copy.id())).isGreaterThan(ids.indexOf("ems01/tunables"));
    }
  }

  @Test
  void applyReachesEverySnThroughTheSharedInstallAndTheNextPlanIsEmpty() {
    String before = onSn("sn03", "cat " + SCRIPT);

    CliRun apply =
        CliRun.of("apply", spec.toString(), "--target", "sim:" + state, "--auto-approve");
    CliRun again = CliRun.of("plan", spec.toString(), "--target", "sim:" + state);

    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(before).contains("$::NFSRETRIES = 3;");
    for (String sn : SNS) {
      assertThat(onSn(sn, "cat " + SCRIPT)).contains("$::NFSRETRIES = 5;");
    }
    String listing = onSn("sn04", "ls /install/postscripts");
    String kept =
        listing
            .lines()
            .filter(l -> l.startsWith("setupnfsv4replication.hasnctl."))
            .findFirst()
            .orElseThrow();
    assertThat(onSn("sn04", "cat /install/postscripts/" + kept)).isEqualTo(before);
    assertThat(again.out()).startsWith("No changes.");
  }
}
