// The store every replica shares: provider reliability and feedback, and with them the answer
// cache and the rate-limit counters. ElastiCache Serverless for Valkey in the VPC's isolated
// subnets, reachable only from the service's tasks, TLS only, a password on its one user, and the
// complete connection URL in a Secrets Manager secret that ECS injects as REDIS_URL.
import { RemovalPolicy, SecretValue } from 'aws-cdk-lib'
import * as ec2 from 'aws-cdk-lib/aws-ec2'
import * as elasticache from 'aws-cdk-lib/aws-elasticache'
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager'
import { Construct } from 'constructs'

export const STORE_ENGINE = 'valkey'
export const STORE_MAJOR_VERSION = '8'
export const STORE_PORT = 6379
/**
 * The smallest ceiling the API accepts (whole GB). Billing follows the data actually stored, so
 * the ceiling only caps a runaway: 1 GB costs at most ~61 USD a month at the rate below. At the
 * ceiling ElastiCache evicts only keys with a TTL (cached answers, counters), never the learned
 * reliability and feedback, which have none.
 */
export const STORE_MAX_DATA_GB = 1
/**
 * Requests cost ECPUs (about one per KB moved). 300 asks a second with a few KB of cached answer
 * each stay under this; beyond it the cache throttles instead of billing without bound.
 */
export const STORE_MAX_ECPU_PER_SECOND = 10000
/** Daily snapshots kept: the feedback users gave cannot be recomputed from anything else. */
export const STORE_SNAPSHOT_RETENTION_DAYS = 7
export const STORE_SNAPSHOT_TIME_UTC = '04:00'

/**
 * Estimated fixed monthly cost of the store, added to the stack's budget. An estimate at
 * us-east-1 list prices, not a quote:
 * - ElastiCache Serverless for Valkey meters at least 100 MB of data at 0.084 USD per GB-hour:
 *   0.1 GB × 0.084 × 730 h ≈ 6.13 USD, whatever the cache holds below that.
 * - Two Secrets Manager secrets (the password and the URL) at 0.40 USD each: 0.80 USD.
 * Requests (0.0023 USD per million ECPUs) and snapshots (MBs at 0.085 USD per GB-month) come to
 * cents at this service's traffic. 6.93 USD, rounded up to whole dollars.
 */
export const STORE_COST = {
  minDataGb: 0.1,
  usdPerGbHour: 0.084,
  hoursPerMonth: 730,
  secrets: 2,
  usdPerSecretMonth: 0.40
} as const
export const STORE_MONTHLY_USD = Math.ceil(
  STORE_COST.minDataGb * STORE_COST.usdPerGbHour * STORE_COST.hoursPerMonth + STORE_COST.secrets * STORE_COST.usdPerSecretMonth
)

export interface SharedStoreProps {
  /** `iscoolgpt-<stage>`: names the cache, its user and its secrets. */
  name: string
  vpc: ec2.IVpc
  subnets: ec2.SubnetSelection
  /** The only security group admitted on the store's port. */
  clients: ec2.ISecurityGroup
}

export class SharedStore extends Construct {
  readonly cache: elasticache.CfnServerlessCache
  readonly securityGroup: ec2.SecurityGroup
  /** Holds the whole `rediss://default:<password>@<endpoint>:6379` URL as its plain string. */
  readonly url: secretsmanager.Secret

  constructor (scope: Construct, id: string, props: SharedStoreProps) {
    super(scope, id)
    const { name, vpc, clients } = props

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc,
      description: `IsCoolGPT shared store: port ${STORE_PORT} from the service tasks only`,
      allowAllOutbound: false
    })
    this.securityGroup.addIngressRule(clients, ec2.Port.tcp(STORE_PORT), 'Service tasks to the shared store')

    // Alphanumeric only, so the password goes into the URL without percent-encoding.
    // No fixed secret names: a deleted secret keeps its name for its 30-day recovery window,
    // which would block re-creating the stack.
    const password = new secretsmanager.Secret(this, 'Password', {
      description: 'IsCoolGPT shared store: password of its one user',
      generateSecretString: { passwordLength: 40, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.DESTROY
    })

    // A Valkey user group admits only users that authenticate, and must contain one named
    // "default": the service's user is that one, so clients authenticate with the password alone.
    const user = new elasticache.CfnUser(this, 'User', {
      engine: STORE_ENGINE,
      userId: `${name}-service`,
      userName: 'default',
      // Every command: the client's ready check runs INFO, which sits among the "dangerous" ones.
      accessString: 'on ~* +@all',
      authenticationMode: { Type: 'password', Passwords: [password.secretValue.unsafeUnwrap()] }
    })
    const userGroup = new elasticache.CfnUserGroup(this, 'UserGroup', {
      engine: STORE_ENGINE,
      userGroupId: `${name}-store`,
      userIds: [user.userId]
    })
    userGroup.node.addDependency(user)

    // Serverless caches speak TLS only; there is no setting that turns it off.
    this.cache = new elasticache.CfnServerlessCache(this, 'Cache', {
      serverlessCacheName: `${name}-store`,
      description: 'IsCoolGPT provider reliability, feedback, answer cache and rate limits',
      engine: STORE_ENGINE,
      majorEngineVersion: STORE_MAJOR_VERSION,
      cacheUsageLimits: {
        dataStorage: { maximum: STORE_MAX_DATA_GB, unit: 'GB' },
        ecpuPerSecond: { maximum: STORE_MAX_ECPU_PER_SECOND }
      },
      subnetIds: vpc.selectSubnets(props.subnets).subnetIds,
      securityGroupIds: [this.securityGroup.securityGroupId],
      userGroupId: userGroup.userGroupId,
      dailySnapshotTime: STORE_SNAPSHOT_TIME_UTC,
      snapshotRetentionLimit: STORE_SNAPSHOT_RETENTION_DAYS
    })
    this.cache.node.addDependency(userGroup)

    // The template holds only a dynamic reference to the password; CloudFormation resolves it
    // while it writes this secret, so the value never appears in a template or an output.
    this.url = new secretsmanager.Secret(this, 'Url', {
      description: 'IsCoolGPT REDIS_URL: TLS URL of the shared store, with its password',
      secretStringValue: SecretValue.unsafePlainText(
        `rediss://default:${password.secretValue.unsafeUnwrap()}@${this.cache.attrEndpointAddress}:${this.cache.attrEndpointPort}`
      ),
      removalPolicy: RemovalPolicy.DESTROY
    })
  }
}
