package io.podmortem.source;

/**
 * What the recognizers decided a block of text is, and why: the evidence a reader can check against the text.
 *
 * @param reason one clause, such as "its first line is a docker ps header", or "a kernel symbol table: not read"
 */
public record Recognition(Format format, String reason) {
  public static Recognition of(Format format, String reason) {
    return new Recognition(format, reason);
  }
}
