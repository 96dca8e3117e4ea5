package io.podmortem.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The wire shapes of crictl's JSON, as cri-api's protobuf messages marshal them (camelCase, int64 as strings,
 * enums by name), plus the runtimes' {@code info} maps: containerd's {@code config} keeps snake_case because it is
 * the gogo struct marshalled by {@code encoding/json}. Only the fields podmortem reads are declared.
 */
final class CriWire {
  private CriWire() {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Metadata(String name, String namespace, String uid, Integer attempt) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ImageSpec(String image) {}

  /** An item of {@code crictl pods -o json}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Sandbox(String id, Metadata metadata, String state, String createdAt, Map<String, String> labels,
      Map<String, String> annotations, String runtimeHandler, SandboxLinux linux) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SandboxLinux(NamespaceHolder namespaces) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record NamespaceHolder(NamespaceOptions options) {}

  /** {@code network} is a NamespaceMode name (POD, CONTAINER, NODE, TARGET); 2017 containerd gave booleans. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record NamespaceOptions(String network, Boolean hostNetwork) {}

  /** {@code crictl inspectp}: the sandbox status plus the runtime's info map. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record SandboxInspect(Sandbox status, SandboxInfo info) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SandboxInfo(Integer pid, String image, Spec runtimeSpec) {}

  /** The OCI runtime spec inside {@code info.runtimeSpec}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Spec(Root root, Map<String, String> annotations, SpecLinux linux, Process process) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Root(String path) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SpecLinux(String cgroupsPath, List<Namespace> namespaces) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Namespace(String type, String path) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Process(User user, List<String> args) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record User(String uid, String username) {}

  /** An item of {@code crictl ps -a -o json}, and the {@code status} of {@code crictl inspect}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Container(String id, String podSandboxId, Metadata metadata, ImageSpec image, String imageRef,
      String state, String createdAt, String startedAt, String finishedAt, Integer exitCode, String reason,
      Map<String, String> labels, Map<String, String> annotations, String logPath) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ContainerInspect(Container status, ContainerInfo info) {}

  /** containerd's and CRI-O's {@code info} map for a container. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ContainerInfo(@JsonProperty("sandboxID") String sandboxId, Integer pid, String snapshotKey,
      String runtimeType, Config config, Spec runtimeSpec, Boolean privileged) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Config(ConfigLinux linux) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ConfigLinux(@JsonProperty("security_context") SecurityContext securityContext) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SecurityContext(Boolean privileged, @JsonProperty("run_as_user") Int64Value runAsUser) {}

  /** A protobuf Int64Value: a number from containerd's encoding/json, a string from protojson. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Int64Value(String value) {}
}
