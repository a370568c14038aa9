package dev.hasnctl.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The YAML import writes: the library's values, the example's layout, comments where asked. */
class SpecWriterTest {
  private static Map<String, Object> tree() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("version", 1);
    tree.put("name", "p7hpc");
    tree.put("site", Map.of("useNFSv4onAIX", "yes"));
    tree.put("pairs", List.of(List.of("sn01", "sn02"), List.of("sn03", "sn04")));
    Map<String, Object> teal = new LinkedHashMap<>();
    teal.put("node", "util01");
    teal.put("password", "env:XCATDB_PASSWORD");
    tree.put("teal", teal);
    return tree;
  }

  @Test
  void writesSchemaLineHeaderSectionsAndCommentsAboveTheirKeys() {
    String text =
        SpecWriter.write(
            "../schema/cluster.schema.json",
            List.of("Imported by hasnctl 1.0 from local."),
            tree(),
            Map.of("/teal/password", List.of("A reference, never the password.")));

    assertThat(text)
        .isEqualTo(
            """
            # yaml-language-server: $schema=../schema/cluster.schema.json
            #
            # Imported by hasnctl 1.0 from local.
            version: 1
            name: p7hpc

            site:
              useNFSv4onAIX: "yes"

            pairs:
              - [sn01, sn02]
              - [sn03, sn04]

            teal:
              node: util01
              # A reference, never the password.
              password: env:XCATDB_PASSWORD
            """);
  }

  @Test
  void whatItWritesReadsBackToTheSameValues() {
    String text = SpecWriter.write("s.json", List.of(), tree(), Map.of());

    YamlReader.Result read = YamlReader.read(text, "x.yaml");

    assertThat(read.problems()).isEmpty();
    assertThat(read.tree().orElseThrow().get("pairs").get(1).get(0).asString()).isEqualTo("sn03");
    assertThat(read.tree().orElseThrow().get("site").get("useNFSv4onAIX").asString())
        .isEqualTo("yes");
  }
}
