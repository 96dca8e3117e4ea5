package io.podmortem.assemble;

import io.podmortem.model.Evidence;
import io.podmortem.model.Process;
import io.podmortem.model.ProcessKind;
import io.podmortem.model.SourceRef;
import io.podmortem.source.PsRow;

/** A process while it is being assembled: the ps row, plus what other sources add. */
final class ProcessDraft {
  final int index;
  final PsRow row;
  ProcessKind kind;
  ShimCommand shim;
  Integer pid;
  SourceRef pidRef;
  String containerId;
  String cgroup;
  SourceRef cgroupRef;
  /** Where a cgroup (the process's own, or the tree's scope that lists it) puts it in its container; else null. */
  SourceRef containerRef;
  boolean matched;

  ProcessDraft(int index, PsRow row) {
    this.index = index;
    this.row = row;
    this.pid = row.pid();
    this.pidRef = row.pid() == null ? null : row.ref();
  }

  Process build(boolean utc) {
    Evidence ev = Evidence.builder()
        .add("command", row.ref())
        .add("user", row.ref())
        .add("state", row.ref())
        .add("pid", pidRef)
        .add("cgroup", cgroupRef)
        .add("container", containerRef)
        .add("startedAt", row.started() == null ? null : row.ref())
        .build();
    return new Process(index, row.parent(), pid, row.user(), row.stat(), row.command(), kind, containerId, cgroup,
        StartTimes.iso(row.started(), utc), ev);
  }
}
