package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftCommandTest {
  @TempDir Path dir;

  private Path spec;
  private String target;
  private Path state;

  @BeforeEach
  void aConvergedCluster() throws Exception {
    spec = dir.resolve("cluster.yaml");
    Files.copy(Path.of("examples/cluster.yaml"), spec);
    state = dir.resolve("c.json");
    CliRun.of("sim", "init", spec.toString(), "--out", state.toString(), "--scenario", "converged");
    target = "sim:" + state;
  }

  @Test
  void aClusterThatMatchesItsSpecHasNoDrift() {
    CliRun run = CliRun.of("drift", spec.toString(), "--target", target);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("No drift: the cluster matches " + spec + " (checked ");
  }

  @Test
  void nodesHungByAnSnServingNfsWithoutGpfsAreReportedAsNotResponding() {
    // GPFS down under a running nfsd: the seed's "strange hangs" on the nodes whose primary it is.
    CliRun.of("sim", "fault", state.toString(), "gpfs-down", "sn03");

    CliRun run = CliRun.of("drift", spec.toString(), "--target", target, "--no-color");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out())
        .contains("\n128 nodes not responding: cn[0257-0384]\n")
        .contains("  ! node-health cn[0257-0384]  (128 nodes, ")
        .contains("not responding: xCAT says it runs, and it did not answer xdsh");
  }

  @Test
  void driftIsReportedWithItsPlaceInTheSpecAndNothingIsChanged() {
    CliRun.of("sim", "fault", state.toString(), "nfsd-stop", "sn02");

    CliRun first = CliRun.of("drift", spec.toString(), "--target", target, "--no-color");
    CliRun second = CliRun.of("drift", spec.toString(), "--target", target, "--no-color");

    assertThat(first.exitCode()).isEqualTo(2);
    assertThat(first.out())
        .contains("Drift: the cluster differs from " + spec + " in 129 resources")
        // sn02's nodes kept running through their replica on sn01: that is drift too.
        .contains("\n128 nodes served by another SN than the spec's: cn[0129-0256]\n")
        .contains("sn02\n  ~ service nfsd  (" + spec + ":55:5)\n")
        .contains("state: \"inoperative\" → \"active\"")
        .contains("Nothing was changed.");
    assertThat(second.exitCode()).isEqualTo(2);
    assertThat(second.out()).contains("~ service nfsd");
  }

  @Test
  void aBootedNodeWhoseXcatinfoNamesAnotherServerIsDriftAndApplyFixesIt() {
    Path drifted = dir.resolve("d.json");
    CliRun init =
        CliRun.of(
            "sim",
            "init",
            spec.toString(),
            "--out",
            drifted.toString(),
            "--scenario",
            "converged",
            "--drift",
            "1",
            "--seed",
            "6");
    Matcher m =
        Pattern.compile("drift: (cn\\d+) /etc/xcatinfo points at the EMS").matcher(init.out());
    assertThat(m.find()).as(init.out()).isTrue();
    String node = m.group(1);

    CliRun run = CliRun.of("drift", spec.toString(), "--target", "sim:" + drifted, "--no-color");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out())
        .contains(node + "\n  ~ running-node " + node)
        .contains("xcatserver: \"ems01\" → \"20.10.12.17\"");
    CliRun.of("apply", spec.toString(), "--target", "sim:" + drifted, "--auto-approve");
    assertThat(CliRun.of("drift", spec.toString(), "--target", "sim:" + drifted).exitCode())
        .isZero();
  }

  @Test
  void jsonSaysWhetherTheClusterDriftedAndHow() {
    CliRun.of("sim", "fault", state.toString(), "nfsd-stop", "sn02");

    CliRun run = CliRun.of("drift", spec.toString(), "--target", target, "--format", "json");

    assertThat(run.out())
        .contains("\"drift\" : true")
        .contains("\"host\" : \"sn02\",\n    \"kind\" : \"service\",\n    \"key\" : \"nfsd\"")
        .doesNotContain("\"steps\"");
  }

  @Test
  void prometheusMetricsAreWrittenForTheTextfileCollector() throws Exception {
    CliRun.of("sim", "fault", state.toString(), "nfsd-stop", "sn02");
    Path prom = dir.resolve("hasnctl.prom");

    CliRun.of("drift", spec.toString(), "--target", target, "--prometheus", prom.toString());

    String labels = "{spec=\"" + spec + "\"";
    assertThat(Files.readString(prom))
        .contains("hasnctl_drift_success" + labels + "} 1\n")
        .contains("hasnctl_drift_detected" + labels + "} 1\n")
        .contains("hasnctl_drift_changes" + labels + ",action=\"update\"} 1\n")
        .contains("hasnctl_drift_changes" + labels + ",action=\"create\"} 0\n")
        .contains("hasnctl_drift_resources" + labels + ",host=\"sn02\",kind=\"service\"} 1\n")
        .contains("# TYPE hasnctl_drift_last_run_timestamp_seconds gauge\n");
    assertThat(dir.resolve("hasnctl.prom.tmp")).doesNotExist();
  }

  @Test
  void aCheckThatCannotRunSaysSoInItsMetricsAndExitsOne() throws Exception {
    Files.writeString(spec, "version: 1\nname: broken\n");
    Path prom = dir.resolve("hasnctl.prom");

    CliRun run =
        CliRun.of("drift", spec.toString(), "--target", target, "--prometheus", prom.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("invalid; nothing was probed or changed");
    assertThat(Files.readString(prom)).contains("hasnctl_drift_success{spec=\"" + spec + "\"} 0\n");
  }

  @Test
  void everyChecksAgainUntilCountAndExitsWithTheLastResult() {
    CliRun run =
        CliRun.of("drift", spec.toString(), "--target", target, "--every", "1s", "--count", "2");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().split("No drift: ", -1)).hasSize(3);
  }

  @Test
  void badIntervalsAreRefused() {
    assertThat(CliRun.of("drift", spec.toString(), "--every", "15x").err())
        .contains("'15x' is not an interval such as 30s, 15m, 1h or 1h30m");
    assertThat(CliRun.of("drift", spec.toString(), "--every", "0s").err())
        .contains("--every must be at least 1s");
    assertThat(CliRun.of("drift", spec.toString(), "--count", "2").err())
        .contains("--count needs --every");
    assertThat(DriftCommand.interval("1h30m")).hasMinutes(90);
  }
}
