package dev.hasnctl.apply;

import java.util.ArrayList;
import java.util.List;

/** A journal kept in memory, for tests that crash and resume many applies. */
final class MemoryJournalStore implements JournalStore {
  private final List<String> lines = new ArrayList<>();

  @Override
  public synchronized void start(String first) {
    lines.clear();
    lines.add(first);
  }

  @Override
  public synchronized void append(String line) {
    lines.add(line);
  }

  @Override
  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public String where() {
    return "memory";
  }
}
