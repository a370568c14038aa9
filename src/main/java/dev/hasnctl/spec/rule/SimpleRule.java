package dev.hasnctl.spec.rule;

import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.Severity;
import java.util.List;
import java.util.function.Function;

/** A rule given by its id, summary, severity and check function. */
record SimpleRule(
    String id, String summary, Severity severity, Function<ClusterSpec, List<Finding>> checker)
    implements Rule {

  static Rule error(String id, String summary, Function<ClusterSpec, List<Finding>> checker) {
    return new SimpleRule(id, summary, Severity.ERROR, checker);
  }

  static Rule warning(String id, String summary, Function<ClusterSpec, List<Finding>> checker) {
    return new SimpleRule(id, summary, Severity.WARNING, checker);
  }

  @Override
  public List<Finding> check(ClusterSpec spec) {
    return List.copyOf(checker.apply(spec));
  }
}
