package io.podmortem.assemble;

import io.podmortem.model.Evidence;
import io.podmortem.model.RootFs;
import io.podmortem.source.RootfsFact;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gives each container the root filesystem facts a transcript showed for it, found by ID prefix or name. */
final class RootfsAssembler {
  private static final java.util.regex.Pattern HEX = java.util.regex.Pattern.compile("[0-9a-f]+");

  void apply(List<RootfsFact> facts, Collection<ContainerDraft> containers) {
    // Facts come a handful per container: resolve each distinct reference once, not once per container.
    Map<String, List<ContainerDraft>> named = new HashMap<>();
    Map<ContainerDraft, List<RootfsFact>> mine = new LinkedHashMap<>();
    for (RootfsFact f : facts) {
      List<ContainerDraft> targets = named.computeIfAbsent(f.container(),
          ref -> containers.stream().filter(c -> names(c, ref, containers)).toList());
      targets.forEach(c -> mine.computeIfAbsent(c, k -> new ArrayList<>()).add(f));
    }
    mine.forEach((c, own) -> c.rootfs = build(own));
  }

  /** True when {@code ref} names this container and no other: an ID prefix of 4+ chars, or its name. */
  private static boolean names(ContainerDraft c, String ref, Collection<ContainerDraft> all) {
    if (ref.equals(c.name)) {
      return true;
    }
    if (ref.length() < 4 || !idOf(c).startsWith(ref) || !HEX.matcher(ref).matches()) {
      return false;
    }
    return all.stream().filter(o -> idOf(o).startsWith(ref)).count() == 1;
  }

  private static String idOf(ContainerDraft c) {
    return c.id != null ? c.id : c.shortId;
  }

  private static RootFs build(List<RootfsFact> facts) {
    String path = null;
    String upperDir = null;
    Integer entries = null;
    String os = null;
    String osId = null;
    String osVersion = null;
    String binary = null;
    String description = null;
    Boolean isStatic = null;
    Evidence.Builder ev = Evidence.builder();
    for (RootfsFact f : facts) {
      ev.add(f.fact(), f.ref());
      switch (f.fact()) {
        case "path" -> path = f.value();
        case "upperDir" -> upperDir = f.value();
        case "entries" -> entries = (int) Math.min(Long.parseLong(f.value()), Integer.MAX_VALUE);
        case "os" -> os = f.value();
        case "osId" -> osId = f.value();
        case "osVersion" -> osVersion = f.value();
        case "binary" -> binary = f.value();
        case "binaryDescription" -> description = f.value();
        case "staticBinary" -> isStatic = Boolean.valueOf(f.value());
        default -> { }
      }
    }
    return new RootFs(path, upperDir, entries, os, osId, osVersion, binary, description, isStatic, null, ev.build());
  }
}
