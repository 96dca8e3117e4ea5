package io.podmortem.source;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Evidence against: outputs that a node's report bundles often hold but that are no process table, tree or JSON
 * podmortem reads. sos copies {@code /proc/kallsyms} and {@code dmesg}; bundles hold logs and sysfs values. Each
 * is recognised as what it is, so that no parser misreads it (kallsyms' hex column looks like a PID column).
 */
final class NotReadFormats {
  /** A kernel symbol. Example match: {@code ffffffff81000000 T _text}, {@code ffffffffc0a01000 t foo [bar]}. */
  private static final Pattern KALLSYMS = Pattern.compile("^[0-9a-f]{8,16} [A-Za-z] \\S{1,256}( \\[\\S{1,128}\\])?$");
  /** A kernel ring buffer line. Example match: {@code [    0.000000] Linux version 6.1.0}. */
  private static final Pattern DMESG = Pattern.compile("^\\[ {0,12}\\d{1,12}\\.\\d{1,9}\\] .*");
  /**
   * A syslog or journal line. Example matches: {@code Dec  1 21:40:10 node kubelet[702]: I1201 …},
   * {@code 2026-12-01T21:40:10.475+0000 node containerd[811]: …}.
   */
  private static final Pattern LOG = Pattern.compile(
      "^(?:[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d|\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\S{0,16})"
          + " \\S{1,255} [\\w./@-]{1,64}(?:\\[\\d{1,10}\\])?: .*");
  /** A klog line (kubelet, kube-proxy). Example match: {@code I1201 21:40:10.475456     702 kubelet.go:2135] …}. */
  private static final Pattern KLOG = Pattern.compile("^[IWEF]\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{1,9} {1,12}\\d{1,10} .*");

  private record Kind(Pattern line, String what) {}

  private static final List<Kind> KINDS = List.of(
      new Kind(KALLSYMS, "a kernel symbol table (/proc/kallsyms): not read"),
      new Kind(DMESG, "the kernel's ring buffer (dmesg): not read"),
      new Kind(LOG, "a syslog or journal log: not read"),
      new Kind(KLOG, "a klog log (kubelet, kube-proxy): not read"));

  private NotReadFormats() {}

  /** The reason when most non-blank head lines are of one kind this class knows; null otherwise. */
  static String recognise(TextBlock head) {
    for (Kind k : KINDS) {
      int lines = 0;
      int hits = 0;
      for (String l : head.lines()) {
        if (l.isBlank()) {
          continue;
        }
        lines++;
        if (l.length() <= 4096 && k.line().matcher(l).matches()) {
          hits++;
        }
      }
      if (lines >= 2 && hits * 10 >= lines * 8) {
        return k.what() + " (" + hits + " of its first " + lines + " lines have that shape)";
      }
    }
    return null;
  }
}
