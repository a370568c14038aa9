package dev.hasnctl.render;

import java.util.List;

/** A unified diff of two texts, as {@code diff -u} prints it, for spec edits shown to the admin. */
public final class TextDiff {
  private static final int CONTEXT = 2;

  private TextDiff() {}

  /** The diff of {@code before} and {@code after}; empty when they are equal. */
  public static String unified(String before, String after, String beforeName, String afterName) {
    List<LineDiff.Line> lines = LineDiff.between(before, after);
    StringBuilder out = new StringBuilder();
    int oldLine = 1;
    int newLine = 1;
    int i = 0;
    while (i < lines.size()) {
      if (lines.get(i).mark() == ' ') {
        oldLine++;
        newLine++;
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // Extend the hunk while changes are within 2*CONTEXT lines of each other.
      int lastChange = i;
      while (end < lines.size() && end - lastChange <= 2 * CONTEXT) {
        if (lines.get(end).mark() != ' ') {
          lastChange = end;
        }
        end++;
      }
      end = Math.min(lines.size(), lastChange + CONTEXT + 1);
      int hunkOld = oldLine - (i - start);
      int hunkNew = newLine - (i - start);
      int oldCount = 0;
      int newCount = 0;
      StringBuilder body = new StringBuilder();
      for (int k = start; k < end; k++) {
        LineDiff.Line line = lines.get(k);
        body.append(line.mark()).append(line.text()).append('\n');
        if (line.mark() != '+') {
          oldCount++;
        }
        if (line.mark() != '-') {
          newCount++;
        }
      }
      if (out.length() == 0) {
        out.append("--- ").append(beforeName).append('\n');
        out.append("+++ ").append(afterName).append('\n');
      }
      out.append("@@ -").append(hunkOld).append(',').append(oldCount);
      out.append(" +").append(hunkNew).append(',').append(newCount).append(" @@\n");
      out.append(body);
      for (int k = i; k < end; k++) {
        char mark = lines.get(k).mark();
        if (mark != '+') {
          oldLine++;
        }
        if (mark != '-') {
          newLine++;
        }
      }
      i = end;
    }
    return out.toString();
  }
}
