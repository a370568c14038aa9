package dev.hasnctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package dependency graph written down in STYLE.md, enforced on every main source file. */
class PackageDagTest {
  private static final Path MAIN = Path.of("src/main/java/dev/hasnctl");
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?dev\\.hasnctl\\.([a-z]+)[.;]", Pattern.MULTILINE);

  /** Which of our top-level packages each package may import; cli may import everything. */
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "model", Set.of(),
          "spec", Set.of("model"),
          "desired", Set.of("spec", "model"),
          "probe", Set.of("desired", "transport", "model"),
          "plan", Set.of("desired", "spec", "model"),
          "render", Set.of("plan", "model"),
          "apply", Set.of("plan", "probe", "desired", "transport", "model"),
          "transport", Set.of("model"),
          "sim", Set.of("transport", "model"));

  /** Building a simulated cluster from a spec is the one place the simulator reads specs. */
  private static final Path SIM_FROM_SPEC = MAIN.resolve("sim/scenario");

  @Test
  void noPackageImportsAgainstTheGraph() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String own = MAIN.relativize(file).getName(0).toString();
        if (own.equals("cli") || own.endsWith(".java")) {
          continue;
        }
        Matcher imports = IMPORT.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (imports.find()) {
          String target = imports.group(1);
          boolean allowed =
              target.equals(own)
                  || ALLOWED.getOrDefault(own, Set.of()).contains(target)
                  || (file.startsWith(SIM_FROM_SPEC) && target.equals("spec"));
          if (!allowed) {
            violations.add(MAIN.relativize(file) + " imports dev.hasnctl." + target);
          }
        }
      }
    }
    assertThat(violations).as("imports that break STYLE.md's package graph").isEmpty();
  }

  @Test
  void everyPackageIsInTheGraph() throws IOException {
    try (Stream<Path> entries = Files.list(MAIN)) {
      List<String> packages =
          entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
      assertThat(packages)
          .allSatisfy(p -> assertThat(ALLOWED.containsKey(p) || p.equals("cli")).as(p).isTrue());
    }
  }
}
