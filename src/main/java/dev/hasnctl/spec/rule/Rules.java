package dev.hasnctl.spec.rule;

import java.util.ArrayList;
import java.util.List;

/** The registry of every semantic rule, in the order their findings are reported. */
public final class Rules {
  private Rules() {}

  /** Every rule hasnctl checks. */
  public static List<Rule> all() {
    List<Rule> all = new ArrayList<>();
    all.addAll(TopologyRules.all());
    all.addAll(RoleRules.all());
    all.addAll(SiteRules.all());
    all.addAll(StorageRules.all());
    all.addAll(PathRules.all());
    all.addAll(ExportRules.all());
    all.addAll(ServiceOrderRules.all());
    all.addAll(PostscriptRules.all());
    all.addAll(ImageRules.all());
    all.addAll(ServiceRules.all());
    return List.copyOf(all);
  }
}
