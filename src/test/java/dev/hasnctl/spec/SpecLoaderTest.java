package dev.hasnctl.spec;

import static dev.hasnctl.spec.SpecFixtures.assertDiagnosticsMatchMarkers;
import static dev.hasnctl.spec.SpecFixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.spec.ComputeGroup.Active;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecLoaderTest {
  /** A small but complete spec: everything else comes from the seed's defaults. */
  static final String SMALL =
      """
      version: 1
      name: tiny
      ems: {name: ems01}
      site: {domain: tiny.example.com}
      sharedInstall: {gpfsCluster: snadmin, device: /dev/gpfsinstall}
      serviceNodes:
        - {name: sn01, address: 10.0.0.1}
        - {name: sn02, address: 10.0.0.2}
      pairs: [[sn01, sn02]]
      images: [{name: img}]
      groups:
        - {name: g1, nodes: "cn[01-04]", primary: sn01, backup: sn02, image: img}
      """;

  @Test
  void exampleLoadsWithoutErrors() {
    SpecLoader.Result result = load(SpecFixtures.example());
    assertThat(result.errors()).isEmpty();
    assertThat(result.spec()).isPresent();
    ClusterSpec spec = result.spec().orElseThrow();
    assertThat(spec.serviceNodes()).hasSize(4);
    assertThat(spec.groups()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(spec.teal()).isPresent();
  }

  @Test
  void smallSpecTakesTheSeedDefaults() {
    ClusterSpec spec = load(SMALL).spec().orElseThrow();
    assertThat(spec.exports().options()).containsExactly("vers=4", "rw", "noauto", "root=*");
    assertThat(spec.serviceOrder().afterGpfs()).containsExactly("rcnfs", "xcatd");
    assertThat(spec.serviceOrder().shutdownLines()).containsExactly("stopsrc -s nfsd", "exit 0");
    assertThat(spec.nfsFailover().retries()).isEqualTo(3);
    assertThat(spec.nfsFailover().timeoutTenths()).isEqualTo(1);
    assertThat(spec.statelite())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.mount()).isEqualTo("$noderes.xcatmaster:/install/statelite_data");
              assertThat(row.options()).isEqualTo("vers=4");
            });
    assertThat(spec.site().useNFSv4onAIX()).isEqualTo("yes");
    assertThat(spec.site().sharedinstall()).isEqualTo("sns");
    assertThat(spec.images().get(0).installpBundles()).containsExactly("xCATaixCN71");
    assertThat(spec.groups().get(0).active()).isEqualTo(Active.PRIMARY);
    assertThat(spec.serviceNodes().get(0).xcatmaster().value()).isEqualTo("sn01");
    assertThat(spec.sharedInstall().mountPoint().value()).isEqualTo("/install");
  }

  @Test
  void sourceMapPlacesEveryValue() {
    SpecLoader.Result result = load(SMALL);
    assertThat(result.sourceMap().locate("/groups/0/backup").toString())
        .isEqualTo("cluster.yaml:12:59");
    assertThat(result.sourceMap().key("/sharedInstall").orElseThrow().line()).isEqualTo(5);
    assertThat(result.sourceMap().locate("/groups/0/nosuchkey").line()).isEqualTo(12);
  }

  @Test
  void unknownKeysSuggestTheClosestName() {
    SpecLoader.Result result =
        assertDiagnosticsMatchMarkers(
            SMALL
                .replace("name: tiny", "name: tiny\nbogus: 1   # expect: unknown-key")
                .replace(
                    "site: {domain: tiny.example.com}",
                    "site: {domian: tiny.example.com}   # expect: unknown-key, missing-key"));
    assertThat(result.errors())
        .anySatisfy(d -> assertThat(d.fix()).isEqualTo("did you mean 'domain'?"));
  }

  @Test
  void wrongTypesAndBadNamesAreErrorsAtTheValue() {
    assertDiagnosticsMatchMarkers(
        SMALL
            .replace(
                "{name: sn01, address: 10.0.0.1}",
                "{name: \"sn01;reboot\", address: 10.0.0.1}   # expect: invalid-host-name")
            .replace("version: 1", "version: \"one\"   # expect: schema-type"));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    String yaml =
        SMALL
            .replace(
                "ems: {name: ems01}", "ems: {name: ems01, snAccess: ssh}   # expect: schema-enum")
            .replace(
                "{name: sn02, address: 10.0.0.2}",
                "{name: sn02, address: 10.0.0.300}   # expect: invalid-address")
            .replace(
                "images: [{name: img}]",
                "images: [{name: img, nfsVers: four}]   # expect: schema-type");
    assertThat(assertDiagnosticsMatchMarkers(yaml).errors()).hasSize(3);
  }

  @Test
  void duplicateKeysNameBothPlaces() {
    SpecLoader.Result result =
        assertDiagnosticsMatchMarkers(SMALL + "name: other   # expect: yaml-duplicate-key\n");
    assertThat(result.errors().get(0).message()).contains("first at line 2, column 1");
  }

  @Test
  void tabsInIndentationAreNamed() {
    SpecLoader.Result result = load("version: 1\nems:\n\tname: x\n");
    assertThat(result.errors())
        .singleElement()
        .satisfies(d -> assertThat(d.format()).startsWith("cluster.yaml:3:1: error[yaml-tab]"));
  }

  @Test
  void syntaxErrorsCarryTheirPosition() {
    SpecLoader.Result result = load("version: 1\nname: [a, b\nems: {}\n");
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule()).isEqualTo("yaml-syntax");
              assertThat(d.position().line()).isGreaterThanOrEqualTo(2);
            });
  }

  @Test
  void emptyAndCommentOnlyFilesAreRefused() {
    assertThat(load("").errors()).extracting(Diagnostic::rule).containsExactly("yaml-empty");
    assertThat(load("# nothing\n").errors())
        .extracting(Diagnostic::rule)
        .containsExactly("yaml-empty");
  }

  @Test
  void invalidUtf8IsPlacedAtTheBadByte() {
    byte[] bytes = "version: 1\nname: caf\u00e9\nems: x\n".getBytes(StandardCharsets.ISO_8859_1);
    SpecLoader.Result result = SpecLoader.load(bytes, "cluster.yaml");
    assertThat(result.errors())
        .singleElement()
        .satisfies(d -> assertThat(d.format()).startsWith("cluster.yaml:2:10: error[not-utf8]"));
  }

  @Test
  void aliasBombsAreBounded() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 8; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    SpecLoader.Result result = load(yaml.toString());
    assertThat(result.spec()).isEmpty();
    assertThat(result.errors())
        .singleElement()
        .satisfies(d -> assertThat(d.rule()).isIn("yaml-syntax", "yaml-too-large"));
  }

  @Test
  void oversizedFilesAreRefusedUnread() {
    byte[] big = new byte[SpecLoader.MAX_BYTES + 1];
    SpecLoader.Result result = SpecLoader.load(big, "cluster.yaml");
    assertThat(result.errors()).extracting(Diagnostic::rule).containsExactly("spec-too-large");
  }

  @Test
  void deepNestingIsRefused() {
    String yaml = "a: " + "[".repeat(100) + "]".repeat(100) + "\n";
    assertThat(load(yaml).errors()).extracting(Diagnostic::rule).containsExactly("yaml-too-deep");
  }

  @Test
  void thousandsOfNestedBracketsAreRefusedAtTheirPlaceNotWithAStackOverflow() {
    String yaml = "version: 1\nname: " + "[".repeat(2000) + "\n";

    List<Diagnostic> errors = load(yaml).errors();

    assertThat(errors)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule()).isEqualTo("yaml-too-deep");
              assertThat(d.format()).startsWith("cluster.yaml:2:70: error[yaml-too-deep]");
            });
  }

  @Test
  void blockNestingIsBoundedToo() {
    String yaml = "version: 1\nname:\n" + "- ".repeat(3000) + "x\n";

    assertThat(load(yaml).errors()).extracting(Diagnostic::rule).containsExactly("yaml-too-deep");
  }

  @Test
  void numbersTooLargeForAnyFieldGetARuleAndAPlace() {
    String yaml =
        SpecFixtures.example().replace("  retries: 3", "  retries: 99999999999999999999999");

    List<Diagnostic> errors = load(yaml).errors();

    assertThat(errors)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule()).isEqualTo("number-out-of-range");
              assertThat(d.position().line()).isEqualTo(lineOf(yaml, "  retries: 9"));
              assertThat(d.message()).contains("99999999999999999999999");
            });
  }

  @Test
  void versionComponentsTooLargeAreAPatternErrorNotACrash() {
    String yaml =
        SpecFixtures.example()
            .replace(
                "    xcat: 2.7.2\n    aix: 7100-01-03-1207\n    ifixes: [IV22221m03, IV27038, SF3548436]\n  serviceNodes",
                "    xcat: 2.7.99999999999\n    aix: 7100-01-03-1207\n    ifixes: [IV22221m03, IV27038, SF3548436]\n  serviceNodes");

    List<Diagnostic> errors = load(yaml).errors();

    assertThat(errors)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.format())
                  .startsWith(
                      "cluster.yaml:"
                          + lineOf(yaml, "    xcat: 2.7.9")
                          + ":11: error[schema-pattern]");
            });
  }

  @Test
  void controlCharactersAreShownEscapedAndLongValuesCut() {
    String hostile = "\\e[2J\\ncluster.yaml: valid (0 errors, 0 warnings)\\u202e";
    String yaml =
        SpecFixtures.example()
            .replace(
                "  nameservers: \"\"\n  useNFSv4onAIX",
                "  nameservers: \"" + hostile + "\"\n  useNFSv4onAIX")
            .replace("  domain: p7hpc.example.com", "  domain: " + "a".repeat(100_000));

    List<Diagnostic> errors = load(yaml).errors();

    assertThat(errors).hasSize(2);
    for (Diagnostic d : errors) {
      assertThat(d.format())
          .doesNotContain("\u001b")
          .doesNotContain("\n")
          .doesNotContain("\u202e")
          .hasSizeLessThan(600);
    }
    assertThat(errors.stream().map(Diagnostic::format).toList())
        .anySatisfy(
            line -> assertThat(line).contains("\\e[2J\\ncluster.yaml: valid").contains("\\u202e"))
        .anySatisfy(line -> assertThat(line).contains("... (100000 characters)"));
  }

  @Test
  void valuesWithThousandsOfSegmentsOrLabelsAreRefusedNotOverflowingTheMatcher() {
    String yaml =
        SpecFixtures.example()
            .replace(
                "  pagingDir: /install/paging ", "  pagingDir: " + "/install".repeat(20_000) + " ")
            .replace(
                "  gpfsCluster: snadmin.p7hpc.example.com",
                "  gpfsCluster: " + "a.".repeat(40_000) + "a")
            .replace("  domain: p7hpc.example.com", "  domain: " + "b.".repeat(40_000) + "b");

    List<Diagnostic> errors = load(yaml).errors();

    assertThat(errors)
        .extracting(Diagnostic::rule)
        .containsExactlyInAnyOrder("invalid-host-name", "schema-pattern", "invalid-path");
  }

  private static int lineOf(String yaml, String text) {
    return yaml.substring(0, yaml.indexOf(text)).split("\n", -1).length;
  }
}
