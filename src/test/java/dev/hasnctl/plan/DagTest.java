package dev.hasnctl.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DagTest {
  @Test
  void dependenciesRunFirstAndTiesBreakByName() {
    Dag<String> dag =
        new Dag<String>()
            .edge("mmstartup", "startsrc-nfs")
            .edge("startsrc-nfs", "exportfs-a")
            .add("chdef-site");
    assertThat(dag.order())
        .containsExactly("chdef-site", "mmstartup", "startsrc-nfs", "exportfs-a");
  }

  @Test
  void cycleNamesEveryMemberFromTheSmallest() {
    Dag<String> dag =
        new Dag<String>()
            .edge("c-mkdsklsnode-p", "a-mkdsklsnode-b")
            .edge("a-mkdsklsnode-b", "b-rmdsklsnode")
            .edge("b-rmdsklsnode", "c-mkdsklsnode-p")
            .edge("x-unrelated", "c-mkdsklsnode-p");
    assertThatThrownBy(dag::order)
        .isInstanceOf(Dag.CycleException.class)
        .hasMessage(
            "dependency cycle: a-mkdsklsnode-b -> b-rmdsklsnode -> c-mkdsklsnode-p"
                + " -> a-mkdsklsnode-b");
  }

  @Test
  void randomAcyclicGraphsAlwaysOrderEveryEdge() {
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      Dag<Integer> dag = new Dag<>();
      int size = 2 + random.nextInt(40);
      for (int i = 0; i < size * 2; i++) {
        int a = random.nextInt(size);
        int b = random.nextInt(size);
        if (a != b) {
          dag.edge(Math.min(a, b), Math.max(a, b));
        }
      }
      List<Integer> order = dag.order();
      assertThat(order).hasSameSizeAs(dag.nodes());
      for (Integer node : dag.nodes()) {
        for (Integer before : dag.dependenciesOf(node)) {
          assertThat(order.indexOf(before)).isLessThan(order.indexOf(node));
        }
      }
    }
  }
}
