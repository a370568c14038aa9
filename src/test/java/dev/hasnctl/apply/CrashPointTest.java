package dev.hasnctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.Step;
import dev.hasnctl.sim.SimCommands;
import dev.hasnctl.sim.SimJson;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.SimTransport;
import dev.hasnctl.sim.scenario.Drift;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.SpecLoader;
import dev.hasnctl.testing.SimClusters;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.Transport;
import dev.hasnctl.transport.TransportException;
import dev.hasnctl.transport.XdshRelay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An apply killed at any point of a step, then resumed, converges with every backup intact.
 *
 * <p>For the plans of the fresh, legacy and three drifted scenarios (the example spec cut down to
 * two nodes per group, so the matrix runs in CI), and for sampled steps k of each plan, the apply
 * stops at step k: before its command (intent journaled), after its command and before its
 * verification, after its verification and before its end is journaled (each as a kill -9 would:
 * nothing more runs, nothing more is journaled), or with the connection cut after its command
 * completed (the exit status is lost: the step ends unknown-by-transport). A new apply then resumes
 * from the journal. Every trial asserts: the resumed apply succeeds and the next plan is empty;
 * every backup holds the file's content from before the first apply; the simulator recorded no harm
 * beyond what an uninterrupted apply of the same plan records (hung nodes, mkdsklsnode on both SNs
 * of a node, -p before -b); the journal ends with every step done.
 *
 * <p>Steps sampled: {@value #STEPS_PER_PLAN} per plan, evenly spread and always the first and the
 * last (all of them with {@code -Dcrashpoints.all=true}); 4 crash points each.
 */
class CrashPointTest {
  static final int STEPS_PER_PLAN = 8;

  /** Where an apply is stopped. */
  enum CrashPoint {
    BEFORE_COMMAND,
    AFTER_COMMAND,
    AFTER_VERIFY,
    CONNECTION_CUT_AFTER_COMMAND
  }

  /** What a kill -9 does to the JVM, thrown from the test hook: nothing after it runs. */
  static final class Killed extends Error {
    private static final long serialVersionUID = 1L;

    Killed() {
      super("killed by the test", null, false, false);
    }
  }

  static final ClusterSpec SPEC = smallSpec();

  private static ClusterSpec smallSpec() {
    try {
      String text =
          Files.readString(SimClusters.EXAMPLE, StandardCharsets.UTF_8)
              .replace("cn[0001-0128]", "cn[0001-0002]")
              .replace("cn[0129-0256]", "cn[0129-0130]")
              .replace("cn[0257-0384]", "cn[0257-0258]")
              .replace("cn[0385-0512]", "cn[0385-0386]");
      SpecLoader.Result loaded =
          SpecLoader.load(text.getBytes(StandardCharsets.UTF_8), "small.yaml");
      return loaded.spec().orElseThrow(() -> new IllegalStateException("" + loaded.errors()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static SimState scenario(String name) {
    return switch (name) {
      case "fresh" -> SimClusters.state(SPEC, Scenario.FRESH);
      case "legacy" -> SimClusters.state(SPEC, Scenario.LEGACY);
      default -> {
        SimState state = SimClusters.state(SPEC, Scenario.CONVERGED);
        Drift.apply(state, 6, Long.parseLong(name.substring("drift-".length())));
        yield state;
      }
    };
  }

  static Stream<Arguments> trials() {
    boolean all = Boolean.getBoolean("crashpoints.all");
    List<Arguments> out = new ArrayList<>();
    for (String scenario : List.of("fresh", "legacy", "drift-7", "drift-19", "drift-42")) {
      SimState state = scenario(scenario);
      List<Step> steps = sim(state).plan().steps();
      // Held steps never run (legacy holds its outage): only a step that runs can be crashed.
      List<Integer> runnable = new ArrayList<>();
      for (int i = 0; i < steps.size(); i++) {
        if (!steps.get(i).isHeld()) {
          runnable.add(i);
        }
      }
      for (int i : sample(runnable.size(), all ? runnable.size() : STEPS_PER_PLAN)) {
        for (CrashPoint point : CrashPoint.values()) {
          out.add(Arguments.of(scenario, runnable.get(i), point));
        }
      }
    }
    return out.stream();
  }

  /** {@code count} step indices spread evenly over {@code steps}, first and last included. */
  static List<Integer> sample(int steps, int count) {
    List<Integer> out = new ArrayList<>();
    if (steps == 0) {
      return out;
    }
    int n = Math.min(steps, Math.max(count, 2));
    for (int i = 0; i < n; i++) {
      int k = (int) Math.round((double) i * (steps - 1) / (n - 1));
      if (out.isEmpty() || out.get(out.size() - 1) != k) {
        out.add(k);
      }
    }
    return out;
  }

  private static SimApply sim(SimState state) {
    return new SimApply(SPEC, SimStore.inMemory(state, SimCommands.standard()));
  }

  /** A transport that runs step {@code cut}'s command, then loses the connection. */
  private static Transport cutting(Transport inner, Step cut) {
    return new Transport() {
      @Override
      public ExecResult exec(HostName host, Argv command, Optional<String> stdin, Duration timeout)
          throws TransportException {
        ExecResult result = inner.exec(host, command, stdin, timeout);
        if (host.equals(cut.host()) && command.equals(cut.command())) {
          throw new TransportException(
              TransportException.Layer.DROPPED, host, "connection cut by the test");
        }
        return result;
      }

      @Override
      public void close() {
        inner.close();
      }
    };
  }

  static Applier applier(SimApply sim, Journal journal, Applier.Checkpoint checkpoint) {
    return new Applier(
            sim.transport,
            sim.verifier(),
            sim.desired,
            journal,
            SimApply.quiet(),
            1,
            Duration.ofMinutes(30),
            SimApply.CLOCK,
            checkpoint)
        .withSecret(SimClusters.secret());
  }

  @ParameterizedTest(name = "{0}, step {1}, {2}")
  @MethodSource("trials")
  void aResumedApplyConvergesWithEveryBackupIntact(String scenario, int k, CrashPoint point) {
    SimState initial = scenario(scenario);
    SimApply clean = sim(SimJson.copy(initial));
    Plan plan = clean.plan();
    applier(
            clean,
            Journal.begin(new MemoryJournalStore(), plan.fingerprint(), SimApply.CLOCK.instant()),
            (p, s) -> {})
        .run(plan, Set.of());
    List<String> harmOfAPlainApply = SimApply.harm(clean.store.snapshot());
    List<String> leftByAPlainApply = clean.plan().steps().stream().map(Step::id).toList();

    SimStore store = SimStore.inMemory(SimJson.copy(initial), SimCommands.standard());
    Step target = plan.steps().get(k);
    Transport base = new XdshRelay(new SimTransport(store), SimApply.EMS);
    SimApply first =
        new SimApply(
            SPEC,
            store,
            point == CrashPoint.CONNECTION_CUT_AFTER_COMMAND ? cutting(base, target) : base);
    MemoryJournalStore journal = new MemoryJournalStore();
    Applier.Checkpoint kill =
        (p, step) -> {
          if (step.id().equals(target.id()) && p.name().equals(point.name())) {
            throw new Killed();
          }
        };
    try {
      ApplyReport stopped =
          applier(first, Journal.begin(journal, plan.fingerprint(), SimApply.CLOCK.instant()), kill)
              .run(plan, Set.of());
      assertThat(point).isEqualTo(CrashPoint.CONNECTION_CUT_AFTER_COMMAND);
      assertThat(stopped.failure().orElseThrow().step().id()).isEqualTo(target.id());
    } catch (Killed expected) {
      assertThat(point).isNotEqualTo(CrashPoint.CONNECTION_CUT_AFTER_COMMAND);
    }

    SimApply second = new SimApply(SPEC, store);
    Journal resumed = Journal.resume(journal, plan.fingerprint());
    ApplyReport report =
        applier(second, resumed, (p, s) -> {})
            .run(plan, resumed.previous().done(), resumed.previous().unfinished());

    assertThat(report.failure())
        .as("%s", report.failure().map(f -> f.step() + " -> " + f.detail()).orElse(""))
        .isEmpty();
    // What a plain apply leaves (the steps the plan holds to protect running nodes), and no more.
    assertThat(second.plan().steps().stream().map(Step::id).toList())
        .as("steps after the resumed apply")
        .isEqualTo(leftByAPlainApply);
    SimState end = store.snapshot();
    for (String[] backup : SimApply.backups(plan)) {
      assertThat(SimApply.file(end, backup[0], backup[1]))
          .as("backup %s:%s", backup[0], backup[1])
          .hasValue(SimApply.file(initial, backup[0], backup[2]).orElse(""));
    }
    assertThat(SimApply.harm(end)).isSubsetOf(harmOfAPlainApply);
    JournalState state = Journal.read(journal);
    assertThat(state.unfinished()).as("steps not done in the journal").isEmpty();
    assertThat(state.done()).hasSize((int) plan.steps().stream().filter(s -> !s.isHeld()).count());
  }
}
