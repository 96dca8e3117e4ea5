<#ftl output_format="Markdown" strip_whitespace=true>
<#-- A value is escaped for Markdown wherever it is interpolated; ‹entry:line› cites the bundle. -->
<#macro refs list><#if list?has_content> ‹<#list list as r>${r.ref}<#sep>, </#list>›</#if></#macro>
<#macro ev obj fact><#if obj.evidence?? && obj.evidence[fact]??><@refs obj.evidence[fact]/></#if></#macro>
<#macro v x=""><#if x?has_content>${x}<#else>—</#if></#macro>
<#function podLabel c><#if c.pod?? && c.pod.name??><#return (c.pod.namespace!"?") + "/" + c.pod.name><#elseif c.pod??><#return "pod " + (c.pod.uid!"?")><#elseif c.role == "plain"><#return "(no pod)"><#else><#return "(pod not shown)"></#if></#function>
# podmortem report: ${node.hostname!"unknown node"}

<#if options.stamp??>Analysed at ${options.stamp}.

</#if>
<#if !redaction.enabled>
> **Redaction is OFF** (--no-redact): this report may contain passwords, tokens and keys.

<#elseif redaction.total gt 0>
> ${redaction.total} secret<#if redaction.total gt 1>s</#if> redacted: <#list redaction.counts as kind, n>${n} ${kind}<#sep>, </#list>. Each shows as «redacted:xxxx», the same token for the same value.

</#if>
## Summary

- **Node** ${node.hostname!"(hostname not shown)"}<@ev node "hostname"/>: ${node.processes} processes: ${node.kernelThreads} kernel threads, ${node.hostProcesses} host processes (${node.runtimeShims} of them container runtime shims), ${node.containerProcesses} processes inside containers.
- **Node name**: <#if node.name??>${node.name}<#else>unknown</#if>, since ${node.nameReason}<@ev node "nodeName"/><#list node.nameDisagreements as d> Disagreeing: ${d}.</#list>
- **Pods**: ${summary.pods} of this node, ${summary.podsWithContainers} with containers on it.<#if summary.podsOnOtherNodes gt 0> ${summary.podsOnOtherNodes} pod<#if summary.podsOnOtherNodes gt 1>s</#if> of the cluster run<#if summary.podsOnOtherNodes == 1>s</#if> on other nodes (<#list summary.otherNodes as nd, k>${nd} ${k}<#sep>, </#list>): the API lists them, and they are no concern of this node's.</#if><#if summary.unmatchedNodes?has_content> Pods on <#list summary.unmatchedNodes as nd, k>${nd} (${k})<#sep>, </#list> are not counted: which of these nodes this one is cannot be told.</#if><#if summary.podsUnscheduled?has_content> ${summary.podsUnscheduled?size} <#if summary.podsUnscheduled?size gt 1>are<#else>is</#if> not scheduled on any node yet: <#list summary.podsUnscheduled as p><#if p?index == 20>…<#break></#if>${p}<#sep>, </#list>.</#if>
- **Containers**: ${summary.containers}: ${summary.sandboxes} sandboxes and ${summary.appContainers} app containers<#if summary.otherContainers gt 0>, ${summary.otherContainers} init or ephemeral</#if><#if summary.plainContainers gt 0>, ${summary.plainContainers} not managed by Kubernetes</#if>.
<#if summary.sandboxes gt 0>
- **Why more containers than pods**: Kubernetes gives every pod one sandbox (pause) container that holds the pod's network and IPC namespaces, then starts each of the pod's app containers inside them: ${summary.sandboxes} sandboxes + ${summary.appContainers} app containers<#if summary.otherContainers gt 0> + ${summary.otherContainers} init or ephemeral</#if><#if summary.plainContainers gt 0> + ${summary.plainContainers} not managed by Kubernetes</#if> = ${summary.containers}.
</#if>
<#if summary.podsWithoutContainers?has_content>
- **Pods with no running container**: <#list summary.podsWithoutContainers as p>${p.key}<#if p.status??> (${p.status})</#if><#sep>, </#list>.
</#if>
- **QoS classes**, as the cgroup tree places the pods: <#list ["Guaranteed", "Burstable", "BestEffort"] as q>${q} ${summary.qos[q]?size}<#sep>, </#list><#if summary.qos.unknown?has_content>, unknown ${summary.qos.unknown?size}</#if>.
<#if summary.pods lte 20>
<#list ["Guaranteed", "Burstable", "BestEffort", "unknown"] as q>
<#if summary.qos[q]?has_content>
  - ${q}: <#list summary.qos[q] as p>${p}<#sep>, </#list>
</#if>
</#list>
</#if>
- **Findings**: ${summary.findings.high} high, ${summary.findings.medium} medium, ${summary.findings.low} low, ${summary.findings.info} info.
<#if node.snapshotTime??>
- **Collected** at ${node.snapshotTime} by the node's clock<@ev node "snapshotTime"/>.
</#if>
<#list missing as m>
- **Missing**: ${m}
</#list>
<#list warnings as w>
- **Warning**: ${w}
</#list>

## Containers

| container | pod | role | attempt | QoS | image | processes |
|---|---|---|---|---|---|---|
<#list containers as c>
| ${c.shortId} ${c.containerName!c.name!""} | ${podLabel(c)} | ${c.role} | <@v c.attempt/> | <@v c.qosClass/> | <@v c.image/> | ${c.processes?size} |
</#list>

## Findings

<#if findings?has_content>
| severity | id | subject | message | evidence |
|---|---|---|---|---|
<#list findings as f>
| ${f.severity} | ${f.id} | ${f.subject} | ${f.message} | <#list f.evidence as r>${r.ref}<#sep>, </#list> |
</#list>
<#else>
No findings.
</#if>

## Pods

<#list pods?filter(p -> p.placement == "this-node" || p.placement == "unknown") as p>
### ${p.namespace!"?"}/${p.name!("pod " + (p.uid!"?"))}

- UID: <@v p.uid/><@ev p "uid"/>
- Kind: <#if p.static??><#if p.static>static pod<#else>API pod</#if><#else>unknown</#if>: ${p.staticReason}
<#if p.owner??>
- Owner: ${p.owner.kind}<#if p.owner.name??> ${p.owner.name}</#if>: ${p.owner.reason}<@ev p "owner"/>
</#if>
- QoS class: <@v p.qosClass/><#if p.cgroup??>, cgroup ${p.cgroup}<#elseif p.qosReason??> (from ${p.qosReason})</#if><@ev p "qosClass"/>
<#if p.node?? && p.placement == "unknown">
- Node: ${p.node} (whether that is this node is unknown)
</#if>
- Status: <@v p.status/><#if p.ready??> (${p.ready} ready)</#if><#if p.phase??>, phase ${p.phase}</#if><@ev p "status"/>
- Containers: <#if p.containerIds?has_content><#list p.containerIds as id>${id[0..*12]}<#sep>, </#list><#else>none on this node</#if>

</#list>
## Container details

<#list containers as c>
### ${c.shortId}: ${c.containerName!c.name!"(unnamed)"} in ${podLabel(c)}

- ID: <@v c.id/><@ev c "id"/><#if c.inferred.container??> (${c.inferred.container})</#if>
- Name: <@v c.name/><@ev c "name"/>
- Role: ${c.role}<#if c.role == "sandbox">: the pod's pause container. It holds the network, IPC and UTS namespaces the app containers join, and reaps their orphaned processes.</#if><#if c.inferred.role??> (${c.inferred.role})</#if><@ev c "role"/>
<#if c.component??>
- What it is: ${c.component.name}: ${c.component.what} (recognised by ${c.component.recognisedBy})
</#if>
- Image: <@v c.image/><@ev c "image"/><#if c.imageNote??> ${c.imageNote}</#if>
- Command: <@v c.command/><@ev c "command"/>
- Attempt: <@v c.attempt/><#if c.status??>, status ${c.status}</#if><@ev c "status"/>
<#if c.state??>
- State: ${c.state.status!"?"}<#if c.state.exitCode?? && !c.state.running>, exit code ${c.state.exitCode}</#if><#if c.state.oomKilled>, OOM-killed</#if><#if c.state.startedAt??>, started ${c.state.startedAt}</#if><#if c.state.finishedAt??>, finished ${c.state.finishedAt}</#if><#if c.state.user?has_content>, user ${c.state.user}</#if>
</#if>
- QoS class: <@v c.qosClass/><#if c.inferred.qosClass??> (${c.inferred.qosClass})<@ev c "qosClass"/></#if>; cgroup: <@v c.cgroup/><@ev c "cgroup"/>
<#if c.shim??>
- Shim: <#if c.shim.pid??>pid ${c.shim.pid} </#if>${c.shim.command}<@ev c.shim "command"/>
</#if>
<#if c.processes?has_content>
- Processes (user as given, state, command):
<#list c.processRows as pr>
<#if pr.count gt 1>
${""?left_pad(2 + [pr.depth, 24]?min * 2)}- ${pr.count} × user ${pr.user!"?"} ${pr.state!""} ${pr.command} (PIDs ${pr.pids}<#if pr.startedAt??>; started ${pr.startedAt}<#if pr.startedTo??> to ${pr.startedTo}</#if></#if>)<@refs pr.refs/><#if pr.pidRefs?has_content> pid<@refs pr.pidRefs/></#if>
<#else>
${""?left_pad(2 + [pr.depth, 24]?min * 2)}- <#if pr.exec>**exec session** </#if><#if pr.pid??>${pr.pid} </#if>user ${pr.user!"?"} ${pr.state!""} ${pr.command}<#if pr.startedAt??> (started ${pr.startedAt})</#if><@ev pr "command"/><#if pr.evidence.pid?? && pr.evidence.pid[0].ref != pr.evidence.command[0].ref> pid<@refs pr.evidence.pid/></#if>
</#if>
</#list>
<#else>
- Processes: none in the process listing.
</#if>
<#if c.usage??>
- Usage when collected (docker stats): CPU ${c.usage.cpu!"?"}, memory ${c.usage.memory!"?"} of ${c.usage.memoryLimit!"?"} (${c.usage.memoryPercent!"?"})<#if c.usage.pids??>; PIDs: ${c.usage.pids}</#if><@refs c.usage.evidence/>
</#if>
<#if c.rootfs??>
- Root filesystem:
<#if c.rootfs.path??>
  - Path: ${c.rootfs.path}<@ev c.rootfs "path"/>
</#if>
<#if c.rootfs.upperDir??>
  - Upper dir: ${c.rootfs.upperDir}<@ev c.rootfs "upperDir"/>
</#if>
<#if c.rootfs.entries??>
  - Entries: ${c.rootfs.entries}<@ev c.rootfs "entries"/>
</#if>
<#if c.rootfs.os??>
  - OS: ${c.rootfs.os}<#if c.inferred.os??> (${c.inferred.os})</#if><@ev c.rootfs "os"/>
</#if>
<#if c.rootfs.binary??>
  - ${c.rootfs.binary}: <#if c.rootfs.staticBinary?? && c.rootfs.staticBinary>statically linked, needs no libraries from the image<#else>${c.rootfs.binaryDescription!""}</#if><@ev c.rootfs "binary"/>
</#if>
<#if c.rootfs.drift??>
<#assign d = c.rootfs.drift>
  - Drift since it started: ${d.added} added, ${d.changed} changed, ${d.deleted} deleted<#if d.truncated> (the upper dir listing was cut)</#if><#if d.perTopDir?has_content>; by folder: <#list d.perTopDir as dir, n>${dir} ${n}<#sep>, </#list></#if>
<#list (d.all?has_content)?then(d.all, d.notable) as e>
    - ${e.change} ${e.path} (${e.type} ${e.mode}, uid ${e.uid}, ${e.size} bytes, ${e.mtime}) ‹${e.ref}›
</#list>
</#if>
</#if>

</#list>
<#if timeline?has_content>
## Timeline

| time | relative to the snapshot | container | event | evidence |
|---|---|---|---|---|
<#list timelineRows as t>
| ${t.time} | <@v t.relative/> | <@v t.container/> | ${t.event} | <@v t.evidence/> |
</#list>

</#if>
<#if collection??>
## Collection

- Collector: ${collection.collector!"?"} ${collection.version!""}<#if collection.host??>, on ${collection.host}</#if><#if collection.user??> as ${collection.user}</#if><#if collection.startedAt?? || collection.finishedAt??>, from ${collection.startedAt!"?"} to ${collection.finishedAt!"?"}</#if><@refs collection.evidence/>
<#list collection.warnings as w>
- Collector warning: ${w}
</#list>
<#list collection.integrity as p>
- Integrity: ${p.entry} <#if p.actual??>has sha256 ${p.actual}, not ${p.expected}<#else>is missing (manifest sha256 ${p.expected})</#if>
</#list>

| command | status | exit | ms | output |
|---|---|---|---|---|
<#list collection.commands as k>
| ${k.commandLine} | ${k.status!"?"}<#if k.reason??> (${k.reason})</#if> | <@v k.exitCode/> | <@v k.durationMs/> | <@v k.output/> |
</#list>

</#if>
## Sources

| entry | line | format | why | command | lines | issues |
|---|---|---|---|---|---|---|
<#list sources as s>
| ${s.entry} | ${s.line} | ${s.format} | <@v s.reason/> | <@v s.command/> | ${s.lines} | ${s.issues?size} |
</#list>
<#assign anyIssues = false>
<#list sources as s><#if s.issues?has_content><#assign anyIssues = true></#if></#list>
<#if anyIssues>

### Parse issues

<#list sources as s>
<#list s.issues as i>
- ${i.text}
</#list>
</#list>
</#if>

Evidence: ‹entry:line› names the bundle file and line each fact was read from.
