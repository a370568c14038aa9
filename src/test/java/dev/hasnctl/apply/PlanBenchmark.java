package dev.hasnctl.apply;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.HostName;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.Planner;
import dev.hasnctl.probe.ObservedState;
import dev.hasnctl.probe.Probe;
import dev.hasnctl.sim.SimCommands;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.SimTransport;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.sim.scenario.ScenarioBuilder;
import dev.hasnctl.sim.scenario.StateFileBenchmark;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.SpecLoader;
import dev.hasnctl.transport.XdshRelay;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Prints what planning costs for a generated cluster of N compute nodes under 128 SNs (one EMS):
 * wall time of load + expand + probe + plan, the JVM's uptime when the plan is done, the peak heap,
 * and the round trips to the EMS. Not a test: the figures depend on the machine. One size per JVM,
 * so "after JVM start" means what it says:
 *
 * <pre>
 * mvn -B -q -DskipTests package test-compile
 * for n in 1024 4096 16384; do
 *   java -Xmx512m -cp target/hasnctl.jar:target/test-classes dev.hasnctl.apply.PlanBenchmark $n
 * done
 * </pre>
 *
 * The simulated cluster (fresh scenario: every resource to create) is built before the clock
 * starts; it stands in for the real cluster.
 */
public final class PlanBenchmark {
  private static final int SERVICE_NODES = 128;

  private PlanBenchmark() {}

  public static void main(String[] args) {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 16_384;
    String yaml = StateFileBenchmark.bigSpec(SERVICE_NODES, nodes / SERVICE_NODES);
    byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
    ClusterSpec built = SpecLoader.load(bytes, "big.yaml").spec().orElseThrow();
    SimStore store =
        SimStore.inMemory(ScenarioBuilder.build(built, Scenario.FRESH), SimCommands.standard());
    HostName ems = built.ems().name();
    XdshRelay transport = new XdshRelay(new SimTransport(store), ems);
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

    long start = System.nanoTime();
    SpecLoader.Result loaded = SpecLoader.load(bytes, "big.yaml");
    if (!loaded.valid()) {
      throw new IllegalStateException("generated spec is invalid: " + loaded.errors());
    }
    ClusterSpec spec = loaded.spec().orElseThrow();
    DesiredState desired = DesiredState.of(spec);
    long expanded = System.nanoTime();
    ObservedState observed =
        new Probe(transport, ems, Probe.Mode.XDSH, Duration.ofMinutes(5)).observe(desired);
    long probed = System.nanoTime();
    Plan plan = Planner.plan(spec, "big.yaml", bytes, desired, observed.resources(), Instant.now());
    long end = System.nanoTime();
    long wall = end - start;
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();

    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "nodes %6d  SNs %d  resources %7d  steps %4d  plan %5d ms  JVM uptime at plan %5d ms"
            + "  peak heap %4d MiB  EMS round trips %d  (load+expand %d ms, probe %d ms, diff+order"
            + " %d ms)%n",
        nodes,
        SERVICE_NODES,
        desired.resources().size(),
        plan.steps().size(),
        wall / 1_000_000,
        uptime,
        peakHeap / (1024 * 1024),
        observed.roundTrips().getOrDefault(ems, 0),
        (expanded - start) / 1_000_000,
        (probed - expanded) / 1_000_000,
        (end - probed) / 1_000_000);
  }
}
