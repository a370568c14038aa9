package dev.hasnctl.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads YAML fixtures and checks their expectation markers: a line ending in {@code # expect: RULE}
 * must get a diagnostic of that rule on that line, and no other error may appear.
 */
public final class SpecFixtures {
  private static final Pattern MARKER = Pattern.compile("#\\s*expect:\\s*([a-z0-9, -]+?)\\s*$");

  private SpecFixtures() {}

  /** The example spec shipped with hasnctl. */
  public static String example() {
    try {
      return Files.readString(Path.of("examples/cluster.yaml"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Loads {@code yaml} as if read from {@code cluster.yaml}. */
  public static SpecLoader.Result load(String yaml) {
    return SpecLoader.load(yaml.getBytes(StandardCharsets.UTF_8), "cluster.yaml");
  }

  /** Expected {@code (line, rule)} pairs from the markers in {@code yaml}. */
  public static List<String> expectations(String yaml) {
    List<String> out = new ArrayList<>();
    String[] lines = yaml.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher marker = MARKER.matcher(lines[i]);
      if (marker.find()) {
        for (String rule : marker.group(1).split(",", -1)) {
          out.add((i + 1) + " " + rule.trim());
        }
      }
    }
    return out;
  }

  /** Asserts that loading {@code yaml} reports exactly the errors its markers expect. */
  public static SpecLoader.Result assertDiagnosticsMatchMarkers(String yaml) {
    SpecLoader.Result result = load(yaml);
    List<String> actual =
        result.errors().stream().map(d -> d.position().line() + " " + d.rule()).toList();
    assertThat(actual)
        .as(
            "errors (line rule) of:%n%s",
            String.join("\n", result.diagnostics().stream().map(Diagnostic::format).toList()))
        .containsExactlyInAnyOrderElementsOf(expectations(yaml));
    return result;
  }
}
