package dev.hasnctl.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.testing.SimClusters;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the cost model charges for execs and xdsh fan-outs. */
class CostModelTest {
  private static final Duration EXEC = Duration.ofMillis(80);
  private static final Duration HOP = Duration.ofMillis(150);
  private static final Duration HOST = Duration.ofMillis(5);

  @Test
  void aFanOutTakesOneWavePerFanoutNodesOrPart() {
    CostModel model = new CostModel(EXEC, 64, HOP, HOST);

    assertThat(model.fanOut(0)).isZero();
    assertThat(model.fanOut(1)).isEqualTo(Duration.ofMillis(155));
    assertThat(model.fanOut(64)).isEqualTo(Duration.ofMillis(155));
    assertThat(model.fanOut(65)).isEqualTo(Duration.ofMillis(310));
    assertThat(model.fanOut(16_384)).isEqualTo(Duration.ofMillis(155 * 256));
  }

  @Test
  void theDefaultChargesNothing() {
    assertThat(CostModel.FREE.exec()).isZero();
    assertThat(CostModel.FREE.fanOut(16_384)).isZero();
    assertThat(CostModel.FREE.fanout()).isEqualTo(64);
  }

  @Test
  void aFanoutBelowOneOrANegativeTimeIsRefused() {
    assertThatThrownBy(() -> new CostModel(EXEC, 0, HOP, HOST))
        .hasMessage("the fanout must be at least 1, not 0");
    assertThatThrownBy(() -> new CostModel(EXEC.negated(), 64, HOP, HOST))
        .hasMessage("a cost cannot be negative: PT-0.08S");
  }

  @Test
  void anXdshFromTheEmsChargesTheExecAndItsWaves() {
    SimStore store = SimClusters.store(Scenario.CONVERGED);
    store.costModel(new CostModel(EXEC, 1, HOP, HOST));

    Duration charged =
        store.transact(
            cluster -> {
              cluster.attempt("ems01", "xdsh sn01,sn02,sn03 hostname", Optional.empty());
              return cluster.charged();
            });

    // exec 80 + host 5 on the EMS, then 3 waves of one node at 150 + 5
    assertThat(charged).isEqualTo(Duration.ofMillis(85 + 3 * 155));
  }

  @Test
  void aCommandNestedInShChargesOnlyTheOuterExec() {
    SimStore store = SimClusters.store(Scenario.CONVERGED);
    store.costModel(new CostModel(EXEC, 64, HOP, HOST));

    Duration charged =
        store.transact(
            cluster -> {
              cluster.attempt("sn01", "sh -c 'hostname; sh -c hostname'", Optional.empty());
              return cluster.charged();
            });

    assertThat(charged).isEqualTo(Duration.ofMillis(85));
  }

  @Test
  void withoutACostModelNothingIsCharged() {
    SimStore store = SimClusters.store(Scenario.CONVERGED);

    Duration charged =
        store.transact(
            cluster -> {
              cluster.attempt("ems01", "xdsh sn01,sn02 hostname", Optional.empty());
              return cluster.charged();
            });

    assertThat(charged).isZero();
  }
}
