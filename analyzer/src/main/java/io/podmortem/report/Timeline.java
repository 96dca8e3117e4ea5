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
import java.util.List;

/**
 * One sorted list of what happened on the node: container and process starts, container ends, file changes in
 * upper dirs, and the collection itself, each with its time relative to the snapshot.
 */
final class Timeline {
  private record Event(Instant at, String what, String container, SourceRef ref) {}

  private Timeline() {}

  static ArrayNode build(Node n) {
    List<Event> events = new ArrayList<>();
    for (Container c : n.containers()) {
      String who = c.containerName() != null ? c.containerName() : c.name() != null ? c.name() : c.shortId();
      RuntimeState s = c.state();
      SourceRef at = first(c.evidence().of("status"));
      if (s != null) {
        add(events, s.createdAt(), "container " + who + " created", c.shortId(), at);
        add(events, s.startedAt(), "container " + who + " started", c.shortId(), at);
        add(events, s.finishedAt(), "container " + who + " finished"
            + (s.exitCode() == null ? "" : " with exit code " + s.exitCode()) + (s.oomKilled() ? ", OOM-killed" : ""),
            c.shortId(), at);
      }
      for (Process p : n.processesOf(c)) {
        add(events, p.startedAt(), "process " + (p.pid() == null ? "" : p.pid() + " ") + p.command() + " started",
            c.shortId(), first(p.evidence().of("startedAt")));
      }
      if (c.rootfs().drift() != null) {
        List<DriftEntry> files = c.rootfs().drift().all().isEmpty() ? c.rootfs().drift().notable()
            : c.rootfs().drift().all();
        for (DriftEntry e : files) {
          if (e.type() != 'd') {
            events.add(new Event(Instant.ofEpochSecond(e.mtime()), "file " + e.path() + " " + e.change(),
                c.shortId(), e.ref()));
          }
        }
      }
    }
    for (Process p : n.processes()) {
      if (p.kind() == ProcessKind.SHIM) {
        add(events, p.startedAt(), "runtime shim " + (p.pid() == null ? "" : p.pid() + " ") + "started", null,
            first(p.evidence().of("startedAt")));
      }
    }
    Instant snapshot = parse(n.snapshotTime());
    if (snapshot != null) {
      events.add(new Event(snapshot, "bundle collected", null, first(n.evidence().of("snapshotTime"))));
    }
    events.sort(Comparator.comparing(Event::at).thenComparing(Event::what));
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (Event e : events) {
      ObjectNode o = out.addObject();
      o.put("time", e.at().toString());
      o.put("relative", snapshot == null ? null : relative(Duration.between(snapshot, e.at())));
      o.put("event", e.what());
      o.put("container", e.container());
      o.put("ref", e.ref() == null ? null : e.ref().toString());
    }
    return out;
  }

  private static void add(List<Event> events, String time, String what, String container, SourceRef ref) {
    Instant at = parse(time);
    if (at != null) {
      events.add(new Event(at, what, container, ref));
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
