package dev.hasnctl.sim.scenario;

import dev.hasnctl.sim.SimJson;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.SpecLoader;
import dev.hasnctl.testing.SimClusters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints build, save and load times and the state file size of a converged cluster with 16,384
 * compute nodes and 128 SNs. Not a test: timings depend on the machine. Run with {@code mvn -q -o
 * exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.hasnctl.sim.scenario.StateFileBenchmark}.
 */
public final class StateFileBenchmark {
  private StateFileBenchmark() {}

  public static void main(String[] args) throws IOException {
    String yaml = bigSpec(128, 128);
    SpecLoader.Result result = SpecLoader.load(yaml.getBytes(StandardCharsets.UTF_8), "big.yaml");
    ClusterSpec spec =
        result.spec().orElseThrow(() -> new IllegalStateException(result.diagnostics().toString()));
    long t0 = System.nanoTime();
    SimState state = SimClusters.state(spec, Scenario.CONVERGED);
    long t1 = System.nanoTime();
    Path file = Files.createTempDirectory("simbench").resolve("c.json");
    SimStore.create(file, state);
    long t2 = System.nanoTime();
    SimState loaded = SimJson.read(Files.readAllBytes(file));
    long t3 = System.nanoTime();
    SimJson.read(Files.readAllBytes(file));
    long t4 = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "hosts %d, file %.1f MB, build %d ms, save %d ms, first load %d ms, second load %d ms%n",
        loaded.hosts.size(),
        Files.size(file) / 1e6,
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        (t3 - t2) / 1_000_000,
        (t4 - t3) / 1_000_000);
  }

  public static String bigSpec(int serviceNodes, int nodesPerSn) {
    StringBuilder y = new StringBuilder();
    y.append("version: 1\nname: big\nems: {name: ems01}\nsite: {domain: big.example.com}\n");
    y.append("sharedInstall: {gpfsCluster: snadmin, device: /dev/gpfsinstall}\n");
    y.append("serviceNodes:\n");
    for (int i = 1; i <= serviceNodes; i++) {
      y.append(
          String.format(
              Locale.ROOT,
              "  - {name: sn%03d, xcatmaster: sn%03d-hfi, address: 20.10.%d.%d}%n",
              i,
              i,
              i / 2,
              i % 2 == 1 ? 1 : 17));
    }
    y.append("pairs:\n");
    for (int i = 1; i <= serviceNodes; i += 2) {
      y.append(String.format(Locale.ROOT, "  - [sn%03d, sn%03d]%n", i, i + 1));
    }
    y.append("images:\n  - name: aix71-compute\n    dump: {resource: dump1}\n");
    y.append("groups:\n");
    for (int i = 1; i <= serviceNodes; i++) {
      int partner = i % 2 == 1 ? i + 1 : i - 1;
      y.append(
          String.format(
              Locale.ROOT,
              "  - name: sn%03dgroup%n    nodes: cn[%05d-%05d]%n    primary: sn%03d%n    backup: sn%03d%n"
                  + "    image: aix71-compute%n    paging: {files: [{name: swapnfs1, size: 64G}, {name: swapnfs2, size: 64G}]}%n",
              i,
              (i - 1) * nodesPerSn + 1,
              i * nodesPerSn,
              i,
              partner));
    }
    y.append("litefile:\n  - {image: ALL, file: /var/adm/ras/, options: persistent}\n");
    y.append("consoleRedirect: {postscript: conslog, target: /tmp/conslog}\n");
    return y.toString();
  }
}
