package dev.hasnctl.cli;

import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.plan.WhatIf;
import dev.hasnctl.spec.ServiceNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code hasnctl whatif SN SPEC} / {@code hasnctl whatif --all SPEC}: the cost of an SN's death.
 */
@Command(
    name = "whatif",
    mixinStandardHelpOptions = true,
    description = {
      "Say what each SN's death would cost today: which of its nodes keep NFS through their "
          + "replica, what they lose until a failover, and every single point of failure. Read-only."
    },
    footer = {"", "Exit codes: 0 no single point of failure, 1 error, 2 some found."})
final class WhatIfCommand implements Callable<Integer> {
  @Spec private CommandSpec command;

  @Parameters(
      arity = "1..2",
      paramLabel = "[SN] SPEC",
      description = "An SN (or --all) and the spec.")
  private List<String> args = new ArrayList<>();

  @Option(names = "--all", description = "Every service node.")
  private boolean all;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (${DEFAULT-VALUE}).")
  private String format;

  @Mixin private TargetOptions target;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    if (all != (args.size() == 1)) {
      throw new CliFailure("give either SN SPEC or --all SPEC");
    }
    if (!format.equals("text") && !format.equals("json")) {
      throw new CliFailure("--format must be text or json, not " + format);
    }
    Path specFile = Path.of(args.get(args.size() - 1));
    try (Session session = Session.open(specFile, target, err)) {
      List<HostName> sns = new ArrayList<>();
      if (all) {
        session.spec.serviceNodes().stream().map(ServiceNode::name).forEach(sns::add);
      } else {
        String sn = args.get(0);
        if (session.spec.serviceNode(sn).isEmpty()) {
          throw new CliFailure(sn + " is not a service node of " + specFile);
        }
        sns.add(HostName.of(sn));
      }
      Map<ResourceId, Observed> observed = session.probe.observe(session.desired).resources();
      List<WhatIf.Death> deaths = new ArrayList<>();
      sns.forEach(sn -> deaths.add(WhatIf.of(session.spec, session.desired, observed, sn)));
      List<String> spofs = WhatIf.singlePointsOfFailure(session.spec, session.desired, observed);
      if (format.equals("json")) {
        out.print(json(deaths, spofs));
      } else {
        text(out, deaths, spofs);
      }
      out.flush();
      return spofs.isEmpty() ? ExitCodes.OK : ExitCodes.CHANGES;
    }
  }

  private static void text(PrintWriter out, List<WhatIf.Death> deaths, List<String> spofs) {
    for (WhatIf.Death death : deaths) {
      out.println("If " + death.sn() + " dies now:");
      if (death.groups().isEmpty()) {
        out.println("  it serves no compute nodes.");
      }
      for (WhatIf.GroupFate fate : death.groups()) {
        out.println(
            "  "
                + fate.group()
                + " "
                + fate.nodes()
                + " ("
                + fate.count()
                + " nodes): "
                + (fate.keepsNfs()
                    ? "keep NFS through " + fate.to()
                    : "HANG: no working replica on " + fate.to()));
        fate.why().forEach(w -> out.println("      " + w));
        if (!fate.losesUntilFailover().isEmpty()) {
          out.println(
              "    lose until hasnctl failover "
                  + death.sn()
                  + ": "
                  + String.join(", ", fate.losesUntilFailover()));
        }
      }
      out.println();
    }
    if (spofs.isEmpty()) {
      out.println("No single point of failure found.");
    } else {
      out.println("Single points of failure:");
      spofs.forEach(s -> out.println("  - " + s));
    }
  }

  private static String json(List<WhatIf.Death> deaths, List<String> spofs) {
    JsonMapper mapper = JsonMapper.builder().build();
    ObjectNode root = mapper.createObjectNode();
    ArrayNode list = root.putArray("deaths");
    for (WhatIf.Death death : deaths) {
      ObjectNode d = list.addObject();
      d.put("sn", death.sn().value());
      ArrayNode groups = d.putArray("groups");
      for (WhatIf.GroupFate fate : death.groups()) {
        ObjectNode g = groups.addObject();
        g.put("group", fate.group());
        g.put("nodes", fate.nodes());
        g.put("count", fate.count());
        g.put("failsOverTo", fate.to().value());
        g.put("keepsNfs", fate.keepsNfs());
        fate.why().forEach(g.putArray("why")::add);
        fate.losesUntilFailover().forEach(g.putArray("losesUntilFailover")::add);
      }
    }
    spofs.forEach(root.putArray("singlePointsOfFailure")::add);
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }
}
