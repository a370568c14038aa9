package dev.hasnctl.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hasnctl.transport.LineStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** Feeds {@code stdout} to an {@link XdshOutput} line by line; each complete node in order. */
  private static Map<String, List<String>> read(String stdout, List<String> completed) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    XdshOutput xdsh =
        new XdshOutput(
            (node, lines) -> {
              completed.add(node);
              out.put(node, List.copyOf(lines));
            });
    LineStream.split(stdout, xdsh);
    completed.add("(end of output)");
    xdsh.end();
    return out;
  }

  @Test
  void xdshOutputGivesEachNodeItsLinesInOrderWhenNodesInterleave() {
    List<String> completed = new ArrayList<>();
    Map<String, List<String>> out =
        read(
            """
            cn0001: @@hasnctl netstat
            cn0002: @@hasnctl netstat
            cn0001: Routing tables
            cn0001: options : hard,intr
            no prefix on this line
            cn00011: a longer name that starts alike
            cn0002:\s
            cn0002: last line without a newline""",
            completed);

    assertThat(out.get("cn0001"))
        .containsExactly("@@hasnctl netstat", "Routing tables", "options : hard,intr");
    assertThat(out.get("cn0002"))
        .containsExactly("@@hasnctl netstat", "", "last line without a newline");
    assertThat(out.get("cn00011")).containsExactly("a longer name that starts alike");
    assertThat(out).doesNotContainKey("cn0003");
  }

  @Test
  void aNodeIsHandedOverWhenItsEndMarkerArrivesAndNothingOfItAfterwards() {
    List<String> completed = new ArrayList<>();
    Map<String, List<String>> out =
        read(
            """
            cn0001: @@hasnctl netstat
            cn0002: @@hasnctl netstat
            cn0002: @@hasnctl end
            cn0001: Routing tables
            cn0002: a line after its script ended
            cn0001: @@hasnctl end
            cn0003: @@hasnctl netstat
            """,
            completed);

    // cn0003 never ended its script (it stopped early): it is handed over when the output ends.
    assertThat(completed).containsExactly("cn0002", "cn0001", "(end of output)", "cn0003");
    assertThat(out.get("cn0002")).containsExactly("@@hasnctl netstat");
    assertThat(out.get("cn0001")).containsExactly("@@hasnctl netstat", "Routing tables");
    assertThat(out.get("cn0003")).containsExactly("@@hasnctl netstat");
  }

  @Test
  void aNodeXdshGaveUpOnIsNamedEvenAfterItsOutput() {
    String stdout =
        "cn0001: @@hasnctl netstat\n"
            + "Error: Timed out waiting for response from child processes for the following nodes."
            + " Terminating the child processes.\n"
            + "Error: cn0001 cn0002\n";
    XdshOutput out = new XdshOutput((node, lines) -> {});
    LineStream.split(stdout, out);
    out.end();

    assertThat(XdshTimeout.nodes("", out.timeoutLines())).containsExactly("cn0001", "cn0002");
    assertThat(out.printed("cn0001")).isTrue();
    assertThat(out.printed("cn0003")).isFalse();
  }

  @Test
  void aTimeoutMessageEndingStderrTakesItsNodesFromTheFirstLineAfterIt() {
    String stderr =
        "Error: Timed out waiting for response from child processes for the following nodes.";
    XdshOutput out = new XdshOutput((node, lines) -> {});
    LineStream.split(" cn0007 cn0008\ncn0001: fine", out);
    XdshOutput fine = new XdshOutput((node, lines) -> {});
    LineStream.split("cn0001: fine", fine);

    assertThat(XdshTimeout.nodes(stderr, out.timeoutLines())).containsExactly("cn0007", "cn0008");
    assertThat(XdshTimeout.nodes("", fine.timeoutLines())).isEmpty();
  }

  @Test
  void theNodeDefinitionsAreReadAsTheyArriveAndOnlyTheirLastLinesAreKept() throws Exception {
    CompressedLsdef nodes = new CompressedLsdef();
    Sections.Reader reader = new Sections.Reader(Map.of("nodes", nodes));
    reader.accept("@@hasnctl nodes");
    for (int n = 1; n <= 50; n++) {
      reader.accept("cn%02d: groups=compute,all".formatted(n));
      reader.accept("cn%02d: status=booted".formatted(n));
    }
    // lsdef need not print a node's attributes together.
    reader.accept("cn01: provmethod=aix71-compute");
    reader.accept("@@hasnctl site");
    reader.accept("#key,value,comments,disable");
    reader.accept("\"master\",\"ems01\",,");

    Sections sections = reader.sections();

    Map<String, Map<String, String>> read = nodes.read();
    assertThat(read).hasSize(50);
    assertThat(read.get("cn01"))
        .containsExactly(
            Map.entry("groups", "compute,all"),
            Map.entry("provmethod", "aix71-compute"),
            Map.entry("status", "booted"));
    assertThat(read.get("cn50")).containsEntry("status", "booted").hasSize(2);
    // Values many nodes share are kept once.
    assertThat(read.get("cn50").get("groups")).isSameAs(read.get("cn02").get("groups"));
    assertThat(sections.reader("nodes")).containsSame(nodes);
    assertThat(sections.ok("nodes")).isTrue();
    assertThat(sections.get("nodes").orElseThrow())
        .hasSize(20)
        .endsWith("cn50: status=booted", "cn01: provmethod=aix71-compute");
    assertThat(sections.get("site").orElseThrow()).hasSize(2);
    assertThat(sections.reader("site")).isEmpty();
  }

  @Test
  void aFailedNodeListingSaysWhyAndItsFirstUnreadableLineIsNamed() {
    CompressedLsdef nodes = new CompressedLsdef();
    Sections.Reader reader = new Sections.Reader(Map.of("nodes", nodes));
    reader.accept("@@hasnctl nodes");
    reader.accept("cn01: status=booted");
    reader.accept("Error: Permission denied for request");
    reader.accept("@@hasnctl failed");

    Sections sections = reader.sections();

    assertThat(sections.ok("nodes")).isFalse();
    assertThat(sections.failure("nodes"))
        .contains("cn01: status=booted / Error: Permission denied for request");
    assertThatThrownBy(nodes::read)
        .isInstanceOf(Parsers.Unparseable.class)
        .hasMessageContaining("got: Error: Permission denied for request");
  }
}
