package io.podmortem.explain.rules;

import io.podmortem.Samples;
import io.podmortem.assemble.NodeAssembler;
import io.podmortem.bundle.Limits;
import io.podmortem.cli.Analyzer;
import io.podmortem.explain.Analysis;
import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Finding;
import io.podmortem.model.Node;
import io.podmortem.model.SourceRef;
import io.podmortem.source.SourceReader;
import io.podmortem.source.TextBlock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Builds a rule's input the way the analyzer gets it: real outputs of one scenario folder under
 * {@code src/test/resources/nodes/<scenario>/}, each read as the bundle entry named by its path in the folder,
 * then assembled into a node.
 */
final class RuleInputs {
  static final Path NODES = Path.of("src/test/resources/nodes");

  private RuleInputs() {}

  /** The node the scenario's outputs describe. */
  static Node node(String scenario) {
    Path dir = NODES.resolve(scenario);
    SourceReader reader = new SourceReader(1 << 20);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String entry = dir.relativize(f).toString().replace('\\', '/');
        reader.read(TextBlock.of(entry, Files.readAllLines(f, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new NodeAssembler().assemble(reader.observations());
  }

  /** What a rule sees of the scenario, with no snapshot date and no knowledge-base explanations. */
  static RuleContext context(String scenario) {
    return new RuleContext(node(scenario), null, Map.of());
  }

  static List<Finding> evaluate(Rule rule, String scenario) {
    return rule.evaluate(context(scenario));
  }

  /** The whole pipeline over a folder or archive. */
  static Analysis analyze(Path bundle) {
    return new Analyzer(Limits.defaults()).analyze(bundle);
  }

  /** The whole pipeline over one of the project's samples ({@code udon}, {@code crio-cgv2}, …). */
  static Analysis sample(String name) {
    return analyze(Samples.dir().resolve(name));
  }

  /** The context the Explainer gives rules for an analysis: its node, its date and its explanations. */
  static RuleContext context(Analysis a) {
    return new RuleContext(a.node(), a.snapshotDate(), a.explanations());
  }

  static RuleContext context(Analysis a, LocalDate date) {
    return new RuleContext(a.node(), date, a.explanations());
  }

  static List<Finding> findings(Analysis a, String id) {
    return a.findings().stream().filter(f -> f.id().equals(id)).toList();
  }

  static SourceRef ref(String entry, int line) {
    return new SourceRef(entry, line);
  }

  /**
   * Copies a sample collector bundle into {@code dir}, edits one output and records the edited output's sha256 in
   * the copy's manifest, as if the collector had captured the edited bytes.
   */
  static Path copyEditing(String sample, Path dir, String entry, UnaryOperator<String> edit) {
    Path from = Samples.dir().resolve(sample);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path to = dir.resolve(from.relativize(f).toString());
        Files.createDirectories(to.getParent());
        Files.copy(f, to);
      }
      Path target = dir.resolve(entry);
      byte[] before = Files.readAllBytes(target);
      String edited = edit.apply(new String(before, StandardCharsets.UTF_8));
      if (edited.equals(new String(before, StandardCharsets.UTF_8))) {
        throw new IllegalStateException("the edit changed nothing in " + entry);
      }
      byte[] after = edited.getBytes(StandardCharsets.UTF_8);
      Files.write(target, after);
      Path manifest = dir.resolve("manifest.json");
      String m = Files.readString(manifest);
      Files.writeString(manifest, m.replace(sha256(before), sha256(after)));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code text} with {@code old} replaced once, failing loudly when it is absent or not unique. */
  static String replaceOnce(String text, String old, String replacement) {
    int at = text.indexOf(old);
    if (at < 0 || text.indexOf(old, at + 1) >= 0) {
      throw new IllegalStateException((at < 0 ? "absent: " : "not unique: ") + old);
    }
    return text.substring(0, at) + replacement + text.substring(at + old.length());
  }

  /** {@code text} with the first {@code old} after {@code anchor} replaced; fails when either is absent. */
  static String replaceAfter(String text, String anchor, String old, String replacement) {
    int from = text.indexOf(anchor);
    int at = from < 0 ? -1 : text.indexOf(old, from);
    if (at < 0) {
      throw new IllegalStateException("absent: " + anchor + " … " + old);
    }
    return text.substring(0, at) + replacement + text.substring(at + old.length());
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
