package dev.hasnctl.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A line diff of two small texts (files hasnctl edits), by longest common subsequence. */
final class LineDiff {
  private LineDiff() {}

  /** One line of the diff: {@code ' '} kept, {@code '-'} removed, {@code '+'} added. */
  record Line(char mark, String text) {}

  static List<Line> between(String before, String after) {
    List<String> a = lines(before);
    List<String> b = lines(after);
    int[][] common = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        common[i][j] =
            a.get(i).equals(b.get(j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<Line> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        out.add(new Line(' ', a.get(i++)));
        j++;
      } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
        out.add(new Line('-', a.get(i++)));
      } else {
        out.add(new Line('+', b.get(j++)));
      }
    }
    return out;
  }

  private static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return Arrays.asList(body.split("\n", -1));
  }
}
