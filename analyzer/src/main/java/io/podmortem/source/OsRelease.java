package io.podmortem.source;

import io.podmortem.model.SourceRef;
import java.util.Map;

/** The fields of an os-release file (or of a grep of it), unquoted, with the line each came from. */
public record OsRelease(Map<String, String> fields, Map<String, SourceRef> refs) {
  public OsRelease {
    fields = Map.copyOf(fields);
    refs = Map.copyOf(refs);
  }

  public String get(String key) {
    return fields.get(key);
  }

  public SourceRef ref(String key) {
    return refs.get(key);
  }
}
