package dev.hasnctl.apply;

import dev.hasnctl.plan.Step;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The apply journal, an intent log: one JSON object per line, each stored durably before what it
 * announces happens. Before a step starts, its intent: the command, the resources that prove it
 * worked (its postcondition), the backups it will take with checksums of the content they keep, and
 * the plan's fingerprint. After it ends, how. A crash between the two leaves the step unknown,
 * which a resume settles by probing the cluster.
 *
 * <p>Lines: {@code {"event":"begin","plan":FP,"at":T}}, {@code
 * {"event":"intent","step":ID,"host":H,"attempt":N,"plan":FP,"command":SHELL,"verifies":[..],
 * "backups":[{"host","file","copy","cksum"}],"at":T}}, {@code
 * {"event":"end","step":ID,"result":"ok|already_done|failed|unreachable|not_verified|crashed",
 * "exit":N,"detail":TEXT,"at":T}}, {@code {"event":"allow-disruption","nodes":RANGE,"at":T}} and
 * {@code {"event":"held","step":ID,"reason":TEXT,"at":T}}. Thread-safe.
 */
public final class Journal {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final JournalStore store;
  private final String fingerprint;
  private final JournalState previous;

  private Journal(JournalStore store, String fingerprint, JournalState previous) {
    this.store = store;
    this.fingerprint = fingerprint;
    this.previous = previous;
  }

  /** Starts a new journal in {@code store} for the plan {@code fingerprint}, replacing any. */
  public static Journal begin(JournalStore store, String fingerprint, Instant at) {
    ObjectNode line = MAPPER.createObjectNode();
    line.put("event", "begin");
    line.put("plan", fingerprint);
    line.put("at", at.toString());
    store.start(MAPPER.writeValueAsString(line));
    return new Journal(store, fingerprint, new JournalState(Optional.of(fingerprint), Map.of()));
  }

  /** {@link #begin(JournalStore, String, Instant)} in a local file. */
  public static Journal begin(Path file, String fingerprint, Instant at) {
    return begin(new FileJournalStore(file), fingerprint, at);
  }

  /**
   * Continues the journal in {@code store}, which must be for the plan {@code fingerprint}.
   *
   * @throws IllegalStateException when there is no journal or it is for another plan
   */
  public static Journal resume(JournalStore store, String fingerprint) {
    JournalState state = read(store);
    String recorded =
        state
            .fingerprint()
            .orElseThrow(
                () -> new IllegalStateException("the journal " + store.where() + " names no plan"));
    if (!recorded.equals(fingerprint)) {
      throw new IllegalStateException(
          "the journal "
              + store.where()
              + " is for another plan ("
              + recorded.substring(0, Math.min(12, recorded.length()))
              + "...); plan again and apply without --resume");
    }
    return new Journal(store, fingerprint, state);
  }

  /** {@link #resume(JournalStore, String)} of a local file. */
  public static Journal resume(Path file, String fingerprint) {
    return resume(new FileJournalStore(file), fingerprint);
  }

  /** The ids of the steps the journal in {@code file} records as done. */
  public static Set<String> done(Path file) {
    return read(new FileJournalStore(file)).done();
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
    store.append(MAPPER.writeValueAsString(line));
  }

  /** Records that the plan held {@code step}, which apply therefore did not run, and why. */
  public synchronized void held(String step, String reason, Instant at) {
    ObjectNode line = MAPPER.createObjectNode();
    line.put("step", step);
    line.put("event", "held");
    line.put("reason", reason);
    line.put("at", at.toString());
    store.append(MAPPER.writeValueAsString(line));
  }

  /**
   * Reads what {@code store} holds. A last line cut short by a crash is ignored: everything before
   * it counts.
   */
  public static JournalState read(JournalStore store) {
    Optional<String> plan = Optional.empty();
    Map<String, Builder> steps = new LinkedHashMap<>();
    for (String text : store.lines()) {
      if (text.isBlank()) {
        continue;
      }
      JsonNode line;
      try {
        line = MAPPER.readTree(text);
      } catch (JacksonException e) {
        break;
      }
      String event = line.path("event").asString("");
      if (event.equals("begin")) {
        plan = Optional.of(line.path("plan").asString(""));
      } else if (event.equals("intent")) {
        steps.computeIfAbsent(line.path("step").asString(""), Builder::new).intent(line);
      } else if (event.equals("end")) {
        steps.computeIfAbsent(line.path("step").asString(""), Builder::new).end(line);
      }
    }
    Map<String, JournalState.StepRecord> records = new LinkedHashMap<>();
    steps.forEach((id, builder) -> records.put(id, builder.build()));
    return new JournalState(plan, records);
  }

  /** What the store held when this journal was resumed; only a begin line for a new one. */
  public JournalState previous() {
    return previous;
  }

  /** The backups an earlier attempt of {@code step} recorded, with the original checksums. */
  public List<KeptBackup> earlierBackups(String step) {
    return previous.step(step).map(JournalState.StepRecord::backups).orElse(List.of());
  }

  /** How many times {@code step} started before this run. */
  public int earlierAttempts(String step) {
    return previous.step(step).map(JournalState.StepRecord::attempts).orElse(0);
  }

  /** Records, durably, that {@code step} is about to run, and what it will keep. */
  public synchronized void intent(Step step, int attempt, List<KeptBackup> backups, Instant at) {
    ObjectNode line = MAPPER.createObjectNode();
    line.put("event", "intent");
    line.put("step", step.id());
    line.put("host", step.host().value());
    line.put("attempt", attempt);
    line.put("plan", fingerprint);
    line.put("command", step.command().toShell());
    ArrayNode verifies = line.putArray("verifies");
    step.verifies().forEach(id -> verifies.add(id.toString()));
    ArrayNode kept = line.putArray("backups");
    for (KeptBackup backup : backups) {
      ObjectNode b = kept.addObject();
      b.put("host", backup.host());
      b.put("file", backup.file());
      b.put("copy", backup.copy());
      b.put("cksum", backup.checksum());
    }
    line.put("at", at.toString());
    store.append(MAPPER.writeValueAsString(line));
  }

  /** Records how a step ended. */
  public synchronized void ended(StepResult result, Instant at) {
    ObjectNode line = MAPPER.createObjectNode();
    line.put("event", "end");
    line.put("step", result.step().id());
    line.put("result", result.outcome().name().toLowerCase(Locale.ROOT));
    result.exitCode().ifPresent(code -> line.put("exit", code));
    if (!result.detail().isEmpty()) {
      line.put("detail", result.detail());
    }
    line.put("at", at.toString());
    store.append(MAPPER.writeValueAsString(line));
  }

  /** Where the journal is kept, for messages. */
  public String where() {
    return store.where();
  }

  /** Folds one step's lines into its record. */
  private static final class Builder {
    private final String id;
    private String host = "";
    private String command = "";
    private List<String> verifies = List.of();
    private List<KeptBackup> backups = List.of();
    private int attempts;
    private JournalState.Status status = JournalState.Status.UNKNOWN;
    private String detail = "";

    Builder(String id) {
      this.id = id;
    }

    void intent(JsonNode line) {
      attempts++;
      host = line.path("host").asString("");
      command = line.path("command").asString("");
      List<String> ids = new ArrayList<>();
      line.path("verifies").forEach(v -> ids.add(v.asString()));
      verifies = ids;
      List<KeptBackup> kept = new ArrayList<>();
      line.path("backups")
          .forEach(
              b ->
                  kept.add(
                      new KeptBackup(
                          b.path("host").asString(""),
                          b.path("file").asString(""),
                          b.path("copy").asString(""),
                          b.path("cksum").asString(""))));
      if (backups.isEmpty()) {
        // The first attempt's checksums are of the content from before the apply.
        backups = kept;
      }
      status = JournalState.Status.UNKNOWN;
      detail = "";
    }

    void end(JsonNode line) {
      String result = line.path("result").asString("");
      status =
          result.equals("ok") || result.equals("already_done")
              ? JournalState.Status.DONE
              : JournalState.Status.FAILED;
      detail = line.path("detail").asString("");
    }

    JournalState.StepRecord build() {
      return new JournalState.StepRecord(
          id, host, command, verifies, backups, attempts, status, detail);
    }
  }
}
