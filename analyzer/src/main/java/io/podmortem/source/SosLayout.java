package io.podmortem.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a sosreport's layout says of an entry by its path alone. sos files each command's output as
 * {@code sos_commands/<plugin>/[<subdir>/]<command as a file name>}, the name made from the command line by turning
 * each run of characters other than letters, digits, {@code -}, {@code .} and {@code /} into {@code _}, and each
 * {@code /} into {@code .} (upstream {@code sos/report/plugins/__init__.py}, {@code _mangle_command}); it copies
 * files under their own paths ({@code proc/}, {@code sys/}, {@code etc/}).
 */
final class SosLayout {
  /** Example match: {@code sosreport-vm-2026-12-02-atrcxtk/sos_commands/docker/docker_ps_-a}. */
  private static final Pattern COMMAND_FILE = Pattern.compile("(?:^|/)sos_commands/[\\w.-]{1,64}/(?:[^/]{1,255}/){0,3}"
      + "(?<name>[^/]{1,255})$");
  /**
   * A copied cgroup's process list; the path below {@code sys/fs/cgroup/} is the cgroup. Example matches:
   * {@code sys/fs/cgroup/memory/kubepods/burstable/pod3f1c…/fa78…/cgroup.procs} (v1, a controller first),
   * {@code sys/fs/cgroup/kubepods.slice/kubepods-pod1b2c….slice/cgroup.procs} (v2).
   */
  private static final Pattern CGROUP_FILE = Pattern.compile("(?:^|/)sys/fs/cgroup/(?<path>(?:[^/]{1,255}/){0,32}?)"
      + "(?<file>cgroup\\.procs|tasks)$");

  /** version.txt's first line. Example match: {@code sosreport: 4.0}, {@code sosreport: 3.9.1}. */
  private static final Pattern VERSION = Pattern.compile("^sosreport: (?<version>[\\w.+~-]{1,32})$");

  private SosLayout() {}

  /** The evidence for a sosreport's {@code version.txt}: its name, and a first line naming sos's version. */
  static String versionEvidence(TextBlock t) {
    int first = t.firstNonBlank();
    boolean named = t.entry().equals("version.txt") || t.entry().endsWith("/version.txt");
    return named && first >= 0 && VERSION.matcher(t.lines().get(first).strip()).matches()
        ? "a sosreport's version.txt: its first line names the sos that wrote it" : null;
  }

  /** The version version.txt names, with its line. */
  static Observed version(TextBlock t) {
    int first = t.firstNonBlank();
    Matcher m = VERSION.matcher(t.lines().get(first).strip());
    return m.matches() ? new Observed(m.group("version"), t.ref(first)) : null;
  }

  /** The plugin a file under {@code sos_commands/} belongs to; null for any other path. */
  static String plugin(String entry) {
    Matcher m = COMMAND_FILE.matcher(entry);
    if (!m.find()) {
      return null;
    }
    String from = m.group().startsWith("/") ? m.group().substring(1) : m.group();
    String rest = from.substring("sos_commands/".length());
    return rest.substring(0, rest.indexOf('/'));
  }

  /**
   * The command line a file under {@code sos_commands/} was named after, as near as the name tells: {@code _} read
   * as a space, so {@code docker_ps_-a} gives {@code docker ps -a}. Underscores of the command itself are lost, and
   * a {@code .} may have been a {@code /}: the result is a hint for the sniffer, never evidence of what ran. Null
   * for any other path.
   */
  static String command(String entry) {
    Matcher m = COMMAND_FILE.matcher(entry);
    if (!m.find()) {
      return null;
    }
    String words = m.group("name").replace('_', ' ').trim();
    return words.isEmpty() ? null : words;
  }

  /**
   * The cgroup whose {@code cgroup.procs} or {@code tasks} file this is, as {@code /proc/<pid>/cgroup} would name
   * it; null for any other path. Under cgroup v1 the first folder is the controller's hierarchy ({@code memory},
   * {@code cpu,cpuacct}, {@code systemd}, {@code unified}), and is not part of the path.
   */
  static String cgroupOf(String entry) {
    Matcher m = CGROUP_FILE.matcher(entry);
    if (!m.find()) {
      return null;
    }
    String path = m.group("path");
    path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    int slash = path.indexOf('/');
    String first = slash < 0 ? path : path.substring(0, slash);
    if (V1_HIERARCHY.matcher(first).matches()) {
      path = slash < 0 ? "" : path.substring(slash + 1);
    }
    return "/" + path;
  }

  /** The v1 hierarchies, alone or co-mounted. Example matches: {@code memory}, {@code cpu,cpuacct}, {@code systemd}. */
  private static final Pattern V1_HIERARCHY = Pattern.compile("(?:blkio|cpu|cpuacct|cpuset|devices|freezer|hugetlb"
      + "|memory|misc|net_cls|net_prio|perf_event|pids|rdma|systemd|unified|name=systemd)"
      + "(?:,(?:blkio|cpu|cpuacct|cpuset|devices|freezer|hugetlb|memory|misc|net_cls|net_prio|perf_event|pids|rdma))*");
}
