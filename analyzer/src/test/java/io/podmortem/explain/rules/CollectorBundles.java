package io.podmortem.explain.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a small collector bundle folder (collector/FORMAT.md): a manifest.json and the outputs it lists, each
 * with the sha256 of its bytes. The ps table comes from the exec-zombie-dstate scenario.
 */
final class CollectorBundles {
  static final String HOSTNAME = "vm\n";

  private CollectorBundles() {}

  /** The commands array's entries, in the manifest's own one-line style. */
  static Path write(Path dir, String... extraCommands) {
    try {
      byte[] ps = Files.readAllBytes(RuleInputs.NODES.resolve("exec-zombie-dstate/ps/table.txt"));
      put(dir, "ps/table.txt", ps);
      put(dir, "host/hostname.txt", HOSTNAME.getBytes(StandardCharsets.UTF_8));
      StringBuilder commands = new StringBuilder();
      commands.append("    {\"name\":\"hostname\",\"argv\":[\"hostname\"],\"status\":\"ok\",\"exitCode\":0,"
          + "\"durationMs\":10,\"output\":\"host/hostname.txt\",\"sha256\":\""
          + RuleInputs.sha256(HOSTNAME.getBytes(StandardCharsets.UTF_8)) + "\",\"stderr\":null},\n");
      commands.append("    {\"name\":\"ps-table\",\"argv\":[\"ps\",\"-eo\",\"pid,ppid,uid,user,stat,lstart,rss,vsz,"
          + "args\",\"ww\"],\"status\":\"ok\",\"exitCode\":0,\"durationMs\":20,\"output\":\"ps/table.txt\","
          + "\"sha256\":\"" + RuleInputs.sha256(ps) + "\",\"stderr\":null}");
      for (String c : extraCommands) {
        commands.append(",\n    ").append(c);
      }
      String manifest = "{\n"
          + "  \"schemaVersion\": 1,\n"
          + "  \"collector\": \"podmortem-collect\",\n"
          + "  \"version\": \"0.1.0\",\n"
          + "  \"host\": \"vm\",\n"
          + "  \"startedAt\": \"2026-11-26T22:55:23Z\",\n"
          + "  \"finishedAt\": \"2026-11-26T22:55:25Z\",\n"
          + "  \"user\": { \"uid\": 0, \"name\": \"root\" },\n"
          + "  \"options\": { \"maxFiles\": 200000, \"timeout\": 30, \"redact\": false, \"listings\": true },\n"
          + "  \"commands\": [\n" + commands + "\n  ],\n"
          + "  \"warnings\": []\n"
          + "}\n";
      put(dir, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void put(Path dir, String entry, byte[] bytes) throws IOException {
    Path p = dir.resolve(entry);
    Files.createDirectories(p.getParent() == null ? dir : p.getParent());
    Files.write(p, bytes);
  }
}
