package io.podmortem.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podmortem.model.Container;
import io.podmortem.model.DriftEntry;
import io.podmortem.model.Node;
import io.podmortem.model.Process;
import io.podmortem.model.ProcessKind;
import io.podmortem.model.RuntimeState;
import io.podmortem.model.SourceRef;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One sorted list of what happened on the node: container and process starts, container ends, file changes in
 * upper dirs, and the collection itself, each with its time relative to the snapshot.
 */
final class Timeline {
  /**
   * One event. {@code kind} names what happened, for a reader of the JSON and for grouping; {@code subject} is what
   * it happened to (a process's PID, a file's path) where events of one kind may share everything else.
   */
  private record Event(Instant at, String kind, String subject, String what, String container, SourceRef ref) {}

  private Timeline() {}

  static ArrayNode build(Node n) {
    List<Event> events = new ArrayList<>();
    for (Container c : n.containers()) {
      String who = c.containerName() != null ? c.containerName() : c.name() != null ? c.name() : c.shortId();
      RuntimeState s = c.state();
      SourceRef at = first(c.evidence().of("status"));
      if (s != null) {
        add(events, s.createdAt(), "container-created", null, "container " + who + " created", c.shortId(), at);
        add(events, s.startedAt(), "container-started", null, "container " + who + " started", c.shortId(), at);
        add(events, s.finishedAt(), "container-finished", null, "container " + who + " finished"
            + (s.exitCode() == null ? "" : " with exit code " + s.exitCode()) + (s.oomKilled() ? ", OOM-killed" : ""),
            c.shortId(), at);
      }
      for (Process p : n.processesOf(c)) {
        add(events, p.startedAt(), "process-started", p.pid() == null ? null : String.valueOf(p.pid()),
            "process " + (p.pid() == null ? "" : p.pid() + " ") + p.command() + " started", c.shortId(),
            first(p.evidence().of("startedAt")));
      }
      if (c.rootfs().drift() != null) {
        List<DriftEntry> files = c.rootfs().drift().all().isEmpty() ? c.rootfs().drift().notable()
            : c.rootfs().drift().all();
        for (DriftEntry e : files) {
          if (e.type() != 'd') {
            events.add(new Event(Instant.ofEpochSecond(e.mtime()), "file-" + e.change(), e.path(),
                "file " + e.path() + " " + e.change(), c.shortId(), e.ref()));
          }
        }
      }
    }
    for (Process p : n.processes()) {
      if (p.kind() == ProcessKind.SHIM) {
        add(events, p.startedAt(), "shim-started", p.pid() == null ? null : String.valueOf(p.pid()),
            "runtime shim " + (p.pid() == null ? "" : p.pid() + " ") + "started", null,
            first(p.evidence().of("startedAt")));
      }
    }
    for (io.podmortem.model.RuntimeEvent e : n.runtimeEvents()) {
      add(events, e.time(), e.kind(), null, e.what(), e.container(), e.ref());
    }
    Instant snapshot = parse(n.snapshotTime());
    if (snapshot != null) {
      events.add(new Event(snapshot, "collected", null, "bundle collected", null,
          first(n.evidence().of("snapshotTime"))));
    }
    events.sort(Comparator.comparing(Event::at).thenComparing(Event::what));
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (Event e : events) {
      ObjectNode o = out.addObject();
      o.put("time", e.at().toString());
      o.put("relative", snapshot == null ? null : relative(Duration.between(snapshot, e.at())));
      o.put("event", e.what());
      o.put("kind", e.kind());
      o.put("subject", e.subject());
      o.put("container", e.container());
      o.put("ref", e.ref() == null ? null : e.ref().toString());
    }
    return out;
  }

  /**
   * The timeline as a reader sees it: events of one container that happened at the same instant and differ only in
   * their subject share a row. A worker pool of 17 processes, started in one second, is one row that names the 17
   * PIDs; the files an install wrote in one second are one row per kind of change. Each row cites the lines of all
   * its events. The JSON keeps every event on its own.
   */
  static List<Map<String, Object>> rows(List<?> timeline) {
    List<Map<String, Object>> out = new ArrayList<>();
    int i = 0;
    while (i < timeline.size()) {
      Object time = field(timeline.get(i), "time");
      int j = i + 1;
      while (j < timeline.size() && Objects.equals(time, field(timeline.get(j), "time"))) {
        j++;
      }
      Map<String, List<Map<?, ?>>> groups = new LinkedHashMap<>();
      for (int k = i; k < j; k++) {
        if (timeline.get(k) instanceof Map<?, ?> e) {
          String key = groupKey(e);
          groups.computeIfAbsent(key == null ? "#" + k : key, x -> new ArrayList<>()).add(e);
        }
      }
      for (List<Map<?, ?>> g : groups.values()) {
        out.add(row(g));
      }
      i = j;
    }
    return out;
  }

  /** What events must share to share a row: null for one that keeps its own. */
  private static String groupKey(Map<?, ?> e) {
    if (!(e.get("kind") instanceof String kind) || !(e.get("subject") instanceof String subject)
        || !(e.get("event") instanceof String what)) {
      return null;
    }
    String container = String.valueOf(e.get("container"));
    if (kind.equals("process-started") && what.startsWith("process " + subject + " ")) {
      return "p\0" + container + "\0" + what.substring(("process " + subject + " ").length());
    }
    if (kind.startsWith("file-") && what.equals("file " + subject + " " + kind.substring(5))) {
      return "f\0" + container + "\0" + kind;
    }
    return null;
  }

  private static Map<String, Object> row(List<Map<?, ?>> g) {
    Map<?, ?> first = g.get(0);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("time", first.get("time"));
    r.put("relative", first.get("relative"));
    r.put("container", first.get("container"));
    String what = (String) first.get("event");
    if (g.size() > 1) {
      String kind = (String) first.get("kind");
      if (kind.equals("process-started")) {
        g = new ArrayList<>(g);
        g.sort(Comparator.comparingLong(e -> pid((String) e.get("subject"))));
        String rest = what.substring(("process " + first.get("subject") + " ").length());
        String command = rest.endsWith(" started") ? rest.substring(0, rest.length() - 8) : rest;
        what = g.size() + " processes started (" + join(g) + "): " + command;
      } else {
        what = g.size() + " files " + kind.substring(5) + ": " + join(g);
      }
    }
    r.put("event", what);
    List<Map<String, Object>> refs = new ArrayList<>();
    for (Map<?, ?> e : g) {
      if (e.get("ref") instanceof String ref) {
        refs.add(ref(ref));
      }
    }
    refs.sort(Comparator.comparing((Map<String, Object> m) -> (String) m.get("entry"))
        .thenComparingInt(m -> (Integer) m.get("line")));
    r.put("refs", refs);
    StringBuilder cited = new StringBuilder();
    Object prev = null;
    for (Map<String, Object> ref : refs) {
      boolean line = (Integer) ref.get("line") > 0;
      if (line && ref.get("entry").equals(prev)) {
        cited.append(',').append(ref.get("line"));
      } else {
        cited.append(cited.length() == 0 ? "" : ", ").append(ref.get("entry"));
        if (line) {
          cited.append(':').append(ref.get("line"));
        }
      }
      prev = line ? ref.get("entry") : null;
    }
    r.put("evidence", cited.length() == 0 ? null : cited.toString());
    return r;
  }

  private static String join(List<Map<?, ?>> g) {
    StringBuilder b = new StringBuilder();
    for (Map<?, ?> e : g) {
      b.append(b.length() == 0 ? "" : ", ").append(e.get("subject"));
    }
    return b.toString();
  }

  private static long pid(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /** A citation back in its parts: {@code entry:line}, or a whole entry (line 0). */
  static Map<String, Object> ref(String ref) {
    int colon = ref.lastIndexOf(':');
    int line = 0;
    String entry = ref;
    if (colon > 0 && colon < ref.length() - 1 && colon >= ref.length() - 10
        && ref.substring(colon + 1).chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      line = Integer.parseInt(ref.substring(colon + 1));
      entry = ref.substring(0, colon);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("entry", entry);
    m.put("line", line);
    return m;
  }

  private static Object field(Object event, String name) {
    return event instanceof Map<?, ?> m ? m.get(name) : null;
  }

  private static void add(List<Event> events, String time, String kind, String subject, String what,
      String container, SourceRef ref) {
    Instant at = parse(time);
    if (at != null) {
      events.add(new Event(at, kind, subject, what, container, ref));
    }
  }

  /** An instant from RFC 3339 with a zone; a time without one (a hand-captured lstart) has no place here. */
  static Instant parse(String time) {
    if (time == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(time).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** {@code -2d 3h 4m 5s} before the snapshot, {@code +5s} after, {@code 0s} at it. */
  static String relative(Duration d) {
    String sign = d.isNegative() ? "-" : d.isZero() ? "" : "+";
    long s = Math.abs(d.getSeconds());
    StringBuilder out = new StringBuilder(sign);
    long days = s / 86400;
    long hours = s % 86400 / 3600;
    long minutes = s % 3600 / 60;
    long seconds = s % 60;
    if (days > 0) {
      out.append(days).append("d ");
    }
    if (days > 0 || hours > 0) {
      out.append(hours).append("h ");
    }
    if (days > 0 || hours > 0 || minutes > 0) {
      out.append(minutes).append("m ");
    }
    return out.append(seconds).append('s').toString();
  }

  private static SourceRef first(List<SourceRef> refs) {
    return refs.isEmpty() ? null : refs.get(0);
  }
}
