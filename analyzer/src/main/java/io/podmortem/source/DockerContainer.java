package io.podmortem.source;

import io.podmortem.model.SourceRef;
import java.util.List;
import java.util.Map;

/**
 * One container as {@code docker inspect} describes it: the fields podmortem reads.
 *
 * @param name the name without its leading slash
 * @param image {@code Config.Image}, the reference the container was created from
 * @param imageId the top-level {@code Image}, a {@code sha256:} ID
 * @param pid {@code State.Pid}, 0 when not running
 * @param finishedAt null for the zero time {@code 0001-01-01T00:00:00Z}
 * @param user {@code Config.User}, empty for the image's default (usually root)
 */
public record DockerContainer(
    SourceRef ref,
    String id,
    String name,
    String image,
    String imageId,
    String path,
    List<String> args,
    String status,
    boolean running,
    int pid,
    Integer exitCode,
    boolean oomKilled,
    String createdAt,
    String startedAt,
    String finishedAt,
    int restartCount,
    String cgroupParent,
    boolean privileged,
    String networkMode,
    String pidMode,
    String ipcMode,
    List<String> capAdd,
    List<String> binds,
    String user,
    List<String> env,
    Map<String, String> labels,
    String graphDriver,
    String mergedDir,
    String upperDir,
    List<String> lowerDirs,
    String engine) {
  public DockerContainer {
    args = List.copyOf(args);
    capAdd = List.copyOf(capAdd);
    binds = List.copyOf(binds);
    env = List.copyOf(env);
    labels = Map.copyOf(labels);
    lowerDirs = List.copyOf(lowerDirs);
  }

  public String label(String key) {
    return labels.get(key);
  }
}
