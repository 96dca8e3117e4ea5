package io.podmortem.wild;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podmortem.bundle.Limits;
import io.podmortem.cli.Analyzer;
import io.podmortem.explain.Analysis;
import io.podmortem.model.Container;
import io.podmortem.model.Node;
import io.podmortem.model.Pod;
import io.podmortem.model.SourceInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the analyzer over a corpus of real outputs that nobody on this project wrote, and checks the facts each
 * case's {@code case.json} states, which were derived by hand from the text alone. Cases live in
 * {@code src/test/resources/wild/<case>/} (a {@code case.json} and a {@code files/} folder of verbatim outputs) and,
 * for the shared corpus of {@code shared/wild/<folder>/}, in {@code src/test/resources/wild-shared/<folder>/case.json}.
 *
 * <p>Prints {@code wild: N/M facts right over C cases; F/T files recognised}. Every fact listed in
 * {@code wild/facts-right.txt} must stay right; rewrite that list after an improvement with
 * {@code -Dpodmortem.updateWild=true} and review the diff.
 */
class WildCorpusTest {
  static final Path OWN = Path.of("src/test/resources/wild");
  static final Path SHARED_CASES = Path.of("src/test/resources/wild-shared");
  static final Path SHARED = Path.of("../../shared/wild");
  static final Path BASELINE = OWN.resolve("facts-right.txt");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One case: its name, the folder the analyzer reads, and its expectations. */
  record Case(String name, Path files, JsonNode spec) {}

  /** One fact of one case, and whether the analyzer got it right; {@code got} says what it said instead. */
  record Fact(String caseName, String fact, boolean right, String got) {
    String key() {
      return caseName + ": " + fact;
    }
  }

  static List<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    if (Files.isDirectory(OWN)) {
      try (Stream<Path> dirs = Files.list(OWN)) {
        for (Path d : dirs.filter(p -> Files.isRegularFile(p.resolve("case.json"))).sorted().toList()) {
          out.add(new Case(d.getFileName().toString(), d.resolve("files"), read(d.resolve("case.json"))));
        }
      }
    }
    if (Files.isDirectory(SHARED_CASES) && Files.isDirectory(SHARED)) {
      try (Stream<Path> dirs = Files.list(SHARED_CASES)) {
        for (Path d : dirs.filter(p -> Files.isRegularFile(p.resolve("case.json"))).sorted().toList()) {
          String folder = d.getFileName().toString();
          out.add(new Case("shared/" + folder, SHARED.resolve(folder), read(d.resolve("case.json"))));
        }
      }
    }
    return out;
  }

  private static JsonNode read(Path p) throws IOException {
    return JSON.readTree(Files.readString(p, StandardCharsets.UTF_8));
  }

  static List<Fact> check(Case c) {
    Analysis a = new Analyzer(Limits.defaults()).analyze(c.files());
    Node n = a.node();
    List<Fact> facts = new ArrayList<>();
    JsonNode spec = c.spec();
    for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("files").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String got = n.sources().stream().filter(s -> s.entry().equals(e.getKey()) && s.line() == 0)
          .map(SourceInfo::format).findFirst().orElse("(not read)");
      facts.add(fact(c, "file " + e.getKey() + " is " + e.getValue().asText(), e.getValue().asText(), got));
    }
    for (JsonNode want : spec.path("containers")) {
      String id = want.path("id").asText();
      Container got = n.containers().stream().filter(k -> k.shortId().equals(id)).findFirst().orElse(null);
      facts.add(new Fact(c.name(), "container " + id + " exists", got != null, got == null ? "absent" : "present"));
      check(facts, c, id, "pod", want, got == null || got.pod() == null ? null : got.pod().name());
      check(facts, c, id, "namespace", want, got == null || got.pod() == null ? null : got.pod().namespace());
      check(facts, c, id, "role", want, got == null ? null : got.role().label());
      check(facts, c, id, "attempt", want, got == null || got.attempt() == null ? null : got.attempt().toString());
      check(facts, c, id, "qos", want, got == null || got.qosClass() == null ? null : got.qosClass().label());
      check(facts, c, id, "processes", want, got == null ? null : String.valueOf(got.processes().size()));
    }
    for (JsonNode want : spec.path("pods")) {
      String key = want.asText();
      boolean found = n.pods().stream().anyMatch(p -> key.equals(p.key())
          || (!key.contains("/") && key.equals(p.name())));
      facts.add(new Fact(c.name(), "pod " + key + " is known", found, found ? "known" : "absent"));
    }
    if (spec.has("processes")) {
      facts.add(fact(c, "processes", spec.get("processes").asText(), String.valueOf(n.processes().size())));
    }
    if (spec.has("podsHere")) {
      long here = n.pods().stream().filter(Pod::isHere).count();
      facts.add(fact(c, "pods of this node", spec.get("podsHere").asText(), String.valueOf(here)));
    }
    // A finding the input does not prove is a wrong fact too.
    for (JsonNode absent : spec.path("noFindings")) {
      long raised = a.findings().stream().filter(f -> f.id().equals(absent.asText())).count();
      facts.add(new Fact(c.name(), "no " + absent.asText() + " finding", raised == 0, raised + " raised"));
    }
    return facts;
  }

  private static void check(List<Fact> facts, Case c, String id, String field, JsonNode want, String got) {
    if (want.has(field)) {
      facts.add(fact(c, "container " + id + " " + field + " is " + want.get(field).asText(),
          want.get(field).asText(), got));
    }
  }

  private static Fact fact(Case c, String fact, String want, String got) {
    return new Fact(c.name(), fact, Objects.equals(want, got), String.valueOf(got));
  }

  @Test
  void everyCase_hasItsSourceAndFiles() throws IOException {
    for (Case c : cases()) {
      JsonNode source = c.spec().path("source");
      assertThat(source.path("repository").asText()).as(c.name() + " source.repository").isNotBlank();
      assertThat(source.path("ref").asText()).as(c.name() + " source.ref").isNotBlank();
      assertThat(source.path("commit").isTextual() || source.path("date").isTextual())
          .as(c.name() + " source.commit or source.date").isTrue();
      c.spec().path("files").fieldNames().forEachRemaining(f ->
          assertThat(c.files().resolve(f)).as(c.name()).isRegularFile());
    }
  }

  @Test
  void corpus_factsThatWereRight_stayRight() throws IOException {
    List<Case> cases = cases();
    List<Fact> all = new ArrayList<>();
    for (Case c : cases) {
      all.addAll(check(c));
    }
    long right = all.stream().filter(Fact::right).count();
    long files = all.stream().filter(f -> f.fact().startsWith("file ")).count();
    long filesRight = all.stream().filter(f -> f.fact().startsWith("file ") && f.right()).count();
    long sources = cases.stream().map(c -> c.spec().path("source").path("repository").asText()).distinct().count();
    System.out.printf("wild: %d/%d facts right over %d cases (%d sources); %d/%d files recognised%n", right,
        all.size(), cases.size(), sources, filesRight, files);
    Map<String, List<String>> wrong = new TreeMap<>();
    all.stream().filter(f -> !f.right()).forEach(f ->
        wrong.computeIfAbsent(f.caseName(), k -> new ArrayList<>()).add(f.fact() + " (got " + f.got() + ")"));
    wrong.forEach((k, v) -> System.out.println("  wrong in " + k + ": " + String.join("; ", v)));

    TreeSet<String> nowRight = new TreeSet<>();
    all.stream().filter(Fact::right).forEach(f -> nowRight.add(f.key()));
    if (Boolean.getBoolean("podmortem.updateWild")) {
      Files.writeString(BASELINE, String.join("\n", nowRight) + "\n", StandardCharsets.UTF_8);
    }
    TreeSet<String> before = new TreeSet<>(Files.exists(BASELINE)
        ? Files.readAllLines(BASELINE, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList()
        : List.of());
    TreeSet<String> casesRun = new TreeSet<>(cases.stream().map(Case::name).toList());
    before.removeIf(k -> !casesRun.contains(k.substring(0, k.indexOf(": "))));
    before.removeAll(nowRight);
    assertThat(before).as("facts that were right and are now wrong").isEmpty();
  }
}
