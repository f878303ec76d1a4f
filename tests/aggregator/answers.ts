// Recorded-style answers shared by the aggregator tests.
import type { CandidateInput } from '../../src/aggregator/types.js'

export const DOCKER_QUESTION = 'What is the difference between a Docker container and a virtual machine?'

export const DOCKER_ANSWERS = {
  openai: 'A virtual machine runs a full guest operating system on top of a hypervisor, so each VM has its own kernel, takes minutes to boot and needs gigabytes of memory. A Docker container shares the host kernel and isolates only the processes, using namespaces and cgroups; it starts in seconds and uses far less memory. Containers are lighter and denser, while virtual machines give stronger isolation.',
  gemini: 'The key difference is the kernel. Each virtual machine includes a complete guest operating system with its own kernel, managed by a hypervisor, which makes it heavy and slow to boot. A Docker container packages only the application and its dependencies and shares the host kernel through namespaces and cgroups, so it starts almost instantly and uses less memory. Virtual machines offer stronger isolation; containers offer density and speed.',
  huggingface: 'Containers virtualise the operating system while virtual machines virtualise the hardware. A VM runs its own guest OS and kernel on a hypervisor; a container shares the host kernel and isolates processes with namespaces and cgroups. That is why a Docker container boots in seconds and is lighter, and a virtual machine isolates more strongly.'
}

export const SOURDOUGH = 'To bake a sourdough loaf, mix flour, water and salt with an active starter, let the dough rise overnight in a cool place, shape it gently, and bake it in a preheated Dutch oven at 250 degrees for about forty minutes until the crust is deep brown.'

export const DOCKER_COMPANY = 'Docker, Inc. was founded in 2013 and sells subscriptions; its desktop product has paid tiers for large businesses, a free personal plan, and the company is headquartered in Palo Alto, California, with offices in several countries.'

/** Three one-line answers and a full one that says what they say and goes on: it agrees least because it says most. */
export const POD_QUESTION = 'What is the smallest thing you can deploy in Kubernetes?'
export const POD_ONE_LINERS = [
  'The smallest deployable unit in Kubernetes is the pod.',
  'In Kubernetes the smallest unit you can deploy is a pod.',
  'A pod is the smallest deployable unit in Kubernetes.'
]
export const POD_FULL = `The smallest deployable unit in Kubernetes is the pod, not the container.

A pod wraps one or more containers that are always scheduled together on the same node. They share one network namespace (a single IP address and port space, so they reach each other on localhost) and can mount the same volumes.

In practice you rarely create pods by hand:
- a Deployment keeps a set number of identical pods running through a ReplicaSet and rolls out new images gradually;
- a StatefulSet gives each pod a stable name and its own persistent volume;
- a DaemonSet runs one pod on every node, for log collectors and monitoring agents;
- a Job runs pods to completion, and a CronJob does so on a schedule.

Most pods hold a single container; a second one is added only when it must live beside the first, such as a sidecar proxy or a log shipper.`

/** Unrelated answers to three different questions: no agreement at all. */
export const DISAGREEING = {
  a: 'Amazon S3 stores objects in buckets with eleven nines of durability, lifecycle rules that move old objects to Glacier, and versioning to recover deleted files.',
  b: 'A Kubernetes Deployment declares how many replicas of a pod should run; the controller replaces failed pods and rolls out new images gradually.',
  c: 'CloudWatch alarms watch a metric such as CPU utilisation and notify an SNS topic or trigger autoscaling when a threshold is crossed for several periods.'
}

export function ok (provider: string, text: string, extra: Partial<CandidateInput> = {}): CandidateInput {
  return { provider, model: `${provider}-model`, status: 'ok', text, finishReason: 'stop', ...extra }
}

export const MATH_QUESTION = 'Janet’s ducks lay 16 eggs per day. She eats three for breakfast and bakes muffins with four. She sells the rest at $2 per egg. How much does she make every day?'

const STEPS = [
  'She has 16 - 3 - 4 = 9 eggs left to sell at the market.',
  'After breakfast and baking, 16 - 7 = 9 eggs remain for sale.',
  'Eggs sold each day: 16 minus 3 minus 4 leaves 9 for the market stall.',
  'Janet keeps 3 + 4 = 7 eggs, so 16 - 7 = 9 go to the market.'
]

/**
 * A worked solution ending in "A: <answer>"; `variant` changes the wording, because identical long
 * texts from two providers count once (the duplicate filter).
 */
export function solution (answer: string, variant = 0): string {
  return `${STEPS[variant % STEPS.length]}\nAt $2 an egg, that is what she makes every day.\nA: ${answer}`
}
