<#ftl output_format="HTML" strip_whitespace=true>
<#-- Every value is HTML-escaped where it is interpolated. Evidence shows as a small citation; lines of one entry
     share it: [cri/ps.json:4,9]. An entry named by a container's 64-digit ID is cited by its unique glob
     (ShortEntries): [cri/inspect/3108683eff53*.json:1]. A node of a thousand containers cites a hundred thousand
     facts, so nothing here is written twice. -->
<#function reftext list><#local out = ""><#local prev = ""><#list list as r><#if r.line == 0><#local out = out + (out?has_content)?then(", ", "") + ((shortEntries[r.entry])!r.entry)><#local prev = ""><#elseif r.entry == prev><#local out = out + "," + r.line><#else><#local out = out + (out?has_content)?then(", ", "") + ((shortEntries[r.entry])!r.entry) + ":" + r.line><#local prev = r.entry></#if></#list><#return out></#function>
<#macro refs list><#if list?has_content><span class="ev">[${reftext(list)}]</span></#if></#macro>
<#macro ev obj fact><#if obj.evidence?? && obj.evidence[fact]??><@refs obj.evidence[fact]/></#if></#macro>
<#macro v x=""><#if x?has_content>${x}<#else><span class="na">—</span></#if></#macro>
<#function podLabel c><#if c.pod?? && c.pod.name??><#return (c.pod.namespace!"?") + "/" + c.pod.name><#elseif c.pod??><#return "pod " + (c.pod.uid!"?")><#elseif c.role == "plain"><#return "(no pod)"><#else><#return "(pod not shown)"></#if></#function>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>podmortem: ${node.hostname!"unknown node"}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1200px;padding:1em 1.5em;color:#1d2129;background:#fff}
h1{font-size:1.6em;margin:.2em 0}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #d0d7de;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa}code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12.5px;overflow-wrap:anywhere}
.ev{color:#6e7781;font-size:11px;cursor:help;margin-left:.3em}.na{color:#8c959f}
.sev-high{background:#ffebe9}.sev-medium{background:#fff8c5}.sev-low{background:#ddf4ff}.sev-info{background:#f6f8fa}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;border:1px solid #d0d7de;margin-right:4px}
.pod{border:1px solid #d0d7de;border-radius:6px;margin:1em 0;padding:.4em 1em}
.card{border:1px solid #d0d7de;border-left:4px solid #0969da;border-radius:6px;margin:.7em 0;padding:.3em .8em;background:#fbfcfd}
.card.sandbox{border-left-color:#8c959f}.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}
.facts dt{color:#57606a}.facts dd{margin:0;overflow-wrap:anywhere}
ul.tree{list-style:none;padding-left:0;margin:.3em 0}ul.tree li.exec{background:#fff8c5}ul.tree li{font-family:ui-monospace,Menlo,monospace;font-size:12.5px;white-space:pre-wrap;overflow-wrap:anywhere}
#search{width:100%;font-size:15px;padding:6px;margin:.5em 0;box-sizing:border-box}
.filters label{margin-right:1em;font-size:13px}
#tl td:not(:nth-child(4)),.sources td:nth-child(1),.sources td:nth-child(4),.sources td:nth-child(8),.cmds td:nth-child(1),.cmds td:nth-child(5),.drift td:not(:first-child){font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12.5px;overflow-wrap:anywhere}
#tl td:nth-child(-n+3){white-space:nowrap}#tl td:nth-child(5){min-width:20em}
.hidden{display:none}
@media print{#search,.noprint{display:none}.card,.pod{break-inside:avoid}}
</style>
</head>
<body>
<h1>podmortem: ${node.hostname!"unknown node"}</h1>
<#if options.stamp??><p>Analysed at ${options.stamp}.</p></#if>
<#if !redaction.enabled>
<p class="sev-high" id="redaction"><b>Redaction is OFF</b> (--no-redact): this report may contain passwords, tokens and keys.</p>
<#elseif redaction.total gt 0>
<p id="redaction">${redaction.total} secret<#if redaction.total gt 1>s</#if> redacted: <#list redaction.counts as kind, n>${n} ${kind}<#sep>, </#list>. Each shows as «redacted:xxxx», the same token for the same value.</p>
</#if>
<section id="summary">
<h2>Summary</h2>
<ul>
<li><b>Node</b> ${node.hostname!"(hostname not shown)"}<@ev node "hostname"/>: ${node.processes} processes: ${node.kernelThreads} kernel threads, ${node.hostProcesses} host processes (${node.runtimeShims} of them container runtime shims), ${node.containerProcesses} processes inside containers.</li>
<li><b>Node name</b>: <#if node.name??>${node.name}<#else>unknown</#if>, since ${node.nameReason}<@ev node "nodeName"/><#list node.nameDisagreements as d> <span class="sev-low">Disagreeing: ${d}.</span></#list></li>
<li><b>Pods</b>: ${summary.pods} of this node, ${summary.podsWithContainers} with containers on it.<#if summary.podsOnOtherNodes gt 0> ${summary.podsOnOtherNodes} pod<#if summary.podsOnOtherNodes gt 1>s</#if> of the cluster run<#if summary.podsOnOtherNodes == 1>s</#if> on other nodes (<#list summary.otherNodes as nd, k>${nd} ${k}<#sep>, </#list>): the API lists them, and they are no concern of this node's.</#if><#if summary.unmatchedNodes?has_content> Pods on <#list summary.unmatchedNodes as nd, k>${nd} (${k})<#sep>, </#list> are not counted: which of these nodes this one is cannot be told.</#if><#if summary.podsUnscheduled?has_content> ${summary.podsUnscheduled?size} <#if summary.podsUnscheduled?size gt 1>are<#else>is</#if> not scheduled on any node yet: <#list summary.podsUnscheduled as p><#if p?index == 20>…<#break></#if>${p}<#sep>, </#list>.</#if></li>
<li><b>Containers</b>: ${summary.containers}: ${summary.sandboxes} sandboxes and ${summary.appContainers} app containers<#if summary.otherContainers gt 0>, ${summary.otherContainers} init or ephemeral</#if><#if summary.plainContainers gt 0>, ${summary.plainContainers} not managed by Kubernetes</#if>.</li>
<#if summary.sandboxes gt 0>
<li><b>Why more containers than pods</b>: Kubernetes gives every pod one sandbox (pause) container that holds the pod's network and IPC namespaces, then starts each of the pod's app containers inside them: ${summary.sandboxes} sandboxes + ${summary.appContainers} app containers<#if summary.otherContainers gt 0> + ${summary.otherContainers} init or ephemeral</#if><#if summary.plainContainers gt 0> + ${summary.plainContainers} not managed by Kubernetes</#if> = ${summary.containers}.</li>
</#if>
<#if summary.podsWithoutContainers?has_content>
<li><b>Pods with no running container</b>: <#list summary.podsWithoutContainers as p>${p.key}<#if p.status??> (${p.status})</#if><#sep>, </#list>.</li>
</#if>
<li><b>QoS classes</b>, as the cgroup tree places the pods:
<ul>
<#list ["Guaranteed", "Burstable", "BestEffort", "unknown"] as q>
<#if summary.qos[q]?has_content || q != "unknown"><li>${q} (${summary.qos[q]?size})<#if summary.qos[q]?has_content>: <#list summary.qos[q] as p>${p}<#sep>, </#list></#if></li></#if>
</#list>
</ul></li>
<li><b>Findings</b>: <span class="badge sev-high">${summary.findings.high} high</span><span class="badge sev-medium">${summary.findings.medium} medium</span><span class="badge sev-low">${summary.findings.low} low</span><span class="badge sev-info">${summary.findings.info} info</span></li>
<#if node.snapshotTime??><li><b>Collected</b> at ${node.snapshotTime} by the node's clock<@ev node "snapshotTime"/>.</li></#if>
<#list missing as m><li><b>Missing</b>: ${m}</li></#list>
<#list warnings as w><li><b>Warning</b>: ${w}</li></#list>
</ul>
</section>

<section id="findings">
<h2>Findings</h2>
<#if findings?has_content>
<table>
<tr><th>severity<th>id<th>subject<th>message<th>evidence
<#list findings as f>
<tr class="sev-${f.severity} filterable" id="${f.anchor}" data-severity="${f.severity}"><td>${f.severity}<td>${f.id}<td><#if f.subject?matches("[0-9a-f]{12}")><a href="#c-${f.subject}">${f.subject}</a><#else>${f.subject}</#if><td>${f.message}<td class="mono">${reftext(f.evidence)}
</#list>
</table>
<#else>
<p>No findings.</p>
</#if>
</section>

<section id="containers">
<h2>Containers</h2>
<div class="noprint filters">
<input id="search" type="search" placeholder="Filter pods, containers, processes, files…" aria-label="Filter">
<label>Namespace <select id="f-ns" aria-label="Namespace"><option value="">all</option><#list summary.namespaces as ns><option>${ns}</option></#list></select></label>
<label>Role <select id="f-role" aria-label="Role"><option value="">all</option><#list ["sandbox", "app", "init", "ephemeral", "plain"] as r><option>${r}</option></#list></select></label>
<label>QoS <select id="f-qos" aria-label="QoS class"><option value="">all</option><#list ["Guaranteed", "Burstable", "BestEffort"] as q><option>${q}</option></#list></select></label>
<label>Severity <select id="f-sev" aria-label="Finding severity"><option value="">all</option><#list ["high", "medium", "low", "info"] as v><option>${v}</option></#list></select></label>
</div>
<table>
<tr><th>container</th><th>pod</th><th>role</th><th>attempt</th><th>QoS</th><th>image</th><th>processes</th></tr>
<#list containers as c>
<tr class="filterable ctr-row" data-ns="${(c.pod.namespace)!""}" data-role="${c.role}" data-qos="${c.qosClass!""}"><td class="mono"><a href="#${c.anchor}">${c.shortId}</a> ${c.containerName!c.name!""}</td><td>${podLabel(c)}</td><td>${c.role}</td><td><@v c.attempt/></td><td><@v c.qosClass/></td><td class="mono"><@v c.image/></td><td>${c.processes?size}</td></tr>
</#list>
</table>
</section>

<section id="pods">
<h2>Pods and their containers</h2>
<#list pods?filter(p -> p.placement == "this-node" || p.placement == "unknown") as p>
<div class="pod filterable" id="p-${(p.namespace!"")?replace("[^A-Za-z0-9_.-]", "_", "r")}-${(p.name!p.uid!"")?replace("[^A-Za-z0-9_.-]", "_", "r")}" data-ns="${p.namespace!""}">
<h3>${p.namespace!"?"}/${p.name!("pod " + (p.uid!"?"))}</h3>
<dl class="facts">
<dt>UID</dt><dd class="mono"><@v p.uid/><@ev p "uid"/></dd>
<dt>Kind</dt><dd><#if p.static??><#if p.static>static pod<#else>API pod</#if><#else>unknown</#if>: ${p.staticReason}</dd>
<#if p.owner??><dt>Owner</dt><dd>${p.owner.kind}<#if p.owner.name??> ${p.owner.name}</#if> (${p.owner.reason})<@ev p "owner"/></dd></#if>
<dt>QoS class</dt><dd><@v p.qosClass/><#if p.cgroup??> <span class="mono">${p.cgroup}</span></#if><#if p.qosReason?? && !p.cgroup??> <span class="na">(from ${p.qosReason})</span></#if><@ev p "qosClass"/></dd>
<#if p.node?? && p.placement == "unknown"><dt>Node</dt><dd>${p.node} <span class="na">(whether that is this node is unknown)</span></dd></#if>
<dt>Status</dt><dd><@v p.status/><#if p.ready??> (${p.ready} ready)</#if><#if p.phase??>, phase ${p.phase}</#if><@ev p "status"/></dd>
</dl>
<#if p.uid?? && containersByPod[p.uid]??><#list containersByPod[p.uid] as c><@card c/></#list></#if>
<#if !p.containerIds?has_content><p class="na">No container of this pod runs on the node.</p></#if>
</div>
</#list>
<#assign loose = containers?filter(c -> !(c.pod?? && c.pod.uid??))>
<#if loose?has_content>
<div class="pod filterable outside" data-ns=""><h3>Containers outside any known pod</h3>
<#list loose as c><@card c/></#list>
</div>
</#if>
</section>

<#macro card c>
<div class="card ${c.role} filterable" id="${c.anchor}" data-ns="${(c.pod.namespace)!""}" data-role="${c.role}" data-qos="${c.qosClass!""}">
<h4><a href="#${c.anchor}">${c.shortId}</a> ${c.containerName!c.name!"(unnamed)"} <span class="badge">${c.role}</span><#if c.component??> <span class="badge">${c.component.name}</span></#if></h4>
<dl class="facts">
<dt>ID</dt><dd class="mono"><@v c.id/><@ev c "id"/><#if c.inferred.container??> <span class="na">(${c.inferred.container})</span></#if></dd>
<dt>Name</dt><dd class="mono"><@v c.name/><@ev c "name"/></dd>
<dt>Role</dt><dd>${c.role}<#if c.role == "sandbox" && !c.component??>: the pod's pause container. It holds the network, IPC and UTS namespaces the app containers join, and reaps their orphaned processes.</#if><#if c.inferred.role??> <span class="na">(${c.inferred.role})</span></#if><@ev c "role"/></dd>
<#if c.component??><dt>What it is</dt><dd>${c.component.what} <span class="na">(recognised by ${c.component.recognisedBy})</span></dd></#if>
<dt>Image</dt><dd class="mono"><@v c.image/><@ev c "image"/><#if c.imageNote??> <span>${c.imageNote}</span></#if></dd>
<dt>Command</dt><dd class="mono"><@v c.command/><@ev c "command"/></dd>
<dt>Attempt</dt><dd><@v c.attempt/><#if c.status??>, status ${c.status}</#if><@ev c "status"/></dd>
<#if c.state??><dt>State</dt><dd>${c.state.status!"?"}<#if c.state.exitCode?? && !c.state.running>, exit code ${c.state.exitCode}</#if><#if c.state.oomKilled>, OOM-killed</#if><#if c.state.startedAt??>, started ${c.state.startedAt}</#if><#if c.state.finishedAt??>, finished ${c.state.finishedAt}</#if><#if c.state.user?has_content>, user ${c.state.user}</#if></dd></#if>
<dt>QoS / cgroup</dt><dd><@v c.qosClass/><#if c.inferred.qosClass??> <span class="na">(${c.inferred.qosClass})</span><@ev c "qosClass"/></#if> <span class="mono"><@v c.cgroup/></span><@ev c "cgroup"/></dd>
<#if c.shim??><dt>Shim</dt><dd class="mono"><#if c.shim.pid??>${c.shim.pid} </#if>${c.shim.command}<@ev c.shim "command"/></dd></#if>
<#if c.usage??><dt>Usage</dt><dd>when collected (docker stats): CPU ${c.usage.cpu!"?"}, memory ${c.usage.memory!"?"} of ${c.usage.memoryLimit!"?"} (${c.usage.memoryPercent!"?"})<#if c.usage.pids??>; PIDs: ${c.usage.pids}</#if><@refs c.usage.evidence/></dd></#if>
<#if c.rootfs??>
<#if c.rootfs.path??><dt>Root fs</dt><dd class="mono">${c.rootfs.path}<@ev c.rootfs "path"/></dd></#if>
<#if c.rootfs.upperDir??><dt>Upper dir</dt><dd class="mono">${c.rootfs.upperDir}<@ev c.rootfs "upperDir"/></dd></#if>
<#if c.rootfs.entries??><dt>Entries</dt><dd>${c.rootfs.entries}<@ev c.rootfs "entries"/></dd></#if>
<#if c.rootfs.os??><dt>OS</dt><dd>${c.rootfs.os}<#if c.inferred.os??> <span class="na">(${c.inferred.os})</span></#if><@ev c.rootfs "os"/></dd></#if>
<#if c.rootfs.binary??><dt>Binary</dt><dd><span class="mono">${c.rootfs.binary}</span>: <#if c.rootfs.staticBinary?? && c.rootfs.staticBinary>statically linked, needs no libraries from the image<#else>${c.rootfs.binaryDescription!""}</#if><@ev c.rootfs "binary"/></dd></#if>
</#if>
</dl>
<details open><summary>Processes (${c.processes?size})</summary>
<#if c.processes?has_content>
<ul class="tree">
<#list c.processRows as pr>
<#if pr.count gt 1>
<li>${""?left_pad([pr.depth, 24]?min * 3)}<#if pr.depth gt 0>\_ </#if>${pr.count} × [uid ${pr.user!"?"}] ${pr.state!""} ${pr.command} <span class="na">PIDs ${pr.pids}<#if pr.startedAt??>, started ${pr.startedAt}<#if pr.startedTo??> to ${pr.startedTo}</#if></#if></span><@refs pr.refs/><#if pr.pidRefs?has_content> PIDs<@refs pr.pidRefs/></#if></li>
<#else>
<li<#if pr.exec> class="exec"</#if>>${""?left_pad([pr.depth, 24]?min * 3)}<#if pr.depth gt 0>\_ </#if><#if pr.exec><b>exec session</b> </#if><#if pr.pid??>${pr.pid} </#if>[uid ${pr.user!"?"}] ${pr.state!""} ${pr.command}<#if pr.startedAt??> <span class="na">started ${pr.startedAt}</span></#if><@ev pr "command"/><#if pr.evidence.pid?? && pr.evidence.command?? && pr.evidence.pid[0].ref != pr.evidence.command[0].ref> PID<@refs pr.evidence.pid/></#if></li>
</#if>
</#list>
</ul>
<#else><p class="na">None in the process listing.</p></#if>
</details>
<#if (timelineCounts[c.shortId])??><p>Timeline: <a href="#timeline" class="tl-show" data-container="${c.shortId}">${timelineCounts[c.shortId]} event<#if timelineCounts[c.shortId] gt 1>s</#if></a> in the node's timeline.</p></#if>
<#if c.rootfs?? && c.rootfs.drift??>
<#assign d = c.rootfs.drift>
<#assign rows = (d.all?has_content)?then(d.all, d.notable)>
<#if rows?has_content>
<details<#if d.notable?has_content> open</#if>><summary>Drift: ${d.added} added, ${d.changed} changed, ${d.deleted} deleted<#if d.truncated> (listing cut)</#if></summary>
<#if d.perTopDir?has_content><p>By folder: <#list d.perTopDir as dir, n><span class="mono">${dir}</span> ${n}<#sep>, </#list></p></#if>
<#if d.entry??><p>From <span class="mono">${(shortEntries[d.entry])!d.entry}</span>, at the line given for each change.</p></#if>
<table class="drift">
<tr><th>change<th>path<th>type<th>mode<th>uid<th>size<th>mtime<th><#if d.entry??>line<#else>evidence</#if>
<#list rows as e>
<tr><td>${e.change}<td>${e.path}<td>${e.type}<td>${e.mode}<td>${e.uid}<td>${e.size}<td>${e.mtime}<td><#if d.entry??>${e.line}<#else>${reftext([e.refParts])}</#if>
</#list>
</table>
</details>
<#else>
<p>Drift: ${d.added} added, ${d.changed} changed, ${d.deleted} deleted<#if d.truncated> (listing cut)</#if>.</p>
</#if>
</#if>
</div>
</#macro>

<#if timeline?has_content>
<section id="timeline">
<h2>Timeline</h2>
<p class="noprint">Container: <select id="tl-filter" aria-label="Filter the timeline by container"><option value="">all</option><#list containers as c><option value="${c.shortId}">${c.shortId} ${c.containerName!c.name!""}</option></#list></select></p>
<table id="tl">
<tr><th>time<th>relative<th>container<th>event<th>evidence
<#list timelineRows as t>
<tr><td>${t.time}<td><@v t.relative/><td><#if t.container??><a href="#c-${t.container}">${t.container}</a></#if><td>${t.event}<td><#if t.refs?has_content>${reftext(t.refs)}<#else><span class="na">—</span></#if>
</#list>
</table>
</section>
</#if>

<#if collection??>
<section id="collection">
<h2>Collection</h2>
<p>${collection.collector!"?"} ${collection.version!""}<#if collection.host??>, on ${collection.host}</#if><#if collection.user??> as ${collection.user}</#if><#if collection.startedAt?? || collection.finishedAt??>, from ${collection.startedAt!"?"} to ${collection.finishedAt!"?"}</#if><@refs collection.evidence/></p>
<ul>
<#list collection.warnings as w><li>Collector warning: ${w}</li></#list>
<#list collection.integrity as p><li class="sev-high">Integrity: ${p.entry} <#if p.actual??>has sha256 ${p.actual}, not ${p.expected}<#else>is missing (manifest sha256 ${p.expected})</#if></li></#list>
</ul>
<#if collection.commands?has_content><p>The collector ran ${collection.commands?size} command<#if collection.commands?size gt 1>s</#if>. Each is listed with the entry it wrote, under Sources.</p></#if>
<#assign unread = collection.commands?filter(k -> !(k.output?? && sourceEntries[k.output]??))>
<#if unread?has_content>
<p>Commands whose output is not among the sources below:</p>
<table class="cmds">
<tr><th>command<th>status<th>exit<th>ms<th>output
<#list unread as k>
<tr<#if k.status! == "failed" || k.status! == "timeout"> class="sev-medium"</#if>><td>${k.commandLine}<td>${k.status!"?"}<#if k.reason??> (${k.reason})</#if><td><@v k.exitCode/><td><@v k.durationMs/><td><@v k.output/>
</#list>
</table>
</#if>
</section>
</#if>

<section id="sources">
<h2>Sources</h2>
<table class="sources">
<tr><th>entry<th>format<th>lines<th>command<th>status<th>exit<th>ms<th>issues
<#list sources as s>
<#assign k = (commandsByOutput[s.entry])!{}>
<tr<#if k.status! == "failed" || k.status! == "timeout"> class="sev-medium"</#if>><td>${s.entry}<#if s.line gt 0>:${s.line}</#if><td>${s.format}<#if s.reason??><div class="na">${s.reason}</div></#if><td>${s.lines}<td>${k.commandLine!(s.command!"")}<td>${k.status!""}<#if k.reason??> (${k.reason})</#if><td>${k.exitCode!""}<td>${k.durationMs!""}<td><#list s.issues as i><div>${i.text}</div></#list>
</#list>
</table>
<p class="na">Evidence: [entry:line] names the bundle file and line each fact was read from; [entry:4,9] cites two lines of one entry. Where an entry's name holds a container's 64-digit ID, a citation keeps the ID's first 12 digits and a *: a shell glob that matches that entry, listed here in full, and no other.</p>
</section>
<script>
(function(){
  var tl=document.getElementById('tl-filter');
  function showTimeline(){
    document.querySelectorAll('#tl tr').forEach(function(tr,i){
      if(i>0)tr.classList.toggle('hidden',!!tl.value&&tr.cells[2].textContent!==tl.value);
    });
  }
  if(tl){
    tl.addEventListener('change',showTimeline);
    document.querySelectorAll('a.tl-show').forEach(function(a){
      a.addEventListener('click',function(){tl.value=a.getAttribute('data-container');showTimeline();});
    });
  }
  var box=document.getElementById('search');
  var ns=document.getElementById('f-ns'),role=document.getElementById('f-role'),
      qos=document.getElementById('f-qos'),sev=document.getElementById('f-sev');
  if(!box)return;
  function ok(el){
    return (!ns.value||el.getAttribute('data-ns')===ns.value)&&(!role.value||el.getAttribute('data-role')===role.value)
      &&(!qos.value||el.getAttribute('data-qos')===qos.value);
  }
  function apply(){
    var q=box.value.toLowerCase();
    document.querySelectorAll('.pod.filterable').forEach(function(pod){
      var podHit=pod.querySelector('h3').textContent.toLowerCase().indexOf(q)>=0;
      var any=false;
      pod.querySelectorAll('.card').forEach(function(card){
        var hit=ok(card)&&(!q||podHit||card.textContent.toLowerCase().indexOf(q)>=0);
        card.classList.toggle('hidden',!hit);any=any||hit;
      });
      var plain=!q&&!role.value&&!qos.value&&(!ns.value||pod.getAttribute('data-ns')===ns.value);
      pod.classList.toggle('hidden',!(any||plain&&pod.querySelectorAll('.card').length===0));
    });
    document.querySelectorAll('tr.ctr-row').forEach(function(tr){
      tr.classList.toggle('hidden',!ok(tr)||(!!q&&tr.textContent.toLowerCase().indexOf(q)<0));
    });
    document.querySelectorAll('#findings tr.filterable').forEach(function(tr){
      tr.classList.toggle('hidden',(!!sev.value&&tr.getAttribute('data-severity')!==sev.value)
        ||(!!q&&tr.textContent.toLowerCase().indexOf(q)<0));
    });
  }
  [box,ns,role,qos,sev].forEach(function(el){el.addEventListener(el===box?'input':'change',apply);});
})();
</script>
</body>
</html>
