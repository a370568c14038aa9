package dev.hasnctl.spec;

import dev.hasnctl.spec.rule.Finding;
import dev.hasnctl.spec.rule.Rule;
import dev.hasnctl.spec.rule.Rules;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;

/**
 * Turns the bytes of a {@code cluster.yaml} into a {@link ClusterSpec} and every problem found in
 * it: encoding, YAML syntax, schema, then the semantic rules. Pure: the caller reads the file.
 */
public final class SpecLoader {
  /** Largest file accepted, in bytes. */
  public static final int MAX_BYTES = YamlReader.MAX_CHARS;

  private static final AtomicBoolean PREPARING = new AtomicBoolean();

  private SpecLoader() {}

  /**
   * Starts, on another core, what loading a spec needs from the JSON libraries (the binder's
   * deserializers, the parsed schema): a fifth of a second or more in a fresh JVM, done while the
   * command line is parsed and the file read. Once per process; loading works without it.
   */
  public static void prepare() {
    if (PREPARING.compareAndSet(false, true)) {
      Thread thread =
          new Thread(
              () -> {
                Binder.prepare();
                SchemaCheck.schemaNode();
              },
              "hasnctl-prepare");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /**
   * What loading found.
   *
   * @param spec the bound spec, present whenever the file was well-formed and schema-valid, even if
   *     semantic rules found errors; check {@link #valid()} before acting on it
   * @param diagnostics every problem, errors and warnings, in file order
   */
  public record Result(
      Optional<ClusterSpec> spec, SourceMap sourceMap, List<Diagnostic> diagnostics) {
    /** Whether no error was found (warnings allowed). */
    public boolean valid() {
      return spec.isPresent() && errors().isEmpty();
    }

    /** The errors among the diagnostics. */
    public List<Diagnostic> errors() {
      return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }

    /** The warnings among the diagnostics. */
    public List<Diagnostic> warnings() {
      return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).toList();
    }
  }

  /**
   * Loads the spec in {@code content}, naming {@code fileName} in every diagnostic. Never throws:
   * should a check itself fail, that is reported as {@code internal-error}, not a stack trace.
   */
  public static Result load(byte[] content, String fileName) {
    try {
      return loadChecked(content, fileName);
    } catch (RuntimeException | StackOverflowError e) {
      return failed(
          fileName,
          "internal-error",
          "hasnctl could not check this file ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + Shown.value(e.getMessage()))
              + "); nothing was run",
          "report this with the file to the hasnctl maintainers");
    }
  }

  private static Result loadChecked(byte[] content, String fileName) {
    if (content.length > MAX_BYTES) {
      return failed(
          fileName,
          "spec-too-large",
          "the file is " + content.length + " bytes, more than the " + MAX_BYTES + " allowed",
          "a cluster spec is a few kilobytes; check that this is the right file");
    }
    String text;
    try {
      text = decode(content);
    } catch (CharacterCodingException e) {
      return notUtf8(content, fileName);
    }
    YamlReader.Result yaml = YamlReader.read(text, fileName);
    if (yaml.tree().isEmpty()) {
      return new Result(Optional.empty(), yaml.sourceMap(), yaml.problems());
    }
    JsonNode tree = yaml.tree().get();
    SourceMap sourceMap = yaml.sourceMap();
    // The schema check and the binding are each a JSON library's first use in a fresh JVM, about a
    // quarter of a second apiece: the schema is checked on another core while the tree is bound
    // and the rules run. What binding and the rules find counts only when the schema finds
    // nothing, as if they had run after it.
    CompletableFuture<List<Diagnostic>> schema =
        CompletableFuture.supplyAsync(() -> SchemaCheck.check(tree, sourceMap));
    Result bound;
    try {
      bound = bind(tree, sourceMap, fileName);
    } catch (RuntimeException | StackOverflowError e) {
      List<Diagnostic> schemaErrors = joined(schema);
      if (!schemaErrors.isEmpty()) {
        return new Result(Optional.empty(), sourceMap, schemaErrors);
      }
      throw e;
    }
    List<Diagnostic> schemaErrors = joined(schema);
    return schemaErrors.isEmpty() ? bound : new Result(Optional.empty(), sourceMap, schemaErrors);
  }

  /** What the schema check found, or what it threw, as if it had run on this thread. */
  private static List<Diagnostic> joined(CompletableFuture<List<Diagnostic>> schema) {
    try {
      return schema.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof StackOverflowError cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** The spec bound from a tree and checked by the rules, or why it cannot be bound. */
  private static Result bind(JsonNode tree, SourceMap sourceMap, String fileName) {
    ClusterSpec spec;
    try {
      spec = Binder.bind(tree);
    } catch (DatabindException e) {
      String pointer = pointerOf(e);
      return new Result(
          Optional.empty(),
          sourceMap,
          List.of(
              new Diagnostic(
                  Severity.ERROR,
                  "schema-value",
                  sourceMap.locate(pointer),
                  pointer,
                  e.getOriginalMessage(),
                  "correct the value; see schema/cluster.schema.json")));
    } catch (JacksonException e) {
      return new Result(
          Optional.empty(),
          sourceMap,
          List.of(
              new Diagnostic(
                  Severity.ERROR,
                  "schema-value",
                  Position.startOf(fileName),
                  "",
                  e.getOriginalMessage(),
                  "correct the value; see schema/cluster.schema.json")));
    }
    return new Result(Optional.of(spec), sourceMap, checkRules(spec, sourceMap));
  }

  /** Runs every semantic rule on a bound spec and places the findings in the file. */
  static List<Diagnostic> checkRules(ClusterSpec spec, SourceMap sourceMap) {
    List<Diagnostic> out = new ArrayList<>();
    for (Rule rule : Rules.all()) {
      for (Finding finding : rule.check(spec)) {
        out.add(
            new Diagnostic(
                rule.severity(),
                rule.id(),
                sourceMap.locate(finding.pointer()),
                finding.pointer(),
                finding.message(),
                finding.fix()));
      }
    }
    out.sort(
        Comparator.comparingInt((Diagnostic d) -> d.position().offset())
            .thenComparing(Diagnostic::rule));
    return List.copyOf(out);
  }

  private static String decode(byte[] content) throws CharacterCodingException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    String text = decoder.decode(ByteBuffer.wrap(content)).toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static Result notUtf8(byte[] content, String fileName) {
    int line = 1;
    int lineStart = 0;
    int bad = 0;
    while (bad < content.length) {
      int b = content[bad] & 0xff;
      int length = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
      if (length == 0 || bad + length > content.length || !validUtf8(content, bad, length)) {
        break;
      }
      if (b == '\n') {
        line++;
        lineStart = bad + 1;
      }
      bad += length;
    }
    int column =
        new String(content, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
    Position at = new Position(fileName, line, column, bad);
    return new Result(
        Optional.empty(),
        SourceMap.empty(fileName),
        List.of(
            new Diagnostic(
                Severity.ERROR,
                "not-utf8",
                at,
                "",
                String.format(
                    "byte 0x%02x at offset %d is not valid UTF-8", content[bad] & 0xff, bad),
                "save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)")));
  }

  private static boolean validUtf8(byte[] content, int start, int length) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content, start, length));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static String pointerOf(DatabindException e) {
    StringBuilder out = new StringBuilder();
    for (var reference : e.getPath()) {
      out.append('/');
      out.append(
          reference.getPropertyName() != null
              ? YamlReader.escape(reference.getPropertyName())
              : Integer.toString(reference.getIndex()));
    }
    return out.toString();
  }

  private static Result failed(String fileName, String rule, String message, String fix) {
    return new Result(
        Optional.empty(),
        SourceMap.empty(fileName),
        List.of(
            new Diagnostic(Severity.ERROR, rule, Position.startOf(fileName), "", message, fix)));
  }
}
