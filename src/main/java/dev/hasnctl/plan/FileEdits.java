package dev.hasnctl.plan;

import dev.hasnctl.model.Argv;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Atomic, loss-free file edits: the new content is written beside the file, the old content is
 * copied to {@code FILE.hasnctl.<timestamp>} unless that copy exists (a step run again keeps the
 * first one), then the new file is renamed over the old one. No step ever truncates a file it has
 * not finished writing, nor overwrites a backup.
 */
final class FileEdits {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final String stamp;

  /** Edits whose backups are stamped with {@code planned}, the plan's creation time. */
  FileEdits(Instant planned) {
    this.stamp = STAMP.format(planned);
  }

  /** The name the previous content of {@code file} is kept under. */
  String backupOf(String file) {
    return file + ".hasnctl." + stamp;
  }

  /** Replaces (or creates, when {@code exists} is false) {@code file} with {@code content}. */
  Script write(String file, String content, boolean exists) {
    Script script = new Script();
    String next = file + ".hasnctl.new";
    if (exists) {
      // Writing into a copy keeps the mode and owner of, say, an executable postscript.
      script.thenBackup(file, backupOf(file)).then(Argv.of("cp", "-p", file, next));
    }
    script.thenInto(Argv.of("printf", "%s", content), next);
    return script.then(Argv.of("mv", next, file));
  }

  /**
   * Replaces the lines of {@code file} that {@code sedExpressions} select (each {@code /RE/d} or
   * {@code s/RE/TEXT/}) and appends {@code appended} lines.
   */
  Script edit(String file, List<String> sedExpressions, List<String> appended) {
    String next = file + ".hasnctl.new";
    Script script =
        new Script().thenBackup(file, backupOf(file)).then(Argv.of("cp", "-p", file, next));
    Argv sed = Argv.of("sed");
    for (String expression : sedExpressions) {
      sed = sed.plus("-e", expression);
    }
    script.thenInto(sed.plus(file), next);
    if (!appended.isEmpty()) {
      Argv printf = Argv.of("printf", "%s\\n");
      for (String line : appended) {
        printf = printf.plus(line);
      }
      script.thenAppend(printf, next);
    }
    return script.then(Argv.of("mv", next, file));
  }

  /** A basic regular expression matching {@code literal} exactly, safe inside {@code /.../}. */
  static String literal(String literal) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if ("\\/.*[]^$".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
