package dev.hasnctl.plan;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Noderange;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plan's JSON form, as {@code schema/plan.schema.json} documents it: what {@code plan --out}
 * saves, {@code plan --format json} prints and {@code apply plan.json} reads back.
 */
public final class PlanJson {
  /** The version of the format; a reader refuses any other. */
  public static final int FORMAT_VERSION = 1;

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private PlanJson() {}

  /**
   * Where a saved plan was made, so that {@code apply plan.json} needs nothing else: the target it
   * probed, the spec's absolute path and the SHA-256 of its bytes.
   */
  public record Origin(String target, String specPath, String specSha256) {}

  /** The plan as a JSON document that also records where it was made. */
  public static String write(
      Plan plan, Function<String, Optional<String>> source, Optional<Origin> origin) {
    String json = write(plan, source);
    if (origin.isEmpty()) {
      return json;
    }
    ObjectNode root = (ObjectNode) MAPPER.readTree(json);
    ObjectNode saved = MAPPER.createObjectNode();
    root.properties()
        .forEach(
            e -> {
              saved.set(e.getKey(), e.getValue());
              if (e.getKey().equals("specFile")) {
                saved.put("specPath", origin.get().specPath());
                saved.put("specSha256", origin.get().specSha256());
                saved.put("target", origin.get().target());
              }
            });
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(saved) + "\n";
  }

  /** Where the saved plan {@code json} was made; empty for a plan saved without it. */
  public static Optional<Origin> origin(String json) {
    try {
      JsonNode root = MAPPER.readTree(json);
      if (root == null || !root.has("specPath") || !root.has("target")) {
        return Optional.empty();
      }
      return Optional.of(
          new Origin(text(root, "target"), text(root, "specPath"), text(root, "specSha256")));
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not a plan: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The plan as a JSON document.
   *
   * @param source where a spec pointer is in the spec file ({@code cluster.yaml:12:3}), if known
   */
  public static String write(Plan plan, Function<String, Optional<String>> source) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("specFile", plan.specFile());
    root.put("createdAt", plan.createdAt().toString());
    root.put("fingerprint", plan.fingerprint());
    summaryAndChanges(root, plan, source).put("steps", plan.steps().size());
    ArrayNode steps = root.putArray("steps");
    int number = 0;
    for (Step step : plan.steps()) {
      ObjectNode s = steps.addObject();
      s.put("number", ++number);
      s.put("id", step.id());
      s.put("host", step.host().value());
      s.put("lane", step.lane().value());
      s.put("phase", step.phase().name().toLowerCase(Locale.ROOT));
      if (!step.nodes().isEmpty()) {
        s.put("nodes", Noderange.compress(new TreeSet<>(step.nodes())));
      }
      ArrayNode argv = s.putArray("command");
      step.command().args().forEach(argv::add);
      s.put("shell", step.command().toShell());
      s.put("why", step.why());
      ArrayNode verifies = s.putArray("verifies");
      step.verifies().forEach(id -> id(verifies.addObject(), id));
      ArrayNode after = s.putArray("after");
      step.after().stream().sorted().forEach(after::add);
      if (!step.backups().isEmpty()) {
        ArrayNode backups = s.putArray("backups");
        for (Backup backup : step.backups()) {
          ObjectNode b = backups.addObject();
          b.put("file", backup.file());
          b.put("copy", backup.copy());
          if (!backup.nodes().isEmpty()) {
            b.put("nodes", Noderange.compress(new TreeSet<>(backup.nodes())));
          }
        }
      }
      step.disrupts()
          .ifPresent(
              d -> {
                ObjectNode n = s.putObject("disrupts");
                n.put("service", d.service().name().toLowerCase(Locale.ROOT));
                n.put("serviceNode", d.serviceNode().value());
                n.put("onlyWithoutReplicas", d.onlyWithoutReplicas());
              });
      step.hold()
          .ifPresent(
              h -> {
                ObjectNode n = s.putObject("hold");
                n.put("nodes", h.nodes());
                n.put("count", h.count());
                n.put("reason", h.reason());
                ArrayNode ways = n.putArray("waysOut");
                h.waysOut().forEach(ways::add);
              });
      if (!step.settle().isZero()) {
        s.put("settleSeconds", step.settle().toSeconds());
      }
    }
    if (!plan.allowedDisruption().isEmpty()) {
      root.put("allowedDisruption", plan.allowedDisruption());
    }
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  /**
   * A drift check as a JSON document: when it ran, whether the cluster drifted, and every
   * difference as in a plan (no steps: a drift check plans nothing).
   */
  public static String writeDrift(
      Plan plan, Instant checkedAt, Function<String, Optional<String>> source) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("specFile", plan.specFile());
    root.put("checkedAt", checkedAt.toString());
    root.put("fingerprint", plan.fingerprint());
    root.put("drift", plan.seen() > 0);
    summaryAndChanges(root, plan, source);
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  /** Writes the summary and the changes into {@code root}; returns the summary. */
  private static ObjectNode summaryAndChanges(
      ObjectNode root, Plan plan, Function<String, Optional<String>> source) {
    ObjectNode summary = root.putObject("summary");
    summary.put("add", plan.toAdd());
    summary.put("change", plan.toChange());
    summary.put("destroy", plan.toDestroy());
    summary.put("failedChecks", plan.failedChecks());
    summary.put("blocked", plan.blocked());
    summary.put("unhealthyNodes", plan.unhealthyNodes());
    summary.put("held", plan.held().size());
    ArrayNode changes = root.putArray("changes");
    for (Change change : plan.changes()) {
      ObjectNode c = changes.addObject();
      id(c, change.id());
      c.put("action", change.action().name().toLowerCase(Locale.ROOT));
      c.put("reason", change.reason().name().toLowerCase(Locale.ROOT));
      properties(c.putObject("before"), change.before());
      properties(c.putObject("after"), change.after());
      change.origin().ifPresent(o -> c.put("origin", o));
      change.origin().flatMap(source).ifPresent(s -> c.put("source", s));
      change.note().ifPresent(n -> c.put("note", n));
    }
    return summary;
  }

  /**
   * Reads a plan written by {@link #write}.
   *
   * @throws IllegalArgumentException saying what is wrong when the text is not such a plan
   */
  public static Plan read(String json) {
    try {
      JsonNode root = MAPPER.readTree(json);
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("not a plan: expected a JSON object");
      }
      int version = required(root, "formatVersion").asInt();
      if (version != FORMAT_VERSION) {
        throw new IllegalArgumentException(
            "plan format version " + version + " is not " + FORMAT_VERSION + "; plan again");
      }
      List<Change> changes = new ArrayList<>();
      for (JsonNode c : required(root, "changes")) {
        changes.add(
            new Change(
                id(c),
                Action.valueOf(text(c, "action").toUpperCase(Locale.ROOT)),
                ChangeReason.valueOf(text(c, "reason").toUpperCase(Locale.ROOT)),
                properties(required(c, "before")),
                properties(required(c, "after")),
                optional(c, "origin"),
                optional(c, "note")));
      }
      List<Step> steps = new ArrayList<>();
      for (JsonNode s : required(root, "steps")) {
        List<String> argv = new ArrayList<>();
        required(s, "command").forEach(a -> argv.add(a.asString()));
        List<ResourceId> verifies = new ArrayList<>();
        required(s, "verifies").forEach(v -> verifies.add(id(v)));
        Set<String> after = new TreeSet<>();
        required(s, "after").forEach(a -> after.add(a.asString()));
        Set<String> nodes =
            optional(s, "nodes").map(r -> Set.copyOf(Noderange.expand(r))).orElse(Set.of());
        List<Backup> backups = new ArrayList<>();
        JsonNode savedBackups = s.get("backups");
        if (savedBackups != null) {
          for (JsonNode b : savedBackups) {
            backups.add(
                new Backup(
                    text(b, "file"),
                    text(b, "copy"),
                    optional(b, "nodes")
                        .map(r -> Set.copyOf(Noderange.expand(r)))
                        .orElse(Set.of())));
          }
        }
        steps.add(
            new Step(
                text(s, "id"),
                HostName.of(text(s, "host")),
                HostName.of(text(s, "lane")),
                Phase.valueOf(text(s, "phase").toUpperCase(Locale.ROOT)),
                nodes,
                new Argv(argv),
                text(s, "why"),
                verifies,
                after,
                backups,
                disruption(s.get("disrupts")),
                hold(s.get("hold")),
                java.time.Duration.ofSeconds(
                    s.has("settleSeconds") ? s.get("settleSeconds").asLong() : 0)));
      }
      return new Plan(
          text(root, "specFile"),
          Instant.parse(text(root, "createdAt")),
          text(root, "fingerprint"),
          changes,
          steps,
          optional(root, "allowedDisruption").orElse(""));
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not a plan: " + e.getOriginalMessage(), e);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("not a plan: bad createdAt: " + e.getMessage(), e);
    }
  }

  private static Optional<Disruption> disruption(JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    return Optional.of(
        new Disruption(
            Disruption.Service.valueOf(text(node, "service").toUpperCase(Locale.ROOT)),
            HostName.of(text(node, "serviceNode")),
            required(node, "onlyWithoutReplicas").asBoolean()));
  }

  private static Optional<Hold> hold(JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    List<String> ways = new ArrayList<>();
    required(node, "waysOut").forEach(w -> ways.add(w.asString()));
    return Optional.of(
        new Hold(text(node, "nodes"), required(node, "count").asInt(), text(node, "reason"), ways));
  }

  private static void id(ObjectNode node, ResourceId id) {
    node.put("host", id.host().value());
    node.put("kind", id.kind().label());
    node.put("key", id.key());
  }

  private static ResourceId id(JsonNode node) {
    String label = text(node, "kind");
    ResourceKind kind =
        Arrays.stream(ResourceKind.values())
            .filter(k -> k.label().equals(label))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("not a plan: unknown kind " + label));
    return new ResourceId(HostName.of(text(node, "host")), kind, text(node, "key"));
  }

  private static void properties(ObjectNode node, Map<String, String> properties) {
    properties.forEach(node::put);
  }

  private static SortedMap<String, String> properties(JsonNode node) {
    SortedMap<String, String> out = new TreeMap<>();
    node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
    return out;
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("not a plan: '" + field + "' is missing");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    return required(node, field).asString();
  }

  private static Optional<String> optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
  }
}
