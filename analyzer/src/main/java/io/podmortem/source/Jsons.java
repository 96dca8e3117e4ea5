package io.podmortem.source;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Helpers for JSON sources. */
final class Jsons {
  private Jsons() {}

  /** A parse error's message without Jackson's source dump, with its line where known. */
  static String message(Exception e) {
    if (e instanceof JsonProcessingException j) {
      String m = j.getOriginalMessage();
      return j.getLocation() == null ? m : m + " at line " + j.getLocation().getLineNr();
    }
    return e.getMessage();
  }
}
