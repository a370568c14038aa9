package dev.hasnctl.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.HostName;
import dev.hasnctl.transport.ExecResult;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShellCommandsTest {
  private final SimState state = new SimState();
  private final SimHost sn = state.add(SimHost.of("sn01", Role.SERVICE_NODE));
  private final SimCluster cluster = new SimCluster(state, SimCommands.standard());

  private ExecResult run(String line) {
    return cluster.execShell(HostName.of("sn01"), line, Optional.empty());
  }

  @Test
  void printfWritesItsArgumentsVerbatimWithoutInterpretingThem() {
    ExecResult r = run("printf '%s\\n' 'a\\tb' 'c d'");

    assertThat(r.stdout()).isEqualTo("a\\tb\nc d\n");
  }

  @Test
  void shDashCRunsTheScriptOnTheSameHost() {
    run("sh -c 'printf %s hello > /tmp/x && cat /tmp/x'");

    assertThat(sn.files).containsEntry("/tmp/x", "hello");
  }

  @Test
  void grepDashVKeepsTheOtherLinesAndBlankOnes() {
    sn.files.put("/etc/exports", "/install -vers=3\n\n/export/nim -vers=4\n");

    ExecResult r = run("grep -v -E '^/install[[:space:]]' /etc/exports");

    assertThat(r.stdout()).isEqualTo("\n/export/nim -vers=4\n");
    assertThat(r.exitCode()).hasValue(0);
  }

  @Test
  void grepWithNoMatchExitsOneAndAMissingFileTwo() {
    sn.files.put("/etc/exports", "/install -vers=3\n");

    assertThat(run("grep -q nothing /etc/exports").exitCode()).hasValue(1);
    assertThat(run("grep x /no/such").exitCode()).hasValue(2);
  }

  @Test
  void sedDeletesSelectedLinesAndSubstitutesLiterally() {
    sn.files.put("/etc/exports", "/install -vers=3,rw\n/install2 -vers=4\n$::NFSTIMEO = 5;\n");

    ExecResult r =
        run(
            "sed -e '/^\\/install[[:space:]]/d' -e 's/^\\$::NFSTIMEO = .*;/$::NFSTIMEO = 1;/'"
                + " /etc/exports");

    assertThat(r.stdout()).isEqualTo("/install2 -vers=4\n$::NFSTIMEO = 1;\n");
  }

  @Test
  void sedRefusesWhatItDoesNotSimulate() {
    sn.files.put("/etc/x", "a\n");

    assertThat(run("sed -e 'y/a/b/' /etc/x").stderr()).startsWith("sim: not simulated");
  }
}
