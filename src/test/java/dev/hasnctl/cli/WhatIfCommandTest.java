package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhatIfCommandTest {
  @TempDir Path dir;

  private Path spec;

  @BeforeEach
  void copyTheExample() throws Exception {
    spec = dir.resolve("cluster.yaml");
    Files.copy(Path.of("examples/cluster.yaml"), spec);
  }

  private String sim(String scenario) {
    Path state = dir.resolve(scenario + ".json");
    CliRun.of("sim", "init", spec.toString(), "--out", state.toString(), "--scenario", scenario);
    return "sim:" + state;
  }

  @Test
  void nodesThatDoNotAnswerAreFindingsNotSilentlySkipped() {
    String target = sim("converged");
    CliRun.of("sim", "fault", target.substring(4), "gpfs-down", "sn03");

    CliRun run = CliRun.of("whatif", "sn03", spec.toString(), "--target", target);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).contains("128 nodes not responding: cn[0257-0384]");
  }

  @Test
  void onAConvergedClusterEveryGroupKeepsNfsAndLosesOnlyWhatFailoverMoves() {
    CliRun run = CliRun.of("whatif", "--all", spec.toString(), "--target", sim("converged"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "If sn03 dies now:\n  sn03group cn[0257-0384] (128 nodes): keep NFS through sn04\n")
        .contains(
            "lose until hasnctl failover sn03: dump device (it never fails over), syslog forwarding")
        .endsWith("No single point of failure found.\n");
  }

  @Test
  void onALegacyClusterTheMissingReplicasAreSinglePointsOfFailure() {
    CliRun run = CliRun.of("whatif", "sn01", spec.toString(), "--target", sim("legacy"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out())
        .contains("HANG: no working replica on sn02")
        .contains("no /install export with replicas= on sn02")
        .contains("image aix71-compute still has resolv_conf");
  }

  @Test
  void jsonSaysTheSameForMachines() {
    CliRun run =
        CliRun.of(
            "whatif", "sn02", spec.toString(), "--target", sim("converged"), "--format", "json");

    assertThat(run.out())
        .contains("\"sn\" : \"sn02\"")
        .contains("\"keepsNfs\" : true")
        .contains("\"failsOverTo\" : \"sn01\"");
  }

  @Test
  void aGroupWithoutPagingIsASinglePointOfFailureAsValidateWarns() throws Exception {
    Files.writeString(
        spec,
        Files.readString(spec)
            .replace(
                "    paging: *paging\n    postscripts: [conslog]\n  - name: sn04group",
                "    postscripts: [conslog]\n  - name: sn04group"));

    CliRun run = CliRun.of("whatif", "sn03", spec.toString(), "--target", sim("converged"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out())
        .contains("no paging in the spec: NIM's swapnfs0 stays active and hangs the nodes");
  }

  @Test
  void syslogSentToAnSnByNameIsLostOnlyWhenThatSnDies() throws Exception {
    Files.writeString(
        spec,
        Files.readString(spec)
            .replace(
                "  syslog: xcatmaster       # xCAT's default: forwarded to the SN",
                "  syslog: sn03"));
    String target = sim("converged");

    assertThat(CliRun.of("whatif", "sn03", spec.toString(), "--target", target).out())
        .contains("syslog forwarding");
    assertThat(CliRun.of("whatif", "sn01", spec.toString(), "--target", target).out())
        .doesNotContain("syslog forwarding");
  }

  @Test
  void anSnAndAllTogetherOrAnUnknownSnAreRefused() {
    assertThat(CliRun.of("whatif", "--all", "sn01", spec.toString()).err())
        .contains("either SN SPEC or --all SPEC");
    assertThat(CliRun.of("whatif", "sn09", spec.toString(), "--target", sim("converged")).err())
        .contains("sn09 is not a service node");
  }
}
