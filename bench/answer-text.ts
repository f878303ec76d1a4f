// Deterministic, on-topic answer texts of a chosen length, so stub providers and the aggregator benchmark
// work on answers that look like real ones: similar but not identical, relevant to the question.

import { mulberry32 } from '../src/eval/stats.js'

export const BENCH_QUESTION = 'What are the advantages of using Docker containers to deploy microservices?'

const SENTENCES = [
  'Docker containers package a microservice together with its runtime, libraries and configuration, so the same image runs on a laptop, in CI and in production.',
  'Because a container shares the host kernel, it starts in seconds and uses far less memory than a virtual machine with a full guest operating system.',
  'Each microservice can be deployed, scaled and rolled back independently, which lets small teams release without coordinating a single large deployment.',
  'Images are immutable and versioned by tag and digest, so a deployment is reproducible and a rollback is just running the previous image.',
  'Isolation between containers means one service can use Node.js 20 while another uses Python 3.12 without dependency conflicts on the host.',
  'Orchestrators such as Kubernetes or Amazon ECS schedule containers across machines, restart failed ones and spread them over availability zones.',
  'Horizontal scaling becomes simple: an autoscaling policy adds or removes container tasks when CPU usage or request count crosses a threshold.',
  'Multi-stage Docker builds keep production images small, which shortens pulls from the registry and reduces the attack surface.',
  'Health checks let the load balancer send traffic only to containers that are ready, and graceful shutdown drains in-flight requests before a task stops.',
  'Configuration and secrets come from environment variables or a secrets manager, following the twelve-factor app, so the same image serves every environment.',
  'Containers make CI/CD pipelines faster because every stage builds once and promotes the same image from test to staging to production.',
  'Resource limits on CPU and memory protect neighbouring services: a leaking microservice is killed and restarted instead of starving the host.',
  'Developers can run the whole system locally with Docker Compose, which shortens the feedback loop and reduces the classic works-on-my-machine problem.',
  'Layer caching means that changing application code rebuilds only the top layers, so builds and pushes take seconds rather than minutes.',
  'On AWS, Fargate runs containers without managing servers, and Fargate Spot can cut compute costs for fault-tolerant services by up to seventy percent.',
  'Observability improves when each container writes structured logs to standard output, which CloudWatch or another collector ships and indexes.',
  'Blue-green and canary deployments are easier with containers, because two versions of a service can run side by side behind the same load balancer.',
  'A container registry such as Amazon ECR stores the images, scans them for known vulnerabilities and controls who may pull or push them.',
  'The main trade-offs are operational: networking, service discovery, monitoring and security of many small services need tooling and discipline.',
  'Containers are not a security boundary as strong as virtual machines, so images should run as a non-root user with a read-only file system where possible.',
  'Stateless microservices fit containers best; databases and other stateful parts usually stay in managed services such as RDS or DynamoDB.',
  'In short, Docker gives microservices portability, fast start-up, independent deployment and efficient use of infrastructure.',
  'Startup time matters for autoscaling: a container that is ready in under a second can absorb a traffic spike before users notice it.',
  'Because images are built from a Dockerfile kept in version control, the environment of each microservice is documented and reviewed like code.',
  'Teams can choose the right language and framework for each microservice, since the container hides those choices behind a network API.',
  'Rolling updates replace containers a few at a time, so a new version of a microservice is deployed with no downtime for its clients.',
  'Dependency drift disappears: the operating system packages inside the image are pinned, so a host update does not break the service.',
  'Cost control improves because many small containers can be packed onto fewer machines, and idle capacity can be scaled down at night.',
  'For students, containers are also a cheap way to experiment: a whole stack can be started, broken and recreated in minutes.',
  'A good practice is one process per container, with logs to standard output and configuration from the environment, which keeps containers replaceable.'
]

/** A seeded generator, so a seed always gives the same answer. */
const generator = mulberry32

/**
 * An answer of at least `words` words made of whole sentences drawn with `seed`, in paragraphs and
 * with a short list, as a model would write it. Equal seeds give equal answers.
 */
export function answerText (seed: number, words: number): string {
  const random = generator(seed)
  const paragraphs: string[] = []
  let sentences: string[] = []
  let count = 0
  while (count < words) {
    const sentence = SENTENCES[Math.floor(random() * SENTENCES.length)] as string
    sentences.push(sentence)
    count += sentence.split(' ').length
    if (sentences.length === 4) {
      paragraphs.push(sentences.join(' '))
      sentences = []
    }
  }
  if (sentences.length > 0) paragraphs.push(sentences.join(' '))
  const [first, ...rest] = paragraphs
  const list = ['- portability across environments', '- independent deployment and scaling', '- fast start-up and efficient use of resources']
  return [first, ...(rest.length > 0 ? [list.join('\n'), ...rest] : [])].join('\n\n')
}

/** Rough token count the stubs report as usage (about four characters per token). */
export function tokenEstimate (text: string): number {
  return Math.max(1, Math.round(text.length / 4))
}
