package dev.hasnctl.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.testing.SimClusters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PlanJsonTest {
  private static Plan examplePlan() {
    ClusterSpec spec = SimClusters.example();
    DesiredState desired = DesiredState.of(spec);
    Map<ResourceId, Observed> observed = new TreeMap<>();
    desired
        .list()
        .forEach(
            r ->
                observed.put(
                    r.id(),
                    r.checkOnly() || r.id().kind() == ResourceKind.NFS_TUNABLES
                        ? new Observed.Present(r)
                        : new Observed.Absent(r.id())));
    return Planner.plan(
        spec,
        "cluster.yaml",
        "x".getBytes(StandardCharsets.UTF_8),
        desired,
        observed,
        Instant.parse("2026-11-25T03:00:00Z"));
  }

  @Test
  void aSavedPlanReadsBackAsTheSamePlan() {
    Plan plan = examplePlan();

    Plan read = PlanJson.read(PlanJson.write(plan, pointer -> Optional.empty()));

    assertThat(read).isEqualTo(plan);
  }

  @Test
  void theJsonNamesSourcesSummaryAndArgvs() {
    String json = PlanJson.write(examplePlan(), pointer -> Optional.of("cluster.yaml:1:1"));

    assertThat(json)
        .contains("\"formatVersion\" : 1")
        .contains("\"source\" : \"cluster.yaml:1:1\"")
        .contains("\"command\" : [ \"mkdsklsnode\", \"-V\", \"-S\", \"-b\"");
  }

  @Test
  void theJsonFollowsItsPublishedSchema() throws Exception {
    JsonMapper mapper = JsonMapper.builder().build();
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(mapper.readTree(Files.readString(Path.of("schema/plan.schema.json"))));

    List<Error> errors =
        schema.validate(
            mapper.readTree(PlanJson.write(examplePlan(), p -> Optional.of("cluster.yaml:2:3"))));

    assertThat(errors).isEmpty();
  }

  @Test
  void somethingElseIsRefusedSayingWhy() {
    assertThatThrownBy(() -> PlanJson.read("[1]")).hasMessageContaining("not a plan");
    assertThatThrownBy(() -> PlanJson.read("{\"formatVersion\": 9}"))
        .hasMessageContaining("version 9");
    assertThatThrownBy(() -> PlanJson.read("{\"formatVersion\": 1}"))
        .hasMessageContaining("'changes' is missing");
  }
}
