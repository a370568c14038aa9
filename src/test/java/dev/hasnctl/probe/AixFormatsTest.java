package dev.hasnctl.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.probe.Parsers.Unparseable;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.testing.SimClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** lsitab -a, ls -lR and netstat -rn in each recorded variant, and the simulator's output. */
class AixFormatsTest {
  private static final List<String> IDS = List.of("init", "brc", "mmfs", "rcnfs", "xcatd");
  private static final Map<String, Long> PAGING =
      Map.of(
          "/install/paging/cn0001/swapnfs1", 536870912L,
          "/install/paging/cn0001/swapnfs2", 536870912L);

  @Test
  void everySampleNamesItsSourceOnItsFirstLine() throws Exception {
    try (Stream<Path> files = Files.walk(Samples.ROOT)) {
      List<Path> samples = files.filter(Files::isRegularFile).toList();
      assertThat(samples).hasSizeGreaterThan(10);
      for (Path sample : samples) {
        assertThat(Files.readAllLines(sample).get(0)).as("%s", sample).startsWith("# source: ");
      }
    }
  }

  @Test
  void commentedInittabRecordsAreNoEntriesWhetherOrNotLsitabListsThem() throws Unparseable {
    assertThat(Parsers.inittabIds(Samples.lines("lsitab", "records"))).isEqualTo(IDS);
    assertThat(Parsers.inittabIds(Samples.lines("lsitab", "commented-records"))).isEqualTo(IDS);
  }

  @Test
  void theSimulatorsLsitabReadsTheSameAsTheSample() throws Unparseable {
    SimStore store = SimClusters.store(Scenario.CONVERGED);
    String inittab = String.join("\n", Samples.lines("lsitab", "commented-records")) + "\n";
    store.transact(c -> c.state().host("sn01").orElseThrow().files.put("/etc/inittab", inittab));

    assertThat(Parsers.inittabIds(Samples.sim(store, "sn01", "lsitab", "-a"))).isEqualTo(IDS);
  }

  @Test
  void lsRecursiveReadsTheSameWithOrWithoutTheOperandsHeader() throws Unparseable {
    assertThat(
            Parsers.lsRecursive(Samples.lines("ls", "lR-with-operand-header"), "/install/paging"))
        .isEqualTo(PAGING);
    assertThat(
            Parsers.lsRecursive(
                Samples.lines("ls", "lR-without-operand-header"), "/install/paging"))
        .isEqualTo(PAGING);
  }

  @Test
  void theSimulatorsLsRecursiveReadsAsTheSamples() throws Unparseable {
    SimStore store = SimClusters.store(Scenario.CONVERGED);
    store.transact(
        c -> {
          var sn = c.state().host("sn01").orElseThrow();
          sn.dirs.add("/install/paging/cnx");
          sn.sizedFiles.put("/install/paging/cnx/swapnfs1", 536870912L);
          return null;
        });

    Map<String, Long> files =
        Parsers.lsRecursive(
            Samples.sim(store, "sn01", "ls", "-lR", "/install/paging"), "/install/paging");

    assertThat(files).containsEntry("/install/paging/cnx/swapnfs1", 536870912L);
  }

  @Test
  void theDefaultRouteIsTheIpv4OneWhereverTheIpv6TreeIs() throws Unparseable {
    assertThat(Parsers.defaultGateway(Samples.lines("netstat", "rn-ipv4"))).isEqualTo("20.10.12.1");
    assertThat(Parsers.defaultGateway(Samples.lines("netstat", "rn-ipv6-default-first")))
        .isEqualTo("20.10.12.1");
  }

  @Test
  void theSimulatorsNetstatReadsAsTheSample() throws Unparseable {
    SimStore store = SimClusters.store(Scenario.CONVERGED);
    store.transact(
        c -> c.state().host("cn0001").orElseThrow().compute.defaultGateway = "20.10.12.1");

    List<String> printed = Samples.sim(store, "cn0001", "netstat", "-rn");

    assertThat(printed).anyMatch(l -> l.contains("Protocol Family 24"));
    assertThat(Parsers.defaultGateway(printed)).isEqualTo("20.10.12.1");
  }
}
