package dev.hasnctl.apply;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.Planner;
import dev.hasnctl.probe.ObservedState;
import dev.hasnctl.probe.Probe;
import dev.hasnctl.sim.SimCommands;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.SimTransport;
import dev.hasnctl.sim.scenario.Drift;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.sim.scenario.StateFileBenchmark;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.SpecLoader;
import dev.hasnctl.testing.SimClusters;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.LineStream;
import dev.hasnctl.transport.Transport;
import dev.hasnctl.transport.TransportException;
import dev.hasnctl.transport.XdshRelay;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Prints what hasnctl's own work costs to plan a generated cluster of N compute nodes under 128 SNs
 * (one EMS), converged or drifted: per phase (load the spec, expand the desired state, probe, plan)
 * and in all, the wall time, the process's CPU time, the peak heap and the round trips to the EMS.
 * Not a test: the figures depend on the machine. One size per JVM, so "after JVM start" means what
 * it says:
 *
 * <pre>
 * ./mvnw -B -q -DskipTests package test-compile
 * java -Xmx512m -cp target/hasnctl.jar:target/test-classes dev.hasnctl.apply.PlanBenchmark 16384 converged
 * </pre>
 *
 * {@code PlanBenchmark spec N FILE} writes the generated spec of N nodes to FILE instead, for an
 * end-to-end run. {@code PlanBenchmark record N SCENARIO FILE} records the probe's answers into
 * FILE (with a larger heap: the simulated 64k cluster needs more than 512 MiB), and {@code
 * PlanBenchmark N SCENARIO FILE} replays them; {@code bin/benchmark} does so.
 *
 * <p>The probe's answers are recorded from the simulated cluster before the clock starts, and
 * replayed to the probe (the exact command lines, in order), so the simulator's own cost is not
 * counted: what is measured is what hasnctl does with a real cluster's answers. The drifted cluster
 * has 50 random perturbations (seed 15), as {@code hasnctl sim init --drift 50 --seed 15}.
 */
public final class PlanBenchmark {
  private static final int SERVICE_NODES = 128;
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private PlanBenchmark() {}

  public static void main(String[] args) throws java.io.IOException {
    if (args.length == 3 && args[0].equals("spec")) {
      // The generated spec, for an end-to-end run: PlanBenchmark spec N FILE
      int n = Integer.parseInt(args[1]);
      java.nio.file.Files.writeString(
          java.nio.file.Path.of(args[2]),
          StateFileBenchmark.bigSpec(SERVICE_NODES, n / SERVICE_NODES));
      return;
    }
    if (args.length == 4 && args[0].equals("record")) {
      // PlanBenchmark record N SCENARIO FILE: probe the simulated cluster, keep its answers in FILE
      boolean drifted = args[2].equals("drifted");
      ClusterSpec spec = generated(Integer.parseInt(args[1]));
      record(spec, drifted).save(java.nio.file.Path.of(args[3]));
      return;
    }
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 16_384;
    boolean drifted = args.length > 1 && args[1].equals("drifted");
    String yaml = StateFileBenchmark.bigSpec(SERVICE_NODES, nodes / SERVICE_NODES);
    byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
    // With a recording, nothing of hasnctl's runs before the clock starts: the spec is loaded
    // cold, as hasnctl loads it.
    Replay replay =
        args.length > 2
            ? Replay.load(java.nio.file.Path.of(args[2]))
            : record(generated(nodes), drifted);
    System.gc();

    long start = System.nanoTime();
    long cpuAtStart = processCpu();
    Phase<SpecLoader.Result> load = Phase.run("load", replay, () -> SpecLoader.load(bytes, "b"));
    if (!load.value().valid()) {
      throw new IllegalStateException("generated spec is invalid: " + load.value().errors());
    }
    ClusterSpec spec = load.value().spec().orElseThrow();
    HostName ems = spec.ems().name();
    Phase<DesiredState> expand = Phase.run("expand", replay, () -> DesiredState.of(spec));
    DesiredState desired = expand.value();
    Probe probe = new Probe(new XdshRelay(replay, ems), ems, Probe.Mode.XDSH, TIMEOUT);
    Phase<ObservedState> observe = Phase.run("probe", replay, () -> probe.observe(desired));
    Phase<Plan> plan =
        Phase.run(
            "plan",
            replay,
            () ->
                Planner.plan(
                    spec, "b", bytes, desired, observe.value().resources(), Instant.EPOCH));
    long wall = System.nanoTime() - start;
    long cpu = processCpu() - cpuAtStart;
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();

    String cluster =
        String.format(Locale.ROOT, "nodes %6d %-9s", nodes, drifted ? "drifted" : "converged");
    for (Phase<?> phase : new Phase<?>[] {load, expand, observe, plan}) {
      System.out.println(cluster + "  " + phase);
    }
    System.out.printf(
        Locale.ROOT,
        "%s  %-7s wall %6d ms  CPU %6d ms  peak heap %4d MiB  EMS round trips %d"
            + "  (resources %d, changes %d, steps %d, JVM uptime at plan %d ms)%n",
        cluster,
        "total",
        wall / 1_000_000,
        cpu / 1_000_000,
        Math.max(
                Math.max(load.peakHeap, expand.peakHeap), Math.max(observe.peakHeap, plan.peakHeap))
            / (1024 * 1024),
        replay.roundTrips.get(),
        desired.resources().size(),
        plan.value().changes().size(),
        plan.value().steps().size(),
        uptime);
  }

  private static ClusterSpec generated(int nodes) {
    String yaml = StateFileBenchmark.bigSpec(SERVICE_NODES, nodes / SERVICE_NODES);
    return SpecLoader.load(yaml.getBytes(StandardCharsets.UTF_8), "big.yaml").spec().orElseThrow();
  }

  /** Probes the simulated cluster once, keeping every answer the EMS gave. */
  private static Replay record(ClusterSpec spec, boolean drifted) {
    SimState state = SimClusters.state(spec, Scenario.CONVERGED);
    if (drifted) {
      Drift.apply(state, 50, 15);
    }
    Replay replay = new Replay();
    Transport sim = new SimTransport(SimStore.inMemory(state, SimCommands.standard()));
    Transport recording =
        new Transport() {
          @Override
          public ExecResult exec(HostName host, Argv command, Optional<String> stdin, Duration t)
              throws TransportException {
            ExecResult result = sim.exec(host, command, stdin, t);
            replay.keep(host, command, stdin, result);
            return result;
          }

          @Override
          public void close() {
            sim.close();
          }
        };
    HostName ems = spec.ems().name();
    new Probe(new XdshRelay(recording, ems), ems, Probe.Mode.XDSH, TIMEOUT)
        .observe(DesiredState.of(spec));
    return replay;
  }

  /**
   * Gives back recorded answers, in the order they were recorded for each command line. A loaded
   * recording keeps each answer's output deflated until it is asked for, as a real transport has
   * nothing of it before the command runs: the heap holds hasnctl's own data, and inflating and
   * decoding the output is counted in the probe, as reading it from SSH would be.
   */
  private static final class Replay implements Transport {
    private final Map<String, Deque<Answer>> answers = new HashMap<>();
    final AtomicInteger roundTrips = new AtomicInteger();

    private static String key(HostName host, Argv command, Optional<String> stdin) {
      return host.value() + "\n" + command.toShell() + "\n" + stdin.orElse("");
    }

    /** Writes the answers to {@code file} (gzip: length-prefixed UTF-8 strings). */
    synchronized void save(java.nio.file.Path file) throws java.io.IOException {
      try (java.io.DataOutputStream out =
          new java.io.DataOutputStream(
              new java.io.BufferedOutputStream(
                  new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(file))))) {
        out.writeInt(answers.size());
        for (Map.Entry<String, Deque<Answer>> e : answers.entrySet()) {
          write(out, e.getKey());
          out.writeInt(e.getValue().size());
          for (Answer answer : e.getValue()) {
            ExecResult r = answer.whole();
            out.writeInt(r.exitCode().orElse(-1));
            write(out, r.stdout());
            write(out, r.stderr());
          }
        }
      }
    }

    /** Reads answers written by {@link #save}. */
    static Replay load(java.nio.file.Path file) throws java.io.IOException {
      Replay replay = new Replay();
      try (java.io.DataInputStream in =
          new java.io.DataInputStream(
              new java.io.BufferedInputStream(
                  new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(file))))) {
        int keys = in.readInt();
        for (int k = 0; k < keys; k++) {
          Deque<Answer> results = new ArrayDeque<>();
          replay.answers.put(read(in), results);
          int n = in.readInt();
          for (int i = 0; i < n; i++) {
            int code = in.readInt();
            results.add(
                new Answer(
                    code < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(code),
                    deflate(in, in.readInt()),
                    deflate(in, in.readInt())));
          }
        }
      }
      return replay;
    }

    /** The next {@code length} bytes of {@code in}, deflated a piece at a time. */
    private static byte[] deflate(java.io.DataInputStream in, int length)
        throws java.io.IOException {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(out)) {
        byte[] piece = new byte[1 << 16];
        for (int left = length; left > 0; ) {
          int n = in.read(piece, 0, Math.min(left, piece.length));
          if (n < 0) {
            throw new java.io.EOFException("recording cut short");
          }
          z.write(piece, 0, n);
          left -= n;
        }
      }
      return out.toByteArray();
    }

    private static byte[] deflate(byte[] bytes) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(out)) {
        z.write(bytes);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return out.toByteArray();
    }

    /** One recorded answer, its output deflated. */
    private static final class Answer {
      private final java.util.OptionalInt exitCode;
      private final byte[] stdout;
      private final byte[] stderr;

      Answer(java.util.OptionalInt exitCode, byte[] stdout, byte[] stderr) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
      }

      static Answer of(ExecResult result) {
        return new Answer(
            result.exitCode(),
            deflate(result.stdout().getBytes(StandardCharsets.UTF_8)),
            deflate(result.stderr().getBytes(StandardCharsets.UTF_8)));
      }

      ExecResult whole() {
        return new ExecResult(exitCode, text(stdout), text(stderr));
      }

      /** Inflates the output into {@code lines} as it would arrive, never whole. */
      ExecResult streamed(Consumer<String> lines) {
        LineStream out = new LineStream(lines);
        try (java.util.zip.InflaterInputStream z =
            new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(stdout))) {
          z.transferTo(out);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        out.finish();
        return new ExecResult(exitCode, "", text(stderr));
      }

      private static String text(byte[] deflated) {
        try (java.util.zip.InflaterInputStream z =
            new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(deflated))) {
          return new String(z.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }

    private static void write(java.io.DataOutputStream out, String s) throws java.io.IOException {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      out.writeInt(b.length);
      out.write(b);
    }

    private static String read(java.io.DataInputStream in) throws java.io.IOException {
      byte[] b = new byte[in.readInt()];
      in.readFully(b);
      return new String(b, StandardCharsets.UTF_8);
    }

    synchronized void keep(HostName host, Argv command, Optional<String> in, ExecResult result) {
      answers
          .computeIfAbsent(key(host, command, in), k -> new ArrayDeque<>())
          .add(Answer.of(result));
    }

    /**
     * The next answer recorded for this command, handed over: like a real transport, the replay
     * keeps no answer it gave, so what the heap holds afterwards is hasnctl's.
     */
    @Override
    public ExecResult exec(HostName host, Argv command, Optional<String> stdin, Duration timeout) {
      return next(host, command, stdin).whole();
    }

    /** As {@link #exec}, the output inflated into {@code stdout} line by line as it is read. */
    @Override
    public ExecResult stream(
        HostName host, Argv command, Duration timeout, Consumer<String> stdout) {
      return next(host, command, Optional.empty()).streamed(stdout);
    }

    private synchronized Answer next(HostName host, Argv command, Optional<String> stdin) {
      roundTrips.incrementAndGet();
      Deque<Answer> recorded = answers.get(key(host, command, stdin));
      if (recorded == null || recorded.isEmpty()) {
        throw new IllegalStateException(
            "the probe asked what the recording does not hold: " + command.toShell());
      }
      return recorded.poll();
    }

    @Override
    public void close() {
      // Nothing is open.
    }
  }

  /** One measured phase: its value, wall and CPU time, peak heap and round trips. */
  private record Phase<T>(String name, T value, long wall, long cpu, long peakHeap, int trips) {
    static <T> Phase<T> run(String name, Replay replay, Supplier<T> body) {
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      int tripsBefore = replay.roundTrips.get();
      long cpuBefore = processCpu();
      long before = System.nanoTime();
      T value = body.get();
      long wall = System.nanoTime() - before;
      long cpu = processCpu() - cpuBefore;
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      return new Phase<>(name, value, wall, cpu, peak, replay.roundTrips.get() - tripsBefore);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%-7s wall %6d ms  CPU %6d ms  peak heap %4d MiB  EMS round trips %d",
          name,
          wall / 1_000_000,
          cpu / 1_000_000,
          peakHeap / (1024 * 1024),
          trips);
    }
  }

  /** CPU time of the whole process (every thread, the collector's too), in nanoseconds. */
  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
