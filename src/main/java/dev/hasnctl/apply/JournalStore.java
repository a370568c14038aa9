package dev.hasnctl.apply;

import java.util.List;

/**
 * Where a journal's lines are kept. Contract: {@link #append} returns only once the line is stored
 * (a crash afterwards keeps it); {@link #lines} may end with a line cut short by a crash; the store
 * is used from several threads, one call at a time (the journal serialises them).
 */
public interface JournalStore {
  /** Replaces whatever the store held with the single line {@code first}. */
  void start(String first);

  /** Adds {@code line} at the end, durably. */
  void append(String line);

  /** Every line, oldest first; empty when there is no journal. */
  List<String> lines();

  /** Where the journal is, for messages, e.g. {@code /var/lib/hasnctl/journal.jsonl on ems01}. */
  String where();
}
