package dev.hasnctl.testing;

import dev.hasnctl.model.Secret;
import dev.hasnctl.sim.SimCommands;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.sim.scenario.ScenarioBuilder;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Simulated clusters built from the example spec, for tests of the stages that act on one. */
public final class SimClusters {
  /** The example every README command uses. */
  public static final Path EXAMPLE = Path.of("examples/cluster.yaml");

  private SimClusters() {}

  /** The example spec, which must load without errors. */
  public static ClusterSpec example() {
    try {
      SpecLoader.Result loaded = SpecLoader.load(Files.readAllBytes(EXAMPLE), EXAMPLE.toString());
      if (!loaded.errors().isEmpty()) {
        throw new IllegalStateException("the example has errors: " + loaded.errors());
      }
      return loaded.spec().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The example's TEAL password as the build gives it to tests ({@code XCATDB_PASSWORD}, set in
   * pom.xml): the simulated database's.
   */
  public static Optional<Secret> secret() {
    String value = System.getenv("XCATDB_PASSWORD");
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException("XCATDB_PASSWORD is not set: run the tests through Maven");
    }
    return Optional.of(new Secret("env:XCATDB_PASSWORD", value.getBytes(StandardCharsets.UTF_8)));
  }

  /** The example in {@code scenario}, its TEAL node holding {@link #secret()}. */
  public static SimState state(ClusterSpec spec, Scenario scenario) {
    return ScenarioBuilder.build(spec, scenario, secret());
  }

  /** An in-memory store of the example in {@code scenario}, knowing every simulated command. */
  public static SimStore store(Scenario scenario) {
    SimState state = state(example(), scenario);
    return SimStore.inMemory(state, SimCommands.standard());
  }
}
