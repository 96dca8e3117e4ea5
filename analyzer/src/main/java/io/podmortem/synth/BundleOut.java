package io.podmortem.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes each output to a scratch folder while hashing it, then tars them behind manifest.json, which must come
 * first and so can only be written once every sha256 is known, in the collector's entry order ({@link
 * ChainOrder}), whatever order they were written in. Nothing is held in memory but the manifest and the names.
 */
final class BundleOut implements AutoCloseable {
  /** Writes one output's text. */
  interface Body {
    void write(Writer w) throws IOException;
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path scratch;
  private final List<Map<String, Object>> commands = new ArrayList<>();
  private final List<String> entries = new ArrayList<>();

  BundleOut(Path scratch) {
    this.scratch = scratch;
  }

  void ok(String name, List<String> argv, String entry, int durationMs, Body body) throws IOException {
    Path p = scratch.resolve(entry);
    Files.createDirectories(p.getParent());
    MessageDigest md = Hex.sha256();
    try (OutputStream os = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(p), 1 << 16), md);
        Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
      body.write(w);
    }
    Map<String, Object> c = command(name, argv, "ok");
    c.put("exitCode", 0);
    c.put("durationMs", durationMs);
    c.put("output", entry);
    c.put("sha256", java.util.HexFormat.of().formatHex(md.digest()));
    c.put("stderr", null);
    commands.add(c);
    entries.add(entry);
  }

  void ok(String name, List<String> argv, String entry, int durationMs, String text) throws IOException {
    ok(name, argv, entry, durationMs, w -> w.write(text));
  }

  void internal(String name, List<String> argv, int durationMs) {
    Map<String, Object> c = command(name, argv, "ok");
    c.put("exitCode", 0);
    c.put("durationMs", durationMs);
    c.put("output", null);
    c.put("sha256", null);
    c.put("stderr", null);
    commands.add(c);
  }

  void skip(String name, List<String> argv, String reason) {
    Map<String, Object> c = command(name, argv, "skipped");
    c.put("exitCode", null);
    c.put("durationMs", null);
    c.put("output", null);
    c.put("sha256", null);
    c.put("stderr", null);
    c.put("reason", reason);
    commands.add(c);
  }

  private static Map<String, Object> command(String name, List<String> argv, String status) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("argv", argv);
    c.put("status", status);
    return c;
  }

  static List<String> argv(String... a) {
    return Arrays.asList(a);
  }

  byte[] manifest(String host, String started, String finished) throws IOException {
    StringBuilder m = new StringBuilder();
    m.append("{\n  \"schemaVersion\": 1,\n  \"collector\": \"podmortem-collect\",\n  \"version\": \"0.1.0\",\n");
    m.append("  \"host\": ").append(JSON.writeValueAsString(host)).append(",\n");
    m.append("  \"startedAt\": \"").append(started).append("\",\n");
    m.append("  \"finishedAt\": \"").append(finished).append("\",\n");
    m.append("  \"user\": { \"uid\": 0, \"name\": \"root\" },\n");
    m.append("  \"options\": { \"maxFiles\": 200000, \"timeout\": 30, \"redact\": false, \"listings\": true },\n");
    m.append("  \"commands\": [\n");
    for (int i = 0; i < commands.size(); i++) {
      m.append("    ").append(JSON.writeValueAsString(commands.get(i))).append(i < commands.size() - 1 ? ",\n" : "\n");
    }
    m.append("  ],\n  \"warnings\": []\n}\n");
    return m.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Tars manifest.json and then every output in chain order; deterministic: fixed times and owners. */
  void finish(Path out, String host, String started, String finished, long mtime) throws IOException {
    GzipParameters gp = new GzipParameters();
    gp.setCompressionLevel(6);
    gp.setModificationTime(0);
    try (OutputStream fos = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
        GzipCompressorOutputStream gz = new GzipCompressorOutputStream(fos, gp);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      byte[] man = manifest(host, started, finished);
      tar.putArchiveEntry(entry("manifest.json", man.length, mtime));
      tar.write(man);
      tar.closeArchiveEntry();
      Path tsv = scratch.resolve("rootfs/containers.tsv");
      List<String> tsvLines = Files.exists(tsv) ? Files.readAllLines(tsv, StandardCharsets.UTF_8) : List.of();
      for (String e : ChainOrder.of(entries, tsvLines)) {
        Path p = scratch.resolve(e);
        tar.putArchiveEntry(entry(e, Files.size(p), mtime));
        Files.copy(p, tar);
        tar.closeArchiveEntry();
        Files.delete(p);
      }
      tar.finish();
    }
  }

  static TarArchiveEntry entry(String name, long size, long mtime) {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(size);
    e.setMode(0100644);
    e.setModTime(mtime * 1000);
    e.setUserId(0);
    e.setGroupId(0);
    e.setUserName("root");
    e.setGroupName("root");
    return e;
  }

  @Override
  public void close() throws IOException {
    if (Files.exists(scratch)) {
      try (Stream<Path> s = Files.walk(scratch)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
