// What must exist before the service can start and must outlive it: the image repository and
// the secret holding the provider keys. A separate stack, so the first image can be pushed
// before the service that pulls it is created.
import { Duration, RemovalPolicy, SecretValue, Stack, type StackProps } from 'aws-cdk-lib'
import * as ecr from 'aws-cdk-lib/aws-ecr'
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager'
import type { Construct } from 'constructs'
import type { DeployConfig } from './config.js'

/** The environment variables the container reads from the provider secret, one JSON field each. */
export const PROVIDER_KEY_FIELDS = ['OPENAI_API_KEY', 'GEMINI_API_KEY', 'HF_TOKEN'] as const

export interface BaseStackProps extends StackProps {
  config: DeployConfig
}

export class BaseStack extends Stack {
  readonly repository: ecr.Repository
  readonly providerKeys: secretsmanager.ISecret

  constructor (scope: Construct, id: string, props: BaseStackProps) {
    super(scope, id, props)
    const { config } = props
    const name = `iscoolgpt-${config.stage}`

    this.repository = new ecr.Repository(this, 'Images', {
      repositoryName: name,
      imageScanOnPush: true,
      // `latest` moves with every deploy from main, so tags stay mutable.
      imageTagMutability: ecr.TagMutability.MUTABLE,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          rulePriority: 1,
          description: 'Untagged images are superseded build layers',
          tagStatus: ecr.TagStatus.UNTAGGED,
          maxImageAge: Duration.days(1)
        },
        {
          rulePriority: 2,
          description: 'Keep the 20 newest images: enough to roll back, bounded storage cost',
          tagStatus: ecr.TagStatus.ANY,
          maxImageCount: 20
        }
      ]
    })

    if (config.providerSecretArn !== undefined) {
      this.providerKeys = secretsmanager.Secret.fromSecretCompleteArn(this, 'ProviderKeys', config.providerSecretArn)
    } else {
      // Created with empty fields so the first deploy needs no key; the real values are set
      // afterwards with `aws secretsmanager put-secret-value` and never appear in a template.
      // CloudFormation only rewrites the value when this property changes, which it never does.
      this.providerKeys = new secretsmanager.Secret(this, 'ProviderKeys', {
        secretName: `${name}/provider-keys`,
        description: 'IsCoolGPT LLM provider keys, one JSON field per environment variable',
        secretObjectValue: Object.fromEntries(PROVIDER_KEY_FIELDS.map(field => [field, SecretValue.unsafePlainText('')])),
        removalPolicy: RemovalPolicy.RETAIN
      })
    }
  }
}
