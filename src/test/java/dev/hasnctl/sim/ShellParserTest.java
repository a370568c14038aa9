package dev.hasnctl.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hasnctl.model.Argv;
import dev.hasnctl.sim.ShellParser.ShellSyntaxException;
import dev.hasnctl.sim.ShellScript.Join;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellParserTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain",
        "",
        "two words",
        "it's",
        "'''",
        "\\'",
        "$(reboot)",
        "`reboot`",
        "a;b",
        "a && b",
        "x | y",
        "> /etc/passwd",
        "*",
        "~root",
        "tab\there",
        "new\nline",
        "\"double\"",
        "back\\slash",
        "root=*",
        "/install -replicas=/install@20.10.12.1:/install@20.10.12.17,vers=4,rw,noauto,root=*",
        "ünïcödé",
        "#comment",
        "&",
        "2>&1"
      })
  void argvToShellRoundTripsThroughTheParser(String hostile) throws ShellSyntaxException {
    Argv argv = Argv.of("echo", hostile, "x" + hostile + "y");

    ShellScript script = ShellParser.parse(argv.toShell());

    assertThat(script.steps()).hasSize(1);
    assertThat(script.steps().get(0).pipeline()).hasSize(1);
    assertThat(script.steps().get(0).pipeline().get(0).words()).isEqualTo(argv.args());
    assertThat(script.steps().get(0).pipeline().get(0).redirects()).isEmpty();
  }

  @Test
  void aBangNegatesThePipelineItStarts() throws ShellSyntaxException {
    ShellScript script = ShellParser.parse("! lsitab mmfs || rmitab mmfs");

    assertThat(script.steps()).extracting(ShellScript.Step::negated).containsExactly(true, false);
    assertThat(script.steps().get(0).pipeline().get(0).words()).containsExactly("lsitab", "mmfs");
    assertThat(ShellParser.parse("echo '!' x").steps().get(0).negated()).isFalse();
  }

  @Test
  void sequencesPipesAndRedirectsAreParsed() throws ShellSyntaxException {
    ShellScript script =
        ShellParser.parse(
            "stopsrc -g nfs; exportfs -ua && cat > /etc/exports || ls x | cat >> /y 2>&1");

    assertThat(script.steps())
        .extracting(ShellScript.Step::join)
        .containsExactly(Join.ALWAYS, Join.ALWAYS, Join.AND, Join.OR);
    ShellScript.Simple write = script.steps().get(2).pipeline().get(0);
    assertThat(write.words()).containsExactly("cat");
    assertThat(write.redirects())
        .containsExactly(new ShellScript.Redirect(1, "/etc/exports", false, false));
    List<ShellScript.Simple> pipe = script.steps().get(3).pipeline();
    assertThat(pipe).hasSize(2);
    assertThat(pipe.get(1).redirects())
        .containsExactly(
            new ShellScript.Redirect(1, "/y", true, false),
            new ShellScript.Redirect(2, "", false, true));
  }

  @Test
  void anAmpersandEndsAnAsynchronousPipelineAndSeparatesLikeASemicolon()
      throws ShellSyntaxException {
    ShellScript seed = ShellParser.parse("/usr/sbin/shutdown -F &");
    assertThat(seed.steps())
        .singleElement()
        .extracting(ShellScript.Step::background)
        .isEqualTo(true);
    assertThat(seed.steps().get(0).pipeline().get(0).words())
        .containsExactly("/usr/sbin/shutdown", "-F");

    ShellScript two = ShellParser.parse("sync& date");
    assertThat(two.steps()).extracting(ShellScript.Step::background).containsExactly(true, false);
    assertThat(two.steps())
        .extracting(ShellScript.Step::join)
        .containsExactly(Join.ALWAYS, Join.ALWAYS);
    assertThat(ShellParser.parse("a 2>&1 &").steps().get(0).pipeline().get(0).words())
        .containsExactly("a");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "echo $HOME",
        "echo `id`",
        "ls /tmp/*",
        "echo 'open",
        "a &&",
        "a && b &",
        "a & && b",
        "& a"
      })
  void expansionsAndBrokenSyntaxAreRefused(String line) {
    assertThatThrownBy(() -> ShellParser.parse(line)).isInstanceOf(ShellSyntaxException.class);
  }
}
