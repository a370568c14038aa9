package dev.hasnctl.spec.rule;

import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.Severity;
import java.util.List;

/**
 * One semantic rule of a cluster spec, drawn from the seed's warnings and ordering rules.
 *
 * <p>Contract: {@link #check} is pure and deterministic, never throws on a schema-valid spec, and
 * returns every violation it finds (not only the first), in document order. Each rule has a page
 * {@code docs/rules/<id>.md} citing the seed passage it enforces.
 */
public interface Rule {

  /** Stable kebab-case id printed in brackets, e.g. {@code dump-on-gpfs}. */
  String id();

  /** One line saying what the rule requires. */
  String summary();

  /** Whether a violation fails validation ({@code ERROR}) or only warns. */
  Severity severity();

  /** The violations of this rule in {@code spec}; empty when it holds. */
  List<Finding> check(ClusterSpec spec);
}
