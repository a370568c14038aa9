package dev.hasnctl.apply;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a journal says, read back: the plan it is for and, per step it mentions, what became of it.
 *
 * @param fingerprint the plan's fingerprint; empty when there is no journal
 * @param steps every step the journal mentions, in the order they first started
 */
public record JournalState(Optional<String> fingerprint, Map<String, StepRecord> steps) {
  public JournalState {
    steps = Map.copyOf(steps);
  }

  /** What the journal knows of a step's end. */
  public enum Status {
    /** Its last end says it did what it is for (ran and verified, or found already done). */
    DONE,
    /** Its last end says it failed, was not verified, or could not be run. */
    FAILED,
    /**
     * Started, and no end follows: the apply stopped (crash, kill, Ctrl-C) while it ran, so whether
     * its command ran, and how far, is unknown.
     */
    UNKNOWN
  }

  /**
   * One step as the journal has it.
   *
   * @param command the command line as it was run
   * @param attempts how many times it was started, over every resume
   * @param detail the last end's detail (the cause of a failure, the reason it was found done)
   */
  public record StepRecord(
      String id,
      String host,
      String command,
      List<String> verifies,
      List<KeptBackup> backups,
      int attempts,
      Status status,
      String detail) {
    public StepRecord {
      verifies = List.copyOf(verifies);
      backups = List.copyOf(backups);
    }
  }

  /** The ids of the steps done. */
  public Set<String> done() {
    return ids(Status.DONE);
  }

  /** The ids of the steps started and not done: their postcondition decides on resume. */
  public Set<String> unfinished() {
    Set<String> out = ids(Status.FAILED);
    out.addAll(ids(Status.UNKNOWN));
    return out;
  }

  /** The ids of the steps whose end is unknown. */
  public Set<String> unknown() {
    return ids(Status.UNKNOWN);
  }

  /** The step {@code id}, if the journal mentions it. */
  public Optional<StepRecord> step(String id) {
    return Optional.ofNullable(steps.get(id));
  }

  private Set<String> ids(Status status) {
    Set<String> out = new TreeSet<>();
    steps.values().stream().filter(s -> s.status() == status).forEach(s -> out.add(s.id()));
    return out;
  }
}
