package io.podmortem.assemble;

import io.podmortem.model.ProcessKind;
import io.podmortem.source.ProcCgroups;
import io.podmortem.source.PsForest;
import io.podmortem.source.PsRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sorts the rows of a ps forest into kernel threads, host processes, shims and container processes. A process is
 * in a container when it descends from a runtime shim, or when its {@code /proc/<pid>/cgroup} names a container;
 * the cgroup wins, since a shim's {@code -id} names the pod's sandbox under containerd's CRI.
 */
final class ProcessAssembler {

  List<ProcessDraft> assemble(PsForest forest, Map<Integer, ProcCgroups.Located> cgroups) {
    List<ProcessDraft> out = new ArrayList<>();
    if (forest == null) {
      return out;
    }
    List<PsRow> rows = forest.rows();
    for (int i = 0; i < rows.size(); i++) {
      PsRow row = rows.get(i);
      ProcessDraft d = new ProcessDraft(i, row);
      ProcessDraft parent = row.parent() == null || row.parent() >= i ? null : out.get(row.parent());
      d.shim = ShimCommand.parse(row.command());
      if (parent != null && parent.kind == ProcessKind.KERNEL_THREAD) {
        d.kind = ProcessKind.KERNEL_THREAD;
      } else if (row.kernelThread() && (row.stat() == null || !row.stat().startsWith("Z"))) {
        d.kind = ProcessKind.KERNEL_THREAD;
      } else if (d.shim != null) {
        d.kind = ProcessKind.SHIM;
      } else if (parent != null && (parent.kind == ProcessKind.SHIM || parent.kind == ProcessKind.CONTAINER)) {
        d.kind = ProcessKind.CONTAINER;
        d.containerId = parent.kind == ProcessKind.SHIM ? parent.shim.id() : parent.containerId;
      } else {
        d.kind = ProcessKind.HOST;
      }
      ProcCgroups.Located cg = row.pid() == null ? null : cgroups.get(row.pid());
      if (cg != null) {
        d.cgroup = cg.path();
        d.cgroupRef = cg.ref();
        String id = CgroupPaths.containerId(cg.path());
        if (id != null && d.kind != ProcessKind.KERNEL_THREAD && d.kind != ProcessKind.SHIM) {
          d.kind = ProcessKind.CONTAINER;
          d.containerId = id;
          d.containerRef = cg.ref();
        }
      }
      out.add(d);
    }
    return out;
  }
}
