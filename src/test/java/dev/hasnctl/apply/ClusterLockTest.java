package dev.hasnctl.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.SimTransport;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.testing.SimClusters;
import dev.hasnctl.transport.XdshRelay;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The cluster's apply lock, as Terraform tests its state backends' locks: A locks, B is refused
 * with A's details, A unlocks, B locks with another id, and a force-unlock needs the right id.
 */
class ClusterLockTest {
  private final SimStore cluster = SimClusters.store(Scenario.CONVERGED);

  /** One admin's hasnctl: its own transport to the same cluster. */
  private ClusterState client() {
    return new ClusterState(
        new XdshRelay(new SimTransport(cluster), SimApply.EMS),
        SimApply.EMS,
        Duration.ofMinutes(2));
  }

  private static LockInfo info(String who, String spec) {
    return new LockInfo(
        UUID.randomUUID().toString(),
        who,
        who + "-laptop",
        spec,
        "0".repeat(64),
        "ab".repeat(32),
        Instant.parse("2026-11-30T03:00:00Z"));
  }

  @Test
  void aLocksBIsRefusedWithTheHoldersDetailsAUnlocksBLocksWithAnotherId() {
    ClusterState a = client();
    ClusterState b = client();

    LockInfo byA = a.lock(info("alice", "/home/alice/hasn/cluster.yaml"));
    assertThatThrownBy(() -> b.lock(info("bob", "/tmp/cluster.yaml")))
        .isInstanceOf(ClusterState.LockHeld.class)
        .hasMessageContaining("lock " + byA.id())
        .hasMessageContaining("alice on alice-laptop")
        .hasMessageContaining("/home/alice/hasn/cluster.yaml")
        .hasMessageContaining("since 2026-11-30T03:00:00Z")
        .hasMessageContaining("plan abababababab")
        .hasMessageContaining("hasnctl unlock " + byA.id());
    a.unlock(byA.id());
    LockInfo byB = b.lock(info("bob", "/tmp/cluster.yaml"));

    assertThat(byB.id()).isNotEqualTo(byA.id());
    assertThat(a.holder()).hasValue(byB);
  }

  @Test
  void aForceUnlockNeedsTheHeldLocksId() {
    ClusterState gone = client();
    ClusterState admin = client();
    LockInfo stale = gone.lock(info("alice", "/home/alice/hasn/cluster.yaml"));

    assertThatThrownBy(() -> admin.unlock("not-" + stale.id()))
        .hasMessageContaining("does not match the lock held")
        .hasMessageContaining("nothing was released");
    assertThat(admin.holder()).hasValue(stale);
    admin.unlock(stale.id());

    assertThat(admin.holder()).isEmpty();
    assertThatThrownBy(() -> admin.unlock(stale.id())).hasMessageContaining("is not locked");
    admin.lock(info("carol", "/srv/cluster.yaml"));
  }

  @Test
  void theJournalIsKeptOnTheEmsForEveryClient() {
    Journal.begin(client().journal(), "f".repeat(64), Instant.EPOCH);

    JournalState seen = Journal.read(client().journal());

    assertThat(seen.fingerprint()).hasValue("f".repeat(64));
    assertThat(client().journal().where()).isEqualTo("/var/lib/hasnctl/journal.jsonl on ems01");
  }
}
