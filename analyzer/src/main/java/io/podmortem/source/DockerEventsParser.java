package io.podmortem.source;

import io.podmortem.model.SourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code docker events --since … --until …} in docker's default format, one event a line: the time, the
 * object's type, the action, the object's ID and its attributes.
 *
 * <p>A real sample (sos_extras on the CI's Docker node, docker 20.10):
 * <pre>
 * 2026-12-02T04:29:49.966165511Z container die 9d2c6a0e05a3…6eb9 (exitCode=3, image=pm-busybox:1.35, name=k8s_…)
 * 2026-12-02T04:29:51.358851053Z container exec_start: sleep 1000001 023a4aaee792…169b9d (execID=705a…, image=…)
 * </pre>
 * An exec's command follows its action after a colon, and may span lines (a {@code sh -c} script): a line that does
 * not start with a time continues the event before it, up to a bound.
 */
final class DockerEventsParser {
  /** Example match: {@code 2026-12-02T04:29:48.068298331Z container kill }. */
  private static final Pattern HEAD = Pattern.compile(
      "^(?<time>\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:\\d{2})) "
          + "(?<type>container|image|network|volume|daemon|plugin|node|service|secret|config) (?<action>\\S{1,64})");

  /** The object's ID and its attributes at the end. Example match: {@code  023a…9d (execID=…, image=pm-app:1)}. */
  private static final Pattern TAIL = Pattern.compile(" (?<id>[0-9a-f]{64}|[^\\s()]{1,256}) \\((?<attrs>[^()\\n]{0,8192})\\)$");

  /** How many lines one event may span (an exec's script), and how long it may be. */
  private static final int MAX_EVENT_LINES = 200;
  private static final int MAX_EVENT_CHARS = 64 << 10;

  private DockerEventsParser() {}

  /** The first non-blank line is an event of docker's default format. */
  static boolean looksLike(TextBlock t) {
    int first = t.firstNonBlank();
    return first >= 0 && HEAD.matcher(t.lines().get(first)).find();
  }

  static List<DockerEvent> parse(TextBlock t, ParseIssues issues) {
    return parse(t, issues, e -> true, Integer.MAX_VALUE);
  }

  /**
   * The events {@code keep} accepts, the last {@code max} of them: a runtime's log can hold millions, and the
   * latest are the ones nearest the incident.
   */
  static List<DockerEvent> parse(TextBlock t, ParseIssues issues, java.util.function.Predicate<DockerEvent> keep,
      int max) {
    java.util.ArrayDeque<DockerEvent> out = new java.util.ArrayDeque<>();
    int dropped = 0;
    int i = 0;
    while (i < t.size()) {
      String line = t.lines().get(i);
      Matcher head = HEAD.matcher(line);
      if (line.isBlank()) {
        i++;
        continue;
      }
      if (!head.find()) {
        issues.add(t, i, 1, "expected a docker event, got " + ParseIssues.quote(line));
        i++;
        continue;
      }
      int start = i;
      StringBuilder text = new StringBuilder(line);
      i++;
      while (i < t.size() && i - start < MAX_EVENT_LINES && text.length() < MAX_EVENT_CHARS
          && !HEAD.matcher(t.lines().get(i)).find() && !TAIL.matcher(text).find()) {
        text.append('\n').append(t.lines().get(i));
        i++;
      }
      DockerEvent e = event(head, text.toString(), t.ref(start));
      if (e == null) {
        issues.add(t, start, 1, "a docker event without its object's ID and attributes: " + ParseIssues.quote(line));
      } else if (keep.test(e)) {
        out.addLast(e);
        if (out.size() > max) {
          out.removeFirst();
          dropped++;
        }
      }
    }
    if (dropped > 0) {
      issues.add(t, 0, 0, "kept the last " + max + " events of their kinds; the " + dropped + " before them were "
          + "left out");
    }
    return new ArrayList<>(out);
  }

  /** The events a report uses: a container's exec sessions, kills, deaths and OOM kills. */
  static boolean used(DockerEvent e) {
    return e.type().equals("container") && java.util.Set.of("exec_start", "exec_die", "kill", "die", "oom")
        .contains(e.action());
  }

  private static DockerEvent event(Matcher head, String text, SourceRef ref) {
    Matcher tail = TAIL.matcher(text);
    if (!tail.find()) {
      return null;
    }
    String action = head.group("action");
    String command = null;
    if (action.endsWith(":")) {
      action = action.substring(0, action.length() - 1);
      int from = head.end() + 1;
      command = from <= tail.start() ? text.substring(from, tail.start()).strip() : "";
    }
    return new DockerEvent(head.group("time"), head.group("type"), action, command, tail.group("id"),
        attributes(tail.group("attrs")), ref);
  }

  /** {@code exitCode=3, image=pm-busybox:1.35, name=k8s_…}: a value runs to the next {@code , key=}. */
  static Map<String, String> attributes(String attrs) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?:^|, )(?<key>[\\w.\\-/]{1,256})=").matcher(attrs);
    String key = null;
    int valueStart = 0;
    while (m.find()) {
      if (key != null) {
        out.put(key, attrs.substring(valueStart, m.start()));
      }
      key = m.group("key");
      valueStart = m.end();
    }
    if (key != null) {
      out.put(key, attrs.substring(valueStart));
    }
    return out;
  }
}
