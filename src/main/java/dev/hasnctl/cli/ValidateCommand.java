package dev.hasnctl.cli;

import dev.hasnctl.spec.Diagnostic;
import dev.hasnctl.spec.SpecLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code hasnctl validate}: schema and semantic checks of a spec, with no cluster. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a cluster spec against the schema and every rule of the HASN runbook. Needs no "
          + "cluster. Prints every problem as FILE:LINE:COL: error[RULE]: what — fix."
    },
    footer = {"", "Exit codes: 0 valid (warnings allowed unless --strict), 1 invalid."})
final class ValidateCommand implements Callable<Integer> {
  @Spec private CommandSpec command;

  @Parameters(paramLabel = "SPEC", description = "The cluster spec, e.g. cluster.yaml.")
  private Path file;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (${DEFAULT-VALUE}).")
  private OutputFormat format;

  @Option(names = "--strict", description = "Fail on warnings too.")
  private boolean strict;

  /** Output formats of validate. */
  enum OutputFormat {
    text,
    json
  }

  @Override
  public Integer call() {
    SpecLoader.Result result = SpecFiles.load(file);
    boolean ok = result.errors().isEmpty() && (!strict || result.warnings().isEmpty());
    PrintWriter out = command.commandLine().getOut();
    switch (format) {
      case text -> printText(out, result, ok);
      case json -> printJson(out, result, ok);
    }
    out.flush();
    return ok ? ExitCodes.OK : ExitCodes.ERROR;
  }

  private void printText(PrintWriter out, SpecLoader.Result result, boolean ok) {
    for (Diagnostic diagnostic : result.diagnostics()) {
      out.println(diagnostic.format());
    }
    int errors = result.errors().size();
    int warnings = result.warnings().size();
    out.println(
        file
            + ": "
            + (ok ? "valid" : "invalid")
            + " ("
            + plural(errors, "error")
            + ", "
            + plural(warnings, "warning")
            + (strict && warnings > 0 ? ", --strict" : "")
            + ")");
  }

  private void printJson(PrintWriter out, SpecLoader.Result result, boolean ok) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("file", file.toString());
    report.put("valid", ok);
    report.put("errors", result.errors().size());
    report.put("warnings", result.warnings().size());
    List<Map<String, Object>> diagnostics =
        result.diagnostics().stream().map(ValidateCommand::json).toList();
    report.put("diagnostics", diagnostics);
    out.println(
        JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build()
            .writeValueAsString(report));
  }

  private static Map<String, Object> json(Diagnostic d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("severity", d.severity().label());
    out.put("rule", d.rule());
    out.put("file", d.position().file());
    out.put("line", d.position().line());
    out.put("column", d.position().column());
    out.put("pointer", d.pointer());
    out.put("message", d.message());
    out.put("fix", d.fix());
    return out;
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
