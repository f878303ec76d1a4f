// Names of the cloud field's products, features and techniques that are made of ordinary words
// ("App Runner", "Object Lock", "sticky sessions", "vector database"). Unknown-word checks cannot see
// them: every word is one the notes or everyday language use. Input: a question and the notes; output:
// the names it mentions that the notes never write, which retrieval then treats as names the notes
// mention only in passing (not covered unless the rest of the question clearly asks what a section
// answers). A name the notes do write is left to the notes: this list only says what a name is.

import { analyzerFor, foldText, LANGS, type Lang } from './analyzer.js'
import type { KnowledgeBase } from './knowledge-base.js'

/**
 * Multi-word names as they are usually written, AWS first, then Google Cloud, Azure, tools and
 * techniques. Single words are left out: a name of one word the notes lack is already an unknown word,
 * and one that is an everyday word ("Glue", "Shield") is caught after its vendor ("AWS Glue"); the
 * exceptions are the technique words below.
 */
const FIELD_NAMES: readonly string[] = [
  // AWS services and features
  'App Runner', 'Elastic Beanstalk', 'Step Functions', 'Transit Gateway', 'Direct Connect', 'Global Accelerator',
  'Site-to-Site VPN', 'Client VPN', 'VPC Peering', 'Multi-Region Key', 'Multi-Region Keys', 'Block Public Access',
  'Credential Report', 'Ingress Controller', 'Terraform Module', 'Terraform Modules',
  'Control Tower', 'Trusted Advisor', 'Security Hub', 'Compute Optimizer',
  'Spot Fleet', 'Placement Group', 'Placement Groups', 'Warm Pool', 'Warm Pools', 'Capacity Reservations',
  'Dedicated Hosts', 'NAT Instance', 'Network Firewall', 'Firewall Manager', 'Shield Advanced', 'Systems Manager',
  'Session Manager', 'Elastic Transcoder', 'Data Firehose', 'Kinesis Firehose', 'EventBridge Pipes',
  'EventBridge Scheduler', 'Lambda Layers', 'Lambda Layer', 'Function URL', 'Function URLs', 'Long Polling',
  'DynamoDB Streams', 'Global Tables', 'Aurora Serverless', 'RDS Proxy', 'Object Lock', 'Deep Archive',
  'Transfer Acceleration', 'Presigned URL', 'Presigned URLs', 'Pre-signed URL', 'S3 Select', 'Storage Gateway',
  'CloudFront Functions', 'Signed Cookies', 'Signed URLs', 'Origin Shield',
  'Route 53 Resolver', 'CloudWatch Synthetics', 'Container Insights', 'Managed Grafana',
  'Managed Prometheus', 'Identity Center', 'Service Control Policies', 'Permissions Boundary', 'Permission Boundary',
  'Access Analyzer', 'User Pool', 'User Pools', 'Identity Pool', 'Verified Permissions', 'App Mesh', 'Cloud Map',
  'Fault Injection Simulator', 'Fault Injection Service', 'Resilience Hub', 'Elastic Disaster Recovery',
  'Snow Family', 'Local Zones', 'Audit Manager', 'Cost Anomaly Detection',
  'Classic Load Balancer', 'ECS Anywhere', 'EKS Anywhere', 'ECS Exec', 'Fargate Spot Capacity', 'SQS Extended Client',
  'Lake Formation', 'Database Migration Service', 'Schema Conversion Tool', 'Application Composer', 'Service Catalog',
  'License Manager', 'Resource Access Manager', 'Application Migration Service', 'Transfer Family', 'FSx for Lustre',
  'Kinesis Data Streams', 'OpenSearch Service', 'Redshift Spectrum', 'Glue Data Catalog', 'MemoryDB for Redis',
  'Aurora Global Database', 'DynamoDB Accelerator', 'Nitro Enclaves', 'EC2 Image Builder', 'VPC Lattice',
  'Gateway Load Balancer', 'Egress-Only Internet Gateway', 'Verified Access', 'Cloud WAN',
  'Application Recovery Controller', 'Reachability Analyzer', 'Security Lake', 'IAM Roles Anywhere',
  'Well-Architected Framework', 'Well-Architected Tool', 'CodeGuru Reviewer', 'Q Developer',
  'CloudWatch RUM', 'Contributor Insights', 'Lambda Insights', 'Serverless Application Model', 'Lambda SnapStart',
  'Lambda@Edge', 'Event Source Mapping', 'Amazon MQ', 'EKS Anywhere', 'ECS Service Connect', 'SageMaker Studio',
  'Bedrock Agents', 'Bedrock Guardrails', 'CloudTrail Lake', 'Patch Manager',
  'Batch Operations', 'Flow Logs', 'Object Lambda', 'Access Points', 'Multi-Region Access Points', 'Express One Zone',
  'Lambda Destinations', 'Instance Scheduler', 'Instance Connect', 'Run Command', 'State Manager', 'Incident Manager',
  'Resource Groups', 'Enhanced Networking', 'Capacity Blocks', 'Instance Refresh', 'Lifecycle Hooks',
  'Health Dashboard', 'Cost and Usage Report', 'Service Quotas', 'Config Rules',
  'Multipart Upload', 'Multipart Uploads', 'Cross-Region Replication', 'Same-Region Replication', 'Replication Rule',
  'Replication Rules', 'Pod Identity', 'IAM Roles for Service Accounts', 'Adaptive Capacity', 'Reserved Concurrency',
  'Status Check', 'Status Checks', 'Managed Rules', 'Managed Rule Groups', 'Storage Lens', 'Performance Insights',
  'Enhanced Monitoring', 'Parameter Group', 'Parameter Groups', 'Predictive Scaling', 'Event Notifications',
  'Requester Pays', 'Capacity Rebalancing', 'Delay Queue', 'Delay Queues', 'Access Logs', 'Access Log',
  'CloudWatch Agent', 'AWS Organizations', 'instance store', 'instance stores', 'private hosted zone', 'zona hospedada privada',
  'local secondary index', 'synthetic canary',
  // Google Cloud
  'Cloud Run', 'App Engine', 'Compute Engine', 'Kubernetes Engine', 'Pub/Sub', 'Cloud Build', 'Cloud Armor',
  'Cloud Spanner', 'Vertex AI',
  'Cloud Interconnect', 'Identity-Aware Proxy', 'Binary Authorization', 'GKE Autopilot', 'Cloud Source Repositories',
  'Looker Studio', 'Gemini Code Assist', 'Model Garden', 'Document AI', 'Workload Identity Federation',
  'VPC Service Controls', 'Sole-tenant nodes', 'Firebase Hosting', 'Firebase Authentication', 'Cloud Workstations',
  'Cloud Composer', 'Service Account', 'Service Accounts',
  // Microsoft Azure
  'Front Door', 'Azure Functions', 'Container Apps', 'Service Bus', 'Event Hubs',
  'Cosmos DB', 'Blob Storage', 'Key Vault', 'Entra ID', 'Active Directory', 'Azure DevOps', 'Traffic Manager',
  'Application Gateway', 'Azure Monitor',
  'Virtual Machine Scale Sets', 'Azure Kubernetes Service', 'Azure Container Registry', 'Azure Firewall',
  'Azure Policy', 'Azure Bastion', 'Microsoft Sentinel', 'Defender for Cloud', 'Azure OpenAI', 'Azure AI Search',
  'Logic Apps', 'Data Factory', 'Event Grid', 'Application Insights', 'Azure Private Link', 'Azure Resource Manager',
  'Azure Load Balancer', 'Azure Site Recovery', 'Azure Pipelines', 'Azure Machine Learning', 'Resource Group',
  // Tools
  'GitLab CI', 'Circle CI', 'Travis CI', 'Argo CD', 'Argo Rollouts', 'Flux CD', 'New Relic', 'Elastic Stack',
  'ELK Stack', 'HashiCorp Vault', 'Docker Swarm', 'Docker Desktop', 'Terraform Cloud', 'Open Policy Agent',
  'Chaos Monkey', 'Cloud Init', 'Cloud-Init', 'GitHub Copilot', 'GitHub Pages', 'Git Hooks', 'Git Hook',
  'Pre-commit Hook', 'Pre-commit Hooks', 'git rebase', 'interactive rebase', 'rebase interativo', 'systemd unit',
  'Oracle Cloud Infrastructure', 'Autonomous Database', 'Always Free', 'IBM Cloud', 'Code Engine', 'Cloud Foundry',
  'Red Hat OpenShift', 'Alibaba Cloud', 'Cloudflare Workers', 'Cloudflare Pages', 'GitHub Codespaces',
  'GitHub Container Registry', 'Bitbucket Pipelines', 'Sealed Secrets', 'External Secrets Operator',
  'Terraform Enterprise', 'Ansible Automation Platform', 'CDK for Terraform', 'OpenTelemetry Collector',
  'Grafana Loki', 'Fluent Bit', 'Apache Kafka', 'Apache Airflow', 'Apache Spark', 'Apache Flink', 'Redis Sentinel', 'Redis Streams',
  'MongoDB Atlas', 'Hugging Face', 'Triton Inference Server', 'Model Context Protocol',
  // Techniques and patterns
  'service mesh', 'chaos engineering', 'feature flags', 'feature flag', 'feature toggles', 'sticky sessions',
  'session affinity', 'mutual TLS', 'event sourcing', 'saga pattern', 'outbox pattern', 'strangler fig',
  // ...as a Portuguese sentence names them, the pattern first ("o padrão saga pra transação entre microsserviços").
  'padrão saga', 'padrão outbox', 'padrão strangler', 'padrão bulkhead', 'padrão ambassador',
  'dark launch', 'traffic mirroring', 'shadow traffic', 'policy as code', 'golden image', 'golden AMI',
  'landing zone', 'fine-tuning', 'fine tuning', 'vector database', 'vector store',
  'embedding model', 'embedding models', 'function calling', 'write-behind', 'write behind', 'read-through',
  'stateful set', 'stateful sets', 'daemon set', 'daemon sets', 'node group', 'node groups', 'managed node group', 'managed node groups',
  'self-managed nodes', 'metrics server', 'Vault Lock', 'persistent volume', 'persistent volumes', 'ingress controller',
  'horizontal pod autoscaler', 'cluster autoscaler', 'pod disruption budget', 'config map', 'config maps',
  'server-sent events', 'server sent events', 'consistent hashing', 'bloom filter', 'leader election',
  'bulkhead pattern', 'ambassador pattern', 'anti-corruption layer', 'backends for frontends', 'backend for frontend',
  'domain-driven design', 'hexagonal architecture', 'cell-based architecture', 'two-phase commit', 'leaky bucket',
  'change data capture', 'zero trust', 'trunk-based development', 'semantic versioning',
  'site reliability engineering', 'blameless postmortem', 'software bill of materials', 'confidential computing',
  'data mesh', 'competing consumers', 'claim check pattern', 'transactional outbox', 'Protocol Buffers',
  'prompt injection', 'prompt caching', 'model distillation', 'speculative decoding', 'mixture of experts',
  'chain of thought', 'few-shot prompting', 'vector search', 'semantic search', 'hybrid search', 'red teaming',
  'connection pooling', 'connection pool', 'connection pools', 'optimistic locking', 'pessimistic locking', 'API versioning',
  'sidecar pattern', 'database sharding', 'read-your-writes', 'materialized view', 'materialized views', 'retry storm',
  'fine-tune', 'fine tune', 'jump box', 'jump host', 'jump server', 'bastion host', 'structured outputs', 'structured output',
  'JSON mode', 'image signing', 'cursor pagination', 'offset pagination', 'keyset pagination', 'ajuste fino',
  'fault injection', 'load testing', 'fuzzy search', 'bot protection', 'password hashing',
  'CAP theorem', 'teorema CAP', 'synthetic monitoring', 'trunk based development', 'lift and shift', 'lift-and-shift',
  'single-table design', 'single table design', 'hot partition', 'partição quente',
  'SQL injection', 'injeção de SQL', 'cross-site scripting', 'penetration testing', 'pen testing', 'teste de intrusão',
  'threat modeling', 'modelagem de ameaças', 'secret scanning', 'code signing', 'refresh token', 'refresh tokens',
  'GitHub Student Developer Pack', 'Student Developer Pack', 'GitHub Student Pack', 'student pack',
  // Programming and computer science, which a cloud course assumes
  'big O', 'big-O notation', 'time complexity', 'hash map', 'hash maps', 'hash table', 'hash tables', 'linked list',
  'linked lists', 'binary search', 'binary tree', 'B-tree', 'B-tree index', 'B-tree indexes', 'window function',
  'window functions', 'list comprehension', 'retry decorator', 'python decorator', 'python generator', 'generator function',
  'composite index', 'composite indexes', 'índice composto', 'índices compostos', 'merge conflict', 'merge conflicts',
  'conflito de merge', 'conflitos de merge', 'Socket.IO', 'deployment slots', 'deployment slot', 'terraform import'
]

/**
 * Techniques named by one word whose stem is, or is one slip from, that of a word the notes use ("paginar"
 * and "páginas", "pagination" and "pages", "quantizing" and "quantity"): the analyser reads them as words
 * the notes know. They are compared as written, and count as names the notes do not write unless a note
 * writes one of the forms.
 */
const TECHNIQUE_WORDS: ReadonlyArray<readonly string[]> = [
  ['pagination', 'paginate', 'paginated', 'paginating', 'paginacao', 'paginar', 'paginada', 'paginado', 'paginadas', 'paginados', 'pagino', 'paginando'],
  ['quantization', 'quantize', 'quantized', 'quantizing', 'quantizacao', 'quantizar', 'quantizado', 'quantizada', 'quantizando'],
  // Salting a password before hashing it: "salting" also reads as an everyday word.
  ['salt', 'salts', 'salted', 'salting'],
  // Hibernating an instance (its memory saved to disk while it is stopped): "hibernate" also reads as an everyday word.
  ['hibernation', 'hibernate', 'hibernated', 'hibernating', 'hibernacao', 'hibernar', 'hiberna', 'hibernada', 'hibernado'],
  // Splitting a database across servers by key: "shard" also reads as an everyday word of English (a piece of glass).
  ['shard', 'shards', 'sharded', 'sharding', 'shardear', 'shardeado', 'shardeada', 'shardeamento'],
  // Training a model: "treino" also reads as an everyday word of Portuguese, and "train" as one of English.
  ['train', 'trains', 'trained', 'training', 'treinar', 'treino', 'treina', 'treinam', 'treinamos', 'treinado', 'treinada', 'treinados', 'treinadas', 'treinando', 'treinamento']
]

/**
 * Portuguese "treinar" is also to practise: with nothing after it in its clause ("rodar k8s local no notebook pra
 * treinar?"), or with what is practised after it ("pra treinar kubernetes"), it trains no model, which is always named
 * within a few words ("treinar um modelo", "treinando a rede", "treinar meu proprio llm").
 */
const PRACTISING = new Set(['treinar', 'treinando'])
const TRAINED = /^(modelos?|redes?|llms?|ia|ai|ml|classificador\w*|embeddings?|dataset\w*|dados|gpt\w*|bert|transformers?|neural\w*|algoritmos?)$/

/** Whether a word of the question, as folded, has nothing after it in its clause, or no model among the words that follow it. */
function practised (question: string, folded: string): boolean {
  const clause = new RegExp(`(?:^|[^a-z0-9])${folded}([^.,;:!?)]*)`, 'm').exec(foldText(question))
  return clause !== null && !(clause[1].match(/[a-z0-9]+/g) ?? []).slice(0, 4).some(word => TRAINED.test(word))
}

interface FieldName { spelled: string, folded: string }

// Where a clause ends in the notes' text: a name never runs across one.
const CLAUSE = /[.,;:!?()\n|`*]+/

// Longest first, so that a name is found before the shorter names inside it.
const NAMES: readonly FieldName[] = FIELD_NAMES.map(spelled => ({ spelled, folded: fold(spelled) }))
  .sort((a, b) => b.folded.length - a.folded.length)

const FOLDED = new Set(NAMES.map(name => name.folded))

/** Whether the words, as typed, spell a name on the list ("ecs anywhere", "DynamoDB Streams"). */
export function isFieldName (words: string): boolean {
  return FOLDED.has(fold(words))
}

function fold (text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, ' ').trim()
}

/** A name the notes never write, with its index terms for each language's analyser (built once per set of notes). */
interface UnwrittenName {
  spelled: string
  folded: string
  terms: Record<Lang, string[]>
  /** Found only as typed, never by its index terms (a technique word: see TECHNIQUE_WORDS). */
  typedOnly?: boolean
}

// Per set of notes: the names on the list that they never write, in any language, with either analyser's forms.
const UNWRITTEN = new WeakMap<KnowledgeBase['index'], readonly UnwrittenName[]>()

function unwritten (base: KnowledgeBase): readonly UnwrittenName[] {
  let names: readonly UnwrittenName[] | undefined = UNWRITTEN.get(base.index)
  if (names === undefined) {
    // Each clause apart: "in the cloud. Run it…" does not write "cloud run".
    const analysed = LANGS.map(lang => {
      const analyzer = analyzerFor(lang)
      const clauses = base.index.passages.flatMap(p => [p.title, ...p.keywords, p.heading, ...p.text.split(CLAUSE)])
      return ` ${clauses.map(clause => analyzer.analyze(clause).join(' ')).join(' | ')} `
    })
    const withTerms = (name: FieldName): UnwrittenName => ({
      spelled: name.spelled,
      folded: name.folded,
      terms: Object.fromEntries(LANGS.map(lang => [lang, analyzerFor(lang).analyze(name.folded)])) as Record<Lang, string[]>
    })
    const written = (name: UnwrittenName): boolean =>
      LANGS.some((lang, i) => name.terms[lang].length > 0 && analysed[i].includes(` ${name.terms[lang].join(' ')} `))
    names = NAMES.map(withTerms).filter(name => !written(name))
    const words = new Set(base.index.passages.flatMap(p => fold([p.title, ...p.keywords, p.heading, p.text].join(' ')).split(' ')))
    for (const forms of TECHNIQUE_WORDS) {
      if (forms.some(form => words.has(form))) continue
      names = [...names, ...forms.map(form => ({ ...withTerms({ spelled: form, folded: form }), typedOnly: true }))]
    }
    UNWRITTEN.set(base.index, names)
  }
  return names
}

/** Whether a name on the list is one the notes never write (see described-techniques.ts). */
export function isUnwrittenFieldName (base: KnowledgeBase, name: string): boolean {
  const folded = fold(name)
  return unwritten(base).some(unwrittenName => unwrittenName.folded === folded)
}

/** Whether two folded words are one word, or one is the other's plural ("app" / "apps", "policy" / "policies"). */
function sameOrPlural (a: string, b: string): boolean {
  const plurals = (word: string): string[] => [`${word}s`, `${word}es`, word.replace(/y$/, 'ies')]
  return a === b || plurals(a).includes(b) || plurals(b).includes(a)
}

/** Whether the name's words stand one after another among the typed words, each as itself or its plural. */
function typedSideBySide (typedWords: readonly string[], nameWords: readonly string[]): boolean {
  for (let i = 0; i + nameWords.length <= typedWords.length; i++) {
    if (nameWords.every((word, j) => sameOrPlural(typedWords[i + j], word))) return true
  }
  return false
}

/**
 * The field's names that the question mentions and the notes never write, each with its index terms in
 * `lang`. Question and names are compared as index terms, so "sticky session" finds "sticky sessions".
 */
export function unwrittenFieldNames (base: KnowledgeBase, question: string, lang: Lang): Array<{ terms: string[], spelled: string }> {
  const asked = ` ${analyzerFor(lang).analyze(fold(question)).join(' ')} `
  const typed = ` ${fold(question)} `
  const typedWords = typed.split(/[^\p{L}\p{N}]+/u)
  const found: Array<{ terms: string[], spelled: string }> = []
  for (const name of unwritten(base)) {
    const terms = name.terms[lang]
    const joined = ` ${terms.join(' ')} `
    if (terms.length === 0 || !(name.typedOnly === true ? typed.includes(` ${name.folded} `) : asked.includes(joined))) continue
    // A name of several words that the analyser leaves one term of ("Q Developer" is "developer") must be
    // typed whole: that one everyday word alone ("so that a developer can") names nothing.
    if (terms.length === 1 && name.folded.includes(' ') && !typed.includes(` ${name.folded} `)) continue
    // Each word of a name of several words is typed as itself or its plural: "a containerised app" holds no "Container Apps".
    // A Portuguese sentence names an English product with its words side by side, as English does: words apart are its own
    // ("onde entra o id da conta" holds no "Entra ID"). An English one may take a name apart ("lambdas using layers").
    const nameWords = name.folded.split(' ')
    if (nameWords.length > 1 && (lang === 'pt'
      ? !typedSideBySide(typedWords, nameWords)
      : !nameWords.every(word => typedWords.some(typedWord => sameOrPlural(typedWord, word))))) continue
    // The longest name wins: "Aurora Serverless" is one name, not two, and a plural is the same name.
    if (found.some(f => ` ${f.terms.join(' ')} `.includes(joined))) continue
    if (name.typedOnly === true && PRACTISING.has(name.folded) && practised(question, name.folded)) continue
    // A technique word is named as the student wrote it ("paginação").
    const spelled = name.typedOnly === true ? question.split(/[^\p{L}\p{N}]+/u).find(word => fold(word) === name.folded) ?? name.spelled : name.spelled
    found.push({ terms, spelled })
  }
  return found
}
