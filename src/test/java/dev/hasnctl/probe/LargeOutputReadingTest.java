package dev.hasnctl.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the probe cuts large outputs: fields and per-node lines come out exactly as the regular
 * expressions and line splits they replace gave them.
 */
class LargeOutputReadingTest {
  @Test
  void fieldsAreCutAsSplitOnWhitespaceCutsThem() {
    for (String line :
        List.of(
            "",
            " ",
            "a",
            "  1      sn001            active",
            "-rw-r--r--   1 root system 2147483648 Nov 30 12:00 swapnfs1",
            "tab\tseparated\u000Bvertical\fform\rreturn ",
            "trailing   ",
            "\u00A0no-break space is no \\s")) {
      assertThat(Words.split(line)).as("'%s'", line).containsExactly(line.split("\\s+", -1));
      assertThat(Words.splitTwo(line)).as("'%s'", line).containsExactly(line.split("\\s+", 2));
    }
  }

  @Test
  void digitsAreOnlyAsciiDigits() {
    for (String s : List.of("", "0", "0042", "12a", "-1", "\u0661", " 1")) {
      assertThat(Words.digits(s)).as("'%s'", s).isEqualTo(s.matches("\\d+"));
    }
  }

  @Test
  void xdshOutputGivesEachNodeItsLinesInOrderWhenNodesInterleave() {
    XdshOutput out =
        XdshOutput.parse(
            """
            cn0001: @@hasnctl netstat
            cn0002: @@hasnctl netstat
            cn0001: Routing tables
            cn0001: options : hard,intr
            no prefix on this line
            cn00011: a longer name that starts alike
            cn0002:\s
            cn0002: last line without a newline""");

    assertThat(out.lines("cn0001"))
        .containsExactly("@@hasnctl netstat", "Routing tables", "options : hard,intr");
    assertThat(out.lines("cn0002"))
        .containsExactly("@@hasnctl netstat", "", "last line without a newline");
    assertThat(out.lines("cn00011")).containsExactly("a longer name that starts alike");
    assertThat(out.printed("cn0003")).isFalse();
    assertThat(out.lines("cn0003")).isEmpty();
  }

  @Test
  void aNodeXdshGaveUpOnIsForgottenAndNamedEvenAfterItsOutput() {
    String stdout =
        "cn0001: @@hasnctl netstat\n"
            + "Error: Timed out waiting for response from child processes for the following nodes."
            + " Terminating the child processes.\n"
            + "Error: cn0001 cn0002\n";
    XdshOutput out = XdshOutput.parse(stdout);

    assertThat(XdshTimeout.nodes("", stdout)).containsExactly("cn0001", "cn0002");
    assertThat(out.printed("cn0001")).isTrue();
    out.forget("cn0001");
    assertThat(out.printed("cn0001")).isFalse();
  }

  @Test
  void aTimeoutMessageEndingStderrTakesItsNodesFromTheFirstLineAfterIt() {
    String stderr =
        "Error: Timed out waiting for response from child processes for the following nodes.";

    assertThat(XdshTimeout.nodes(stderr, " cn0007 cn0008\ncn0001: fine"))
        .containsExactly("cn0007", "cn0008");
    assertThat(XdshTimeout.nodes("", "cn0001: fine")).isEmpty();
  }
}
