// Deployment settings read from CDK context (`-c key=value` or cdk.json), validated up front so
// a typo fails `cdk synth` with one clear line instead of producing a broken template.

export type Stage = 'staging' | 'production'

export interface DeployConfig {
  /** Separates the two GitHub environments; every resource name carries it. */
  stage: Stage
  /** Image tag the task definition starts with; CI later registers revisions with the commit SHA. */
  imageTag: string
  /** Fargate task size: CPU units (256 = 0.25 vCPU) and memory in MiB. */
  cpu: number
  memoryMiB: number
  /** 0: tasks in public subnets with a public IP (no NAT bill); 1: private subnets behind one NAT gateway. */
  natGateways: 0 | 1
  /** Tasks always kept on on-demand Fargate; the rest run on Fargate Spot. */
  onDemandBase: number
  minTasks: number
  maxTasks: number
  /**
   * Monthly cost budget in USD for everything but the shared store, whose estimated minimum the
   * stack adds (STORE_MONTHLY_USD); 0 leaves the budget out.
   */
  budgetUsd: number
  /** Receives the CPU alarm and the budget notifications. */
  alertEmail?: string
  /** HTTPS: an existing ACM certificate, or a domain to request one for (DNS validation). */
  certificateArn?: string
  domainName?: string
  /** An existing Secrets Manager secret holding the provider keys as JSON fields. */
  providerSecretArn?: string
  /** `owner/name` of the GitHub repository allowed to deploy through OIDC. */
  githubRepo?: string
  /** Reuse the account's GitHub OIDC provider (IAM allows one per URL per account). */
  githubOidcProviderArn?: string
}

export type ContextReader = (key: string) => unknown

export class DeployConfigError extends Error {
  constructor (key: string, expected: string, value: unknown) {
    super(`context "${key}": expected ${expected}, got ${JSON.stringify(value)}`)
    this.name = 'DeployConfigError'
  }
}

const FARGATE_SIZES: Record<number, number[]> = {
  256: [512, 1024, 2048],
  512: [1024, 2048, 3072, 4096],
  1024: [2048, 3072, 4096, 5120, 6144, 7168, 8192]
}

function text (read: ContextReader, key: string): string | undefined {
  const value = read(key)
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string') throw new DeployConfigError(key, 'a string', value)
  return value.trim()
}

function integer (read: ContextReader, key: string, fallback: number, min: number, max: number): number {
  const value = read(key)
  if (value === undefined || value === null || value === '') return fallback
  const parsed = typeof value === 'number' ? value : Number(String(value).trim())
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new DeployConfigError(key, `an integer from ${min} to ${max}`, value)
  }
  return parsed
}

function matching (read: ContextReader, key: string, pattern: RegExp, expected: string): string | undefined {
  const value = text(read, key)
  if (value !== undefined && !pattern.test(value)) throw new DeployConfigError(key, expected, value)
  return value
}

export function readDeployConfig (read: ContextReader): DeployConfig {
  const stage = text(read, 'stage') ?? 'staging'
  if (stage !== 'staging' && stage !== 'production') {
    throw new DeployConfigError('stage', '"staging" or "production"', stage)
  }

  const cpu = integer(read, 'cpu', 256, 256, 1024)
  const allowedMemory = FARGATE_SIZES[cpu]
  if (allowedMemory === undefined) throw new DeployConfigError('cpu', 'one of 256, 512, 1024', cpu)
  const memoryMiB = integer(read, 'memoryMiB', 512, 512, 8192)
  if (!allowedMemory.includes(memoryMiB)) {
    throw new DeployConfigError('memoryMiB', `one of ${allowedMemory.join(', ')} for cpu ${cpu}`, memoryMiB)
  }

  const minTasks = integer(read, 'minTasks', 1, 1, 10)
  const maxTasks = integer(read, 'maxTasks', 3, 1, 10)
  if (maxTasks < minTasks) throw new DeployConfigError('maxTasks', `at least minTasks (${minTasks})`, maxTasks)

  const budget = read('budgetUsd')
  let budgetUsd = 40
  if (budget !== undefined && budget !== null && budget !== '') {
    budgetUsd = typeof budget === 'number' ? budget : Number(String(budget).trim())
    if (!Number.isFinite(budgetUsd) || budgetUsd < 0) {
      throw new DeployConfigError('budgetUsd', 'a non-negative amount in USD', budget)
    }
  }

  const certificateArn = matching(read, 'certificateArn', /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/, 'an ACM certificate ARN')
  const domainName = matching(read, 'domainName', /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, 'a DNS name such as api.example.com')

  return {
    stage,
    imageTag: matching(read, 'imageTag', /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, 'a Docker image tag') ?? 'latest',
    cpu,
    memoryMiB,
    natGateways: integer(read, 'natGateways', 0, 0, 1) as 0 | 1,
    onDemandBase: integer(read, 'onDemandBase', 0, 0, maxTasks),
    minTasks,
    maxTasks,
    budgetUsd,
    alertEmail: matching(read, 'alertEmail', /^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an e-mail address'),
    certificateArn,
    domainName,
    providerSecretArn: matching(read, 'providerSecretArn', /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+-[A-Za-z0-9]{6}$/, 'a complete Secrets Manager secret ARN (ending in the 6-character suffix)'),
    githubRepo: matching(read, 'githubRepo', /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'owner/name'),
    githubOidcProviderArn: matching(read, 'githubOidcProviderArn', /^arn:aws[a-z-]*:iam::\d{12}:oidc-provider\/token\.actions\.githubusercontent\.com$/, 'the ARN of the token.actions.githubusercontent.com OIDC provider')
  }
}

/**
 * The V8 old-space limit for a task of `memoryMiB`: three quarters of it, the rest for the young
 * generation, the code, buffers and sockets. Without a limit Node sizes its heap from the memory it
 * sees, and V8 lets the heap grow the more lazily the higher that limit is: in the benchmark at 300
 * asks/s (docs/performance.md) the default limit peaked at 218–230 MB of RSS, a 384 MiB limit at 169 MB,
 * with the live heap at 50–70 MB.
 */
export function heapLimitMiB (memoryMiB: number): number {
  return Math.floor(memoryMiB * 0.75)
}
