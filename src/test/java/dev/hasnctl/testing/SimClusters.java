package dev.hasnctl.testing;

import dev.hasnctl.sim.SimCommands;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.sim.scenario.ScenarioBuilder;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

  /** An in-memory store of the example in {@code scenario}, knowing every simulated command. */
  public static SimStore store(Scenario scenario) {
    SimState state = ScenarioBuilder.build(example(), scenario);
    return SimStore.inMemory(state, SimCommands.standard());
  }
}
