package dev.hasnctl.apply;

import java.time.Instant;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who holds a cluster's apply lock: the id that releases it, the user and machine running hasnctl,
 * the spec (absolute path and SHA-256), the plan's fingerprint and since when.
 */
public record LockInfo(
    String id,
    String who,
    String from,
    String spec,
    String specSha256,
    String plan,
    Instant since) {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** The lock as one JSON line, as it is stored on the EMS. */
  String toJson() {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", id);
    node.put("who", who);
    node.put("from", from);
    node.put("spec", spec);
    node.put("specSha256", specSha256);
    node.put("plan", plan);
    node.put("since", since.toString());
    return MAPPER.writeValueAsString(node);
  }

  /** The lock stored as {@code json}; empty when it is not a lock record (cut short, edited). */
  static Optional<LockInfo> parse(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      return Optional.of(
          new LockInfo(
              node.path("id").asString(""),
              node.path("who").asString(""),
              node.path("from").asString(""),
              node.path("spec").asString(""),
              node.path("specSha256").asString(""),
              node.path("plan").asString(""),
              Instant.parse(node.path("since").asString(""))));
    } catch (JacksonException | java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** One line for messages. */
  public String describe() {
    return "lock "
        + id
        + " held by "
        + who
        + " on "
        + from
        + " since "
        + since
        + " for "
        + spec
        + (plan.isEmpty() ? "" : ", plan " + plan.substring(0, Math.min(12, plan.length())));
  }
}
