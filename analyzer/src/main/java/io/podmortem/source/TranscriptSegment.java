package io.podmortem.source;

import io.podmortem.model.SourceRef;

/**
 * One command of a shell transcript and the output that followed it.
 *
 * @param prompt the prompt as typed: {@code noodles@udon:~$} or {@code #}
 * @param user the user the prompt names, or null ({@code #} alone implies root; see {@link #root()})
 * @param host the host the prompt names, or null
 * @param command the command line after the prompt
 * @param output the lines up to the next prompt, numbered as in the entry
 */
public record TranscriptSegment(
    SourceRef ref, String prompt, String user, String host, String cwd, String command, TextBlock output) {

  /** True when the prompt ends in {@code #}, the shell's sign of uid 0. */
  public boolean root() {
    return prompt.endsWith("#");
  }
}
