package io.podmortem.model;

import java.util.List;

/**
 * How one part of the bundle was read.
 *
 * @param entry the entry name, with {@code :line} where a transcript segment starts
 * @param format what the sniffer recognised, such as {@code ps-forest}, or {@code unknown}
 * @param reason why it was taken as that: the evidence its recognizer found, or what it is when it is not read
 * @param command the command that produced it, where a transcript or manifest says
 */
public record SourceInfo(String entry, int line, String format, String reason, String command, int lines,
    List<ParseIssue> issues) {
  public SourceInfo {
    issues = List.copyOf(issues);
  }
}
