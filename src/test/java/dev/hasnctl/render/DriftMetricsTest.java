package dev.hasnctl.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.plan.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftMetricsTest {
  private static final Instant AT = Instant.parse("2026-11-29T12:00:00Z");

  @Test
  void aMatchingClusterReportsZeroDriftAndEveryActionAtZero() {
    Plan plan = new Plan("cluster.yaml", AT, "f", List.of(), List.of());

    String metrics = DriftMetrics.of("cluster.yaml", plan, AT, Duration.ofMillis(1250));

    assertThat(metrics)
        .contains("hasnctl_drift_detected{spec=\"cluster.yaml\"} 0\n")
        .contains("hasnctl_drift_changes{spec=\"cluster.yaml\",action=\"unknown\"} 0\n")
        .contains(
            "hasnctl_drift_last_run_timestamp_seconds{spec=\"cluster.yaml\"} 1795953600.000\n")
        .contains("hasnctl_drift_run_duration_seconds{spec=\"cluster.yaml\"} 1.250\n")
        .doesNotContain("hasnctl_drift_resources{");
  }

  @Test
  void labelValuesAreEscapedAsTheExpositionFormatRequires() {
    assertThat(DriftMetrics.escape("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
    assertThat(DriftMetrics.failed("my \"spec\".yaml", AT, Duration.ZERO))
        .contains("hasnctl_drift_success{spec=\"my \\\"spec\\\".yaml\"} 0\n");
  }
}
