package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.AbsolutePath;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.Planner;
import dev.hasnctl.plan.Step;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.SpecLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates every scalar field of the example spec with hostile values, chosen by a fixed seed: shell
 * metacharacters, control characters, {@code .} and {@code ..} segments, system paths, other roles'
 * host names, huge values and wrong types. Each mutant either is refused with {@code FILE:LINE:COL:
 * error[RULE]} lines, exit 1 and nothing run on the cluster, or validates and plans only files,
 * exports and arguments inside the allow-list of a valid spec.
 */
class HostileSpecGeneratorTest {
  private static final long SEED = 12L;

  /** A {@code key: value} line of the example whose value is one scalar or flow list. */
  private static final Pattern FIELD =
      Pattern.compile("^(\\s*(?:- )?[A-Za-z][A-Za-z0-9]*:[ ]+)([^#&*\\s][^#]*?)(\\s+#.*)?$");

  private static final Pattern ERROR_LINE =
      Pattern.compile("^\\S+:\\d+:\\d+: (error|warning)\\[[a-z0-9-]+\\]: .+ — .+$");

  /** The system directories no planned path may enter (item 1's allow-list, inverted). */
  private static final List<AbsolutePath> SYSTEM =
      List.of("/etc", "/usr", "/bin", "/sbin", "/lib", "/lib64", "/boot", "/dev", "/proc", "/sys")
          .stream()
          .map(AbsolutePath::of)
          .toList();

  private static final Pattern GPFS_DEVICE = Pattern.compile("/dev/[A-Za-z0-9][A-Za-z0-9_-]*");

  @TempDir Path dir;

  /** One kind of hostile value; each returns the YAML text to put in place of the value. */
  private static final Map<String, List<UnaryOperator<String>>> MUTATIONS = mutations();

  private static Map<String, List<UnaryOperator<String>>> mutations() {
    Map<String, List<UnaryOperator<String>>> m = new java.util.LinkedHashMap<>();
    m.put(
        "shell metacharacters",
        List.of(
            v -> quoted(v + ";reboot"),
            v -> quoted("$(reboot)"),
            v -> quoted("`reboot`"),
            v -> quoted(v + " && rm -rf /"),
            v -> quoted(v + "|sh"),
            v -> quoted("'" + v)));
    m.put(
        "control characters",
        List.of(
            v -> quoted(v + "\u001b[2J"), v -> quoted(v + "\nvalid"), v -> quoted("\u202e" + v)));
    m.put(
        "dot segments",
        List.of(
            v -> "/install/../etc",
            v -> "/./install/dump",
            v -> quoted(v + "/.."),
            v -> quoted(v + "/./x"),
            v -> "//etc//passwd"));
    m.put(
        "system paths",
        List.of(
            v -> "/",
            v -> "/etc/passwd",
            v -> "/usr/bin",
            v -> "/dev/../etc/shadow",
            v -> "/proc"));
    m.put(
        "other roles' hosts",
        List.of(
            v -> "sn01",
            v -> "ems01",
            v -> "util01",
            v -> "sn02-hfi",
            v -> "20.10.12.1",
            v -> "cn0001"));
    m.put(
        "huge values",
        List.of(v -> "a".repeat(100_000), v -> "9".repeat(30), v -> quoted(v.repeat(3000))));
    m.put(
        "wrong types",
        List.of(v -> "[a, b]", v -> "{a: 1}", v -> "true", v -> "12", v -> "null", v -> "-1"));
    return m;
  }

  private static String quoted(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\u001b' -> out.append("\\e");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static String unquoted(String value) {
    return value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))
        ? value.substring(1, value.length() - 1)
        : value;
  }

  @Test
  void everyHostileMutantIsRefusedWithAPlaceOrPlansOnlyInsideTheAllowList() throws IOException {
    // The example with two nodes per group instead of 128: every field is still there, and the
    // paths and arguments planned do not depend on how many nodes share them.
    String example =
        Files.readString(Path.of("examples/cluster.yaml"), StandardCharsets.UTF_8)
            .replace("cn[0001-0128]", "cn[0001-0002]")
            .replace("cn[0129-0256]", "cn[0129-0130]")
            .replace("cn[0257-0384]", "cn[0257-0258]")
            .replace("cn[0385-0512]", "cn[0385-0386]");
    Set<String> baseline = plannedPaths(plan(example));
    String[] lines = example.split("\n", -1);
    Random random = new Random(SEED);
    int refused = 0;
    int planned = 0;
    for (int i = 0; i < lines.length; i++) {
      Matcher field = FIELD.matcher(lines[i]);
      if (!field.matches()) {
        continue;
      }
      for (Map.Entry<String, List<UnaryOperator<String>>> kind : MUTATIONS.entrySet()) {
        List<UnaryOperator<String>> options = kind.getValue();
        String value = options.get(random.nextInt(options.size())).apply(unquoted(field.group(2)));
        String[] mutant = lines.clone();
        mutant[i] = field.group(1) + value;
        String yaml = String.join("\n", mutant);
        String what = "line " + (i + 1) + " (" + lines[i].trim() + ") with " + kind.getKey();
        Path spec = dir.resolve("mutant.yaml");
        Files.writeString(spec, yaml, StandardCharsets.UTF_8);
        CliRun validate = CliRun.of("validate", spec.toString());
        if (validate.exitCode() == 0) {
          assertPlanStaysInside(yaml, baseline, what);
          planned++;
        } else {
          assertRefused(validate, what);
          // Every fourth refused mutant also goes to apply (the costly half of the check).
          if (refused++ % 4 == 0) {
            assertNothingRuns(spec, what);
          }
        }
      }
    }
    // The generator really exercised both outcomes over the whole example.
    assertThat(refused).as("refused mutants").isGreaterThan(300);
    assertThat(planned).as("mutants that validate and were planned").isGreaterThan(20);
  }

  private static void assertRefused(CliRun validate, String what) {
    assertThat(validate.exitCode()).as(what).isEqualTo(1);
    List<String> out = validate.out().lines().toList();
    assertThat(out).as(what).isNotEmpty();
    assertThat(out.subList(0, out.size() - 1))
        .as(what)
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).matches(ERROR_LINE).hasSizeLessThan(2000))
        .anySatisfy(line -> assertThat(line).contains(": error["));
    assertThat(validate.out() + validate.err())
        .as(what)
        .doesNotContain("\u001b")
        .doesNotContain("error[internal-error]")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  private void assertNothingRuns(Path spec, String what) {
    // The tripwire: the target is a simulated cluster that does not exist yet. Any probe or
    // step would first create it; a refused spec must leave it uncreated.
    Path cluster = dir.resolve("tripwire.json");
    CliRun plan =
        CliRun.of("apply", spec.toString(), "--target", "sim:" + cluster, "--auto-approve");
    assertThat(plan.exitCode()).as(what).isEqualTo(1);
    assertThat(plan.err()).as(what).contains("invalid; nothing was probed or changed");
    assertThat(cluster).as(what + ": the cluster was touched").doesNotExist();
  }

  private static void assertPlanStaysInside(String yaml, Set<String> baseline, String what) {
    SpecLoader.Result result =
        SpecLoader.load(yaml.getBytes(StandardCharsets.UTF_8), "cluster.yaml");
    ClusterSpec spec = result.spec().orElseThrow();
    Plan plan = plan(yaml);
    for (String path : plannedPaths(plan)) {
      if (baseline.contains(path) || GPFS_DEVICE.matcher(path).matches()) {
        continue;
      }
      AbsolutePath parsed = AbsolutePath.of(path); // throws on '.', '..' or '//'
      assertThat(SYSTEM.stream().filter(parsed::isWithin).toList())
          .as("%s plans %s", what, path)
          .isEmpty();
      assertThat(path).as(what).isNotEqualTo("/");
    }
    Set<String> otherRoles = new TreeSet<>();
    otherRoles.add(spec.ems().name().value().toLowerCase(java.util.Locale.ROOT));
    spec.serviceNodes()
        .forEach(sn -> otherRoles.add(sn.name().value().toLowerCase(java.util.Locale.ROOT)));
    spec.teal().ifPresent(t -> otherRoles.add(t.node().value().toLowerCase(java.util.Locale.ROOT)));
    for (Step step : plan.steps()) {
      assertThat(step.nodes())
          .as("%s: step %s acts on another role's host as a compute node", what, step.id())
          .noneMatch(n -> otherRoles.contains(n.toLowerCase(java.util.Locale.ROOT)));
    }
  }

  /** The plan that creates everything {@code yaml} asks for on a cluster with none of it. */
  private static Plan plan(String yaml) {
    byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
    ClusterSpec spec = SpecLoader.load(bytes, "cluster.yaml").spec().orElseThrow();
    DesiredState desired = DesiredState.of(spec);
    Map<ResourceId, Observed> nothing = new HashMap<>();
    for (Resource resource : desired.list()) {
      // What an admin installs (software levels, xCAT's own postscript) is there; the rest is not.
      boolean shipped = resource.checkOnly() || resource.id().kind() == ResourceKind.NFS_TUNABLES;
      nothing.put(
          resource.id(),
          shipped ? new Observed.Present(resource) : new Observed.Absent(resource.id()));
    }
    return Planner.plan(spec, "cluster.yaml", bytes, desired, nothing, Instant.EPOCH);
  }

  /**
   * Every absolute path the plan names: in the steps' arguments (also inside shell scripts and
   * options such as {@code replicas=/install@...}) and as the key of a file or export it changes.
   */
  private static Set<String> plannedPaths(Plan plan) {
    Set<String> out = new TreeSet<>();
    List<String> words = new ArrayList<>();
    for (Step step : plan.steps()) {
      // litefile rows name files inside the node image that xCAT keeps statelite (the seed's
      // /var/adm/ras/, often files of /etc): not places on the hosts hasnctl writes.
      if (step.verifies().stream().allMatch(id -> id.kind() == ResourceKind.LITEFILE)) {
        continue;
      }
      words.addAll(step.command().args());
    }
    plan.changes().stream()
        .map(c -> c.id())
        .filter(id -> id.kind() == ResourceKind.FILE || id.kind() == ResourceKind.EXPORT)
        .forEach(id -> words.add(id.key()));
    for (String word : words) {
      for (String token : word.split("[\\s;|&()<>'\"=:,@`$]+", -1)) {
        if (token.startsWith("/")) {
          out.add(token);
        }
      }
    }
    return out;
  }
}
