// Provider answers the browser tests script: three takes on one question, in the Markdown LLMs really write.
export const QUESTION = 'What is the difference between a container and a virtual machine?'

export const ANSWERS = {
  openai: `**Containers** share the host's kernel and isolate processes with namespaces and cgroups, while a **virtual machine** runs a complete guest operating system on a hypervisor.

| | Container | Virtual machine |
|---|---|---|
| Isolation | Process level (namespaces, cgroups) | Hardware level (hypervisor) |
| Start-up time | Seconds or less | Tens of seconds to minutes |
| Typical size | Megabytes | Gigabytes |

- Use containers to package an application and scale it quickly, e.g. on ECS Fargate.
- Use a virtual machine when you need a different kernel or stronger isolation.

\`\`\`bash
docker run --rm -p 8080:8080 iscoolgpt:latest
\`\`\``,
  gemini: `A **virtual machine** emulates hardware: the hypervisor gives it virtual CPUs, memory and disks, and it boots its own operating system and kernel. A **container** is an isolated process that shares the host's kernel, so it is much lighter.

- Containers start in seconds and are measured in megabytes.
- Virtual machines take longer to boot and weigh gigabytes, but isolate more strongly.
- In the cloud the two are combined: containers usually run inside virtual machines.`,
  huggingface: `Containers virtualise the operating system; virtual machines virtualise the hardware. A container shares the host kernel and packages only the application and its libraries, so it is smaller and starts faster. A virtual machine carries a full operating system with its own kernel, which gives stronger isolation at a higher cost.`
}

/** Markup an attacker could get an LLM to repeat; none of it may run or reach the DOM as elements. */
export const HOSTILE_ANSWER = `A container is an isolated process that shares the host kernel, unlike a virtual machine.

<img src=x onerror="window.__xss = 'img'">
<script>window.__xss = 'script'</script>
<iframe src="javascript:window.__xss = 'iframe'"></iframe>
<a href="javascript:window.__xss = 'link'">open the docs</a>
<p onclick="window.__xss = 'click'" style="position:fixed;top:0;left:0;width:100%;height:100%">cover</p>
<svg onload="window.__xss = 'svg'"><circle r="4"/></svg>

[markdown link](javascript:window.__xss='markdown')

Containers start faster than virtual machines.`
