package io.podmortem.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.podmortem.bundle.Limits;
import io.podmortem.cli.Analyzer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON report matches podmortem.schema.json: for every sample, for a bundle full of markup, quotes and
 * newlines, and never once a required field is gone. A field renamed in ReportModel fails here until the schema
 * (and its schemaVersion, for consumers) follows.
 */
class JsonSchemaTest {
  private static final String SCHEMA = "/io/podmortem/report/podmortem.schema.json";
  private static final String EVIL = "<script>alert(\"1\")</script>'\"\n\t`x`${7*7}";
  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in = JsonSchemaTest.class.getResourceAsStream(SCHEMA)) {
      assertThat(in).as(SCHEMA + " on the class path").isNotNull();
      // The schema names its dialect; the registry must know it and never fetch anything.
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
    }
  }

  static Stream<String> samples() {
    return Stream.of("udon", "docker-node.tar.gz", "containerd-cgv2", "crio-cgv2");
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySample_matchesTheSchema(String sample) {
    Path path = Path.of(System.getProperty("podmortem.samples", "../samples")).resolve(sample);
    String json = jsonOf(path);
    assertThat(errors(json)).as(sample).isEmpty();
    assertThat(json).contains("\"schemaVersion\" : " + ReportModel.SCHEMA_VERSION);
  }

  @Test
  void hostileBundle_matchesTheSchema(@TempDir Path dir) throws Exception {
    Path bundle = Files.createDirectory(dir.resolve("bundle"));
    Files.writeString(bundle.resolve("ps <script>'\"x.txt"), String.join("\n",
        "    USER STAT CMD",
        "       0 Sl   /usr/bin/containerd-shim-runc-v2 -namespace moby -id "
            + "fd95c597ff3171ff110b7bf440229e76c5108d5d93be75ffeab54869df734413 -address /run/c.sock",
        "       0 Ss    \\_ /bin/sh -c \"<script>alert('1')</script>\" '\\n' <img src=x onerror=alert(2)>",
        ""));
    Files.writeString(bundle.resolve("docker-ps.txt"), String.join("\n",
        "CONTAINER ID   IMAGE          COMMAND                  CREATED      STATUS      PORTS     NAMES",
        "fd95c597ff31   evil<b>:1      \"/bin/sh -c <script>…\"   3 days ago   Up 3 days             "
            + "k8s_c<i>|x_p`o`d_ns_c2a3008c1d9895f171cd394e38656ea0_0",
        ""));
    // A collector manifest whose strings carry markup, quotes and newlines, escaped as JSON.
    String evil = jsonString(EVIL);
    Files.writeString(bundle.resolve("manifest.json"), String.join("\n",
        "{\"schemaVersion\": 1, \"collector\": \"podmortem-collect\", \"version\": " + evil + ",",
        " \"host\": " + evil + ", \"startedAt\": \"2026-11-26T21:53:02Z\", \"finishedAt\": \"2026-11-26T21:53:04Z\",",
        " \"user\": {\"uid\": 0, \"name\": " + evil + "},",
        " \"commands\": [",
        "  {\"name\": " + evil + ", \"argv\": [\"sh\", \"-c\", " + evil + "], \"status\": \"failed\", \"exitCode\": 2,"
            + " \"durationMs\": 12, \"output\": \"docker-ps.txt\", \"stderr\": " + evil + "},",
        "  {\"name\": \"crictl\", \"argv\": [\"crictl\", \"ps\"], \"status\": \"skipped\", \"reason\": " + evil + "}],",
        " \"warnings\": [" + evil + "]}",
        ""));
    String json = jsonOf(bundle);
    assertThat(json).contains("<script>alert").contains("\"collector\" : \"podmortem-collect\"")
        .contains("\"shortId\" : \"fd95c597ff31\"");
    assertThat(errors(json)).isEmpty();
  }

  @Test
  void aMissingRequiredField_isCaught() {
    ObjectNode model = ReportModel.build(new Analyzer(Limits.defaults())
        .analyze(Path.of(System.getProperty("podmortem.samples", "../samples")).resolve("udon")));
    ObjectNode container = (ObjectNode) model.withArray("containers").get(0);
    container.remove("shortId");
    container.put("shortID", "ffffffffffff");
    ((ObjectNode) model.get("node")).remove("hostname");
    model.put("schemaVersion", 2);

    List<Error> errors = errors(new Renderer().json(model));

    assertThat(errors).extracting(Error::getKeyword).contains("required", "additionalProperties", "const");
    assertThat(errors).extracting(Error::toString)
        .anyMatch(e -> e.contains("shortId"))
        .anyMatch(e -> e.contains("shortID"))
        .anyMatch(e -> e.contains("hostname"));
  }

  @Test
  void aWrongEnumOrType_isCaught() {
    ObjectNode model = ReportModel.build(new Analyzer(Limits.defaults())
        .analyze(Path.of(System.getProperty("podmortem.samples", "../samples")).resolve("udon")));
    ((ObjectNode) model.withArray("containers").get(0)).put("role", "sidecar");
    ((ObjectNode) model.withArray("pods").get(0)).put("qosClass", "burstable");
    ((ObjectNode) model.get("summary")).put("pods", "3");

    assertThat(errors(new Renderer().json(model))).extracting(Error::getKeyword).contains("enum", "type");
  }

  private static String jsonOf(Path bundle) {
    return new Renderer().json(ReportModel.build(new Analyzer(Limits.defaults()).analyze(bundle)));
  }

  private static List<Error> errors(String json) {
    return schema.validate(json, InputFormat.JSON);
  }

  private static String jsonString(String s) {
    return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(s).toString();
  }
}
