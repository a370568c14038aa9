package dev.hasnctl.apply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The apply journal: one JSON object per line, appended and flushed as each step starts and ends,
 * so a crash loses nothing that ran. The first line names the plan's fingerprint; {@code apply
 * --resume} skips the steps whose last line says {@code ok}.
 *
 * <p>Lines: {@code {"plan":FINGERPRINT,"event":"begin","at":...}}, {@code
 * {"step":ID,"event":"start","host":H,"at":...}}, {@code
 * {"step":ID,"event":"end","result":"ok|failed|unreachable|not_verified","exit":N,"detail":...,"at":...}},
 * {@code {"event":"allow-disruption","nodes":RANGE,"at":...}}, {@code
 * {"step":ID,"event":"held","reason":...,"at":...}}. Commands are not journalled in full: they may
 * hold file contents; the plan has them.
 */
public final class Journal implements AutoCloseable {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final Path file;

  private Journal(Path file) {
    this.file = file;
  }

  /** Starts a new journal for the plan {@code fingerprint}, replacing an older one. */
  public static Journal begin(Path file, String fingerprint, Instant at) {
    Journal journal = new Journal(file);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, "", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the journal " + file, e);
    }
    ObjectNode line = MAPPER.createObjectNode();
    line.put("plan", fingerprint);
    line.put("event", "begin");
    line.put("at", at.toString());
    journal.append(line);
    return journal;
  }

  /** Continues the journal in {@code file}, which must be for the plan {@code fingerprint}. */
  public static Journal resume(Path file, String fingerprint) {
    String recorded = fingerprint(file);
    if (!recorded.equals(fingerprint)) {
      throw new IllegalStateException(
          "the journal "
              + file
              + " is for another plan ("
              + recorded.substring(0, 12)
              + "...); plan again and apply without --resume");
    }
    return new Journal(file);
  }

  /** The fingerprint of the plan {@code file} journals. */
  public static String fingerprint(Path file) {
    try {
      for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        JsonNode line = MAPPER.readTree(text);
        if (line.has("plan")) {
          return line.get("plan").asString();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal " + file, e);
    }
    throw new IllegalStateException("the journal " + file + " names no plan");
  }

  /** The ids of the steps this journal records as done. */
  public static Set<String> done(Path file) {
    Set<String> done = new HashSet<>();
    try {
      for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (text.isBlank()) {
          continue;
        }
        JsonNode line = MAPPER.readTree(text);
        if (line.has("step") && "end".equals(line.get("event").asString())) {
          String step = line.get("step").asString();
          if ("ok".equals(line.get("result").asString())) {
            done.add(step);
          } else {
            done.remove(step);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal " + file, e);
    } catch (tools.jackson.core.JacksonException e) {
      // A line cut short by a crash: everything before it counts, it does not.
      return done;
    }
    return done;
  }

  /**
   * Records that the admin allowed the nodes of {@code noderange} to lose NFS in this apply ({@code
   * --allow-disruption}), so a later reader knows who decided a held step could run.
   */
  public synchronized void allowedDisruption(String noderange, Instant at) {
    ObjectNode line = MAPPER.createObjectNode();
    line.put("event", "allow-disruption");
    line.put("nodes", noderange);
    line.put("at", at.toString());
    append(line);
  }

  /** Records that the plan held {@code step}, which apply therefore did not run, and why. */
  public synchronized void held(String step, String reason, Instant at) {
    ObjectNode line = MAPPER.createObjectNode();
    line.put("step", step);
    line.put("event", "held");
    line.put("reason", reason);
    line.put("at", at.toString());
    append(line);
  }

  /** Records that {@code step} starts on {@code host}. */
  public synchronized void started(String step, String host, Instant at) {
    ObjectNode line = MAPPER.createObjectNode();
    line.put("step", step);
    line.put("event", "start");
    line.put("host", host);
    line.put("at", at.toString());
    append(line);
  }

  /** Records how a step ended. */
  public synchronized void ended(StepResult result, Instant at) {
    ObjectNode line = MAPPER.createObjectNode();
    line.put("step", result.step().id());
    line.put("event", "end");
    line.put("result", result.outcome().name().toLowerCase(Locale.ROOT));
    result.exitCode().ifPresent(code -> line.put("exit", code));
    if (!result.detail().isEmpty()) {
      line.put("detail", result.detail());
    }
    line.put("at", at.toString());
    append(line);
  }

  private void append(ObjectNode line) {
    try {
      Files.writeString(
          file,
          MAPPER.writeValueAsString(line) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND,
          StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the journal " + file, e);
    }
  }

  /** The journal's file. */
  public Path file() {
    return file;
  }

  @Override
  public void close() {
    // Every line is written and synced as it is appended; nothing is buffered.
  }
}
