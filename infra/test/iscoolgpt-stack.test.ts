// Asserts every property the deployment promises on the synthesised CloudFormation templates.
import { strict as assert } from 'node:assert'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { App } from 'aws-cdk-lib'
import { Capture, Match, Template } from 'aws-cdk-lib/assertions'
import { addStacks } from '../lib/app.js'
import { readDeployConfig } from '../lib/config.js'

const cdkJson = JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> }

const CERT_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-1234567890ab'
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:shared/llm-keys-AbC123'
const OIDC_ARN = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com'

interface Synth { base: Template, service: Template }

/** Synthesises both stacks the way `cdk synth` does: cdk.json's context, overridden per test. */
function synth (context: Record<string, unknown> = {}): Synth {
  const merged = { ...cdkJson.context, ...context }
  const app = new App({ context: merged })
  const stacks = addStacks(app, readDeployConfig(key => app.node.tryGetContext(key)))
  return { base: Template.fromStack(stacks.base), service: Template.fromStack(stacks.service) }
}

type Resources = Record<string, { Type: string, Properties: Record<string, any>, DeletionPolicy?: string }>

function only (template: Template, type: string, props?: Record<string, unknown>): { id: string, Properties: Record<string, any>, DeletionPolicy?: string } {
  const found = template.findResources(type, props === undefined ? undefined : { Properties: props }) as Resources
  const ids = Object.keys(found)
  assert.equal(ids.length, 1, `expected exactly one ${type}, found ${ids.length}`)
  const id = ids[0] as string
  return { id, ...(found[id] as Resources[string]) }
}

function container (template: Template): Record<string, any> {
  const containers = only(template, 'AWS::ECS::TaskDefinition').Properties.ContainerDefinitions as Array<Record<string, any>>
  assert.equal(containers.length, 1)
  return containers[0] as Record<string, any>
}

const defaults = synth()

describe('ECR repository', () => {
  it('scans pushes, expires untagged images after a day and keeps the 20 newest', () => {
    const repo = only(defaults.base, 'AWS::ECR::Repository')
    assert.equal(repo.Properties.RepositoryName, 'iscoolgpt-staging')
    assert.deepEqual(repo.Properties.ImageScanningConfiguration, { ScanOnPush: true })
    assert.equal(repo.DeletionPolicy, 'Retain')
    const policy = JSON.parse(repo.Properties.LifecyclePolicy.LifecyclePolicyText as string) as { rules: Array<Record<string, any>> }
    const untagged = policy.rules.find(rule => rule.selection.tagStatus === 'untagged')
    assert.deepEqual(untagged?.selection, { tagStatus: 'untagged', countType: 'sinceImagePushed', countNumber: 1, countUnit: 'days' })
    const any = policy.rules.find(rule => rule.selection.tagStatus === 'any')
    assert.deepEqual(any?.selection, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 20 })
    assert.ok((any?.rulePriority as number) > (untagged?.rulePriority as number), 'the catch-all rule must come last')
  })

  it('is the image the task definition runs, with the tag from context', () => {
    const image = JSON.stringify(container(synth({ imageTag: 'abc123def' }).service).Image)
    assert.match(image, /\.dkr\.ecr\./)
    assert.match(image, /:abc123def"/)
    assert.match(JSON.stringify(container(defaults.service).Image), /:latest"/)
  })
})

describe('VPC', () => {
  it('spans two AZs with public subnets only and no NAT gateway by default; tasks get a public IP', () => {
    defaults.service.resourceCountIs('AWS::EC2::Subnet', 2)
    defaults.service.resourceCountIs('AWS::EC2::NatGateway', 0)
    for (const subnet of Object.values(defaults.service.findResources('AWS::EC2::Subnet') as Resources)) {
      assert.equal(subnet.Properties.MapPublicIpOnLaunch, true)
    }
    const network = only(defaults.service, 'AWS::ECS::Service').Properties.NetworkConfiguration.AwsvpcConfiguration
    assert.equal(network.AssignPublicIp, 'ENABLED')
    assert.equal(network.Subnets.length, 2)
  })

  it('with natGateways=1 puts the tasks in private subnets behind exactly one NAT gateway', () => {
    const { service } = synth({ natGateways: '1' })
    service.resourceCountIs('AWS::EC2::NatGateway', 1)
    service.resourceCountIs('AWS::EC2::Subnet', 4)
    const privateSubnets = Object.keys(service.findResources('AWS::EC2::Subnet', { Properties: { MapPublicIpOnLaunch: false } }))
    assert.equal(privateSubnets.length, 2)
    const network = only(service, 'AWS::ECS::Service').Properties.NetworkConfiguration.AwsvpcConfiguration
    assert.equal(network.AssignPublicIp, 'DISABLED')
    assert.deepEqual(network.Subnets.map((s: { Ref: string }) => s.Ref).sort(), privateSubnets.sort())
  })
})

describe('ECS cluster and service', () => {
  it('offers FARGATE_SPOT and FARGATE and weights the service towards Spot', () => {
    const associations = only(defaults.service, 'AWS::ECS::ClusterCapacityProviderAssociations').Properties
    assert.deepEqual([...associations.CapacityProviders].sort(), ['FARGATE', 'FARGATE_SPOT'])
    const strategy = only(defaults.service, 'AWS::ECS::Service').Properties.CapacityProviderStrategy as Array<Record<string, unknown>>
    const spot = strategy.find(s => s.CapacityProvider === 'FARGATE_SPOT')
    const onDemand = strategy.find(s => s.CapacityProvider === 'FARGATE')
    assert.ok((spot?.Weight as number) > (onDemand?.Weight as number))
    assert.equal(onDemand?.Base, 0)
    assert.equal(only(defaults.service, 'AWS::ECS::Service').Properties.LaunchType, undefined, 'a launch type would override the capacity providers')
  })

  it('keeps onDemandBase tasks on on-demand Fargate', () => {
    const strategy = only(synth({ onDemandBase: '1' }).service, 'AWS::ECS::Service').Properties.CapacityProviderStrategy as Array<Record<string, unknown>>
    assert.equal(strategy.find(s => s.CapacityProvider === 'FARGATE')?.Base, 1)
  })

  it('rolls a failed deployment back with the circuit breaker and leaves the task count to autoscaling', () => {
    const props = only(defaults.service, 'AWS::ECS::Service').Properties
    assert.deepEqual(props.DeploymentConfiguration.DeploymentCircuitBreaker, { Enable: true, Rollback: true })
    assert.equal(props.DeploymentConfiguration.MinimumHealthyPercent, 100)
    assert.equal(props.DesiredCount, undefined)
  })
})

describe('task definition', () => {
  it('is 0.25 vCPU / 512 MiB on Fargate by default and sized from context', () => {
    defaults.service.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: '256', Memory: '512', NetworkMode: 'awsvpc', RequiresCompatibilities: ['FARGATE'], Family: 'iscoolgpt-staging'
    })
    synth({ cpu: '512', memoryMiB: '1024' }).service.hasResourceProperties('AWS::ECS::TaskDefinition', { Cpu: '512', Memory: '1024' })
  })

  it('exposes 8080, probes /health, and gives Spot interruptions the full 120 s stop timeout', () => {
    const api = container(defaults.service)
    assert.equal(api.Name, 'api')
    assert.deepEqual(api.PortMappings, [{ ContainerPort: 8080, Name: 'http', Protocol: 'tcp' }])
    assert.equal(api.StopTimeout, 120)
    assert.deepEqual(api.HealthCheck.Command.slice(0, 3), ['CMD', '/nodejs/bin/node', '-e'], 'exec form: the image has no shell')
    const environment = Object.fromEntries((api.Environment as Array<{ Name: string, Value: string }>).map(v => [v.Name, v.Value]))
    assert.ok(Number(environment.SHUTDOWN_GRACE_MS) < 120000, 'the app finishes draining before ECS kills it')
    assert.match(api.HealthCheck.Command.join(' '), /http:\/\/127\.0\.0\.1:8080\/health/)
  })

  it('believes X-Forwarded-For only from the VPC, and outlasts the load balancer\'s idle timeout on keep-alive connections', () => {
    const api = container(defaults.service)
    const environment = Object.fromEntries((api.Environment as Array<{ Name: string, Value: unknown }>).map(v => [v.Name, v.Value]))
    const vpc = only(defaults.service, 'AWS::EC2::VPC')
    assert.deepEqual(environment.TRUST_PROXY, { 'Fn::GetAtt': [vpc.id, 'CidrBlock'] }, 'TRUST_PROXY is the VPC\'s own range')
    const alb = only(defaults.service, 'AWS::ElasticLoadBalancingV2::LoadBalancer')
    const attributes = alb.Properties.LoadBalancerAttributes as Array<{ Key: string, Value: string }>
    const idleS = Number(attributes.find(a => a.Key === 'idle_timeout.timeout_seconds')?.Value)
    assert.ok(Number(environment.KEEP_ALIVE_TIMEOUT_MS) > idleS * 1000, `keep-alive ${String(environment.KEEP_ALIVE_TIMEOUT_MS)} ms > ALB idle ${idleS} s`)
  })

  it('logs to a CloudWatch log group with a retention', () => {
    const logGroup = only(defaults.service, 'AWS::Logs::LogGroup')
    assert.equal(logGroup.Properties.RetentionInDays, 14)
    const logging = container(defaults.service).LogConfiguration
    assert.equal(logging.LogDriver, 'awslogs')
    assert.deepEqual(logging.Options['awslogs-group'], { Ref: logGroup.id })
  })

  it('takes the provider keys from Secrets Manager, never from plain environment values', () => {
    const api = container(defaults.service)
    const secretRefs = Object.fromEntries((api.Secrets as Array<{ Name: string, ValueFrom: unknown }>).map(s => [s.Name, JSON.stringify(s.ValueFrom)]))
    assert.deepEqual(Object.keys(secretRefs).sort(), ['GEMINI_API_KEY', 'HF_TOKEN', 'OPENAI_API_KEY'])
    for (const [name, ref] of Object.entries(secretRefs)) {
      assert.match(ref, /ProviderKeys/, `${name} must come from the provider secret`)
      assert.match(ref, new RegExp(`:${name}::`), `${name} must read its own JSON field`)
    }
    for (const variable of api.Environment as Array<{ Name: string, Value: string }>) {
      assert.doesNotMatch(variable.Name, /KEY|TOKEN|SECRET|PASSWORD/i, `${variable.Name} is a secret in plain environment`)
    }
    const environment = Object.fromEntries((api.Environment as Array<{ Name: string, Value: string }>).map(v => [v.Name, v.Value]))
    assert.equal(environment.NODE_ENV, 'production')
    assert.equal(environment.PORT, '8080')

    const executionRole = only(defaults.service, 'AWS::ECS::TaskDefinition').Properties.ExecutionRoleArn['Fn::GetAtt'][0] as string
    const policies = defaults.service.findResources('AWS::IAM::Policy') as Resources
    const grants = Object.values(policies).filter(p => JSON.stringify(p.Properties.Roles).includes(executionRole))
    assert.match(JSON.stringify(grants), /secretsmanager:GetSecretValue/)
  })

  it('the created secret holds only empty fields, so no key value ever sits in a template', () => {
    const secret = only(defaults.base, 'AWS::SecretsManager::Secret')
    assert.deepEqual(JSON.parse(secret.Properties.SecretString as string), { OPENAI_API_KEY: '', GEMINI_API_KEY: '', HF_TOKEN: '' })
    assert.equal(secret.DeletionPolicy, 'Retain')
  })

  it('uses an existing secret when providerSecretArn is given', () => {
    const { base, service } = synth({ providerSecretArn: SECRET_ARN })
    base.resourceCountIs('AWS::SecretsManager::Secret', 0)
    const secrets = container(service).Secrets as Array<{ Name: string, ValueFrom: unknown }>
    assert.match(JSON.stringify(secrets), /shared\/llm-keys-AbC123:OPENAI_API_KEY::/)
  })
})

describe('load balancer', () => {
  it('listens on 80 and forwards to a target group on 8080 that checks /health and drains quickly', () => {
    const alb = only(defaults.service, 'AWS::ElasticLoadBalancingV2::LoadBalancer')
    assert.equal(alb.Properties.Scheme, 'internet-facing')
    const listener = only(defaults.service, 'AWS::ElasticLoadBalancingV2::Listener')
    assert.equal(listener.Properties.Port, 80)
    assert.equal(listener.Properties.DefaultActions[0].Type, 'forward')
    const group = only(defaults.service, 'AWS::ElasticLoadBalancingV2::TargetGroup')
    assert.equal(group.Properties.Port, 8080)
    assert.equal(group.Properties.TargetType, 'ip')
    assert.equal(group.Properties.HealthCheckPath, '/health')
    const attributes = Object.fromEntries((group.Properties.TargetGroupAttributes as Array<{ Key: string, Value: string }>).map(a => [a.Key, a.Value]))
    assert.ok(Number(attributes['deregistration_delay.timeout_seconds']) <= 60, 'deregistration delay should be short')
    defaults.service.resourceCountIs('AWS::CertificateManager::Certificate', 0)
  })

  it('lets the tasks accept 8080 from the load balancer security group only', () => {
    const albSg = only(defaults.service, 'AWS::ElasticLoadBalancingV2::LoadBalancer').Properties.SecurityGroups[0]['Fn::GetAtt'][0] as string
    const taskSg = only(defaults.service, 'AWS::ECS::Service').Properties.NetworkConfiguration.AwsvpcConfiguration.SecurityGroups[0]['Fn::GetAtt'][0] as string
    assert.notEqual(albSg, taskSg)
    const taskGroup = (defaults.service.findResources('AWS::EC2::SecurityGroup') as Resources)[taskSg]
    assert.equal(taskGroup?.Properties.SecurityGroupIngress, undefined, 'no inline ingress (e.g. 0.0.0.0/0) on the task group')
    const ingress = Object.values(defaults.service.findResources('AWS::EC2::SecurityGroupIngress') as Resources)
      .filter(rule => JSON.stringify(rule.Properties.GroupId).includes(taskSg))
    assert.equal(ingress.length, 1)
    assert.deepEqual(ingress[0]?.Properties, {
      Description: 'Load balancer to target',
      FromPort: 8080,
      ToPort: 8080,
      IpProtocol: 'tcp',
      GroupId: { 'Fn::GetAtt': [taskSg, 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': [albSg, 'GroupId'] }
    })
  })

  it('adds HTTPS on 443 with the given certificate and redirects HTTP to it', () => {
    const { service } = synth({ certificateArn: CERT_ARN })
    service.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: CERT_ARN }],
      DefaultActions: [Match.objectLike({ Type: 'forward' })]
    })
    service.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }]
    })
    const albSg = only(service, 'AWS::ElasticLoadBalancingV2::LoadBalancer').Properties.SecurityGroups[0]['Fn::GetAtt'][0] as string
    const ingress = (service.findResources('AWS::EC2::SecurityGroup') as Resources)[albSg]?.Properties.SecurityGroupIngress as Array<{ FromPort: number, CidrIp: string }>
    assert.deepEqual(ingress.map(r => [r.FromPort, r.CidrIp]).sort(), [[443, '0.0.0.0/0'], [80, '0.0.0.0/0']])
  })

  it('requests a DNS-validated certificate when only a domain is given', () => {
    const { service } = synth({ domainName: 'api.iscoolgpt.example.com' })
    service.hasResourceProperties('AWS::CertificateManager::Certificate', { DomainName: 'api.iscoolgpt.example.com', ValidationMethod: 'DNS' })
    service.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 443, Protocol: 'HTTPS' })
    service.hasOutput('Url', { Value: 'https://api.iscoolgpt.example.com' })
  })
})

describe('autoscaling and alarms', () => {
  it('scales 1 to 3 tasks tracking average CPU in the 60-70 % band', () => {
    defaults.service.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      MinCapacity: 1, MaxCapacity: 3, ScalableDimension: 'ecs:service:DesiredCount', ServiceNamespace: 'ecs'
    })
    const tracking = only(defaults.service, 'AWS::ApplicationAutoScaling::ScalingPolicy').Properties.TargetTrackingScalingPolicyConfiguration
    assert.equal(tracking.PredefinedMetricSpecification.PredefinedMetricType, 'ECSServiceAverageCPUUtilization')
    assert.ok(tracking.TargetValue >= 60 && tracking.TargetValue <= 70)
  })

  it('raises an alarm when service CPU stays above 80 %', () => {
    const alarm = only(defaults.service, 'AWS::CloudWatch::Alarm').Properties
    assert.equal(alarm.Namespace, 'AWS/ECS')
    assert.equal(alarm.MetricName, 'CPUUtilization')
    assert.equal(alarm.Threshold, 80)
    assert.equal(alarm.ComparisonOperator, 'GreaterThanThreshold')
    assert.deepEqual(alarm.Dimensions.map((d: { Name: string }) => d.Name).sort(), ['ClusterName', 'ServiceName'])
    assert.equal(alarm.AlarmActions, undefined)
    defaults.service.resourceCountIs('AWS::SNS::Topic', 0)
  })

  it('mails the alarm through an SNS topic when alertEmail is given', () => {
    const { service } = synth({ alertEmail: 'ops@example.com' })
    const topic = only(service, 'AWS::SNS::Topic')
    service.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com', TopicArn: { Ref: topic.id } })
    const alarm = only(service, 'AWS::CloudWatch::Alarm').Properties
    assert.deepEqual(alarm.AlarmActions, [{ Ref: topic.id }])
  })
})

describe('budget', () => {
  it('sets a monthly cost budget with the configured amount, notifying the alert e-mail', () => {
    const { service } = synth({ budgetUsd: '25', alertEmail: 'ops@example.com' })
    const budget = only(service, 'AWS::Budgets::Budget').Properties
    assert.deepEqual(budget.Budget.BudgetLimit, { Amount: 25, Unit: 'USD' })
    assert.equal(budget.Budget.TimeUnit, 'MONTHLY')
    assert.equal(budget.Budget.BudgetType, 'COST')
    const notifications = budget.NotificationsWithSubscribers as Array<Record<string, any>>
    assert.deepEqual(notifications.map(n => n.Notification.NotificationType).sort(), ['ACTUAL', 'FORECASTED'])
    for (const n of notifications) assert.deepEqual(n.Subscribers, [{ SubscriptionType: 'EMAIL', Address: 'ops@example.com' }])
  })

  it('defaults to the cdk.json amount and can be turned off with 0', () => {
    assert.equal(only(defaults.service, 'AWS::Budgets::Budget').Properties.Budget.BudgetLimit.Amount, cdkJson.context.budgetUsd)
    synth({ budgetUsd: '0' }).service.resourceCountIs('AWS::Budgets::Budget', 0)
  })
})

describe('GitHub deploy role', () => {
  it('is absent unless githubRepo is given', () => {
    defaults.service.resourceCountIs('AWS::IAM::OIDCProvider', 0)
    assert.equal(Object.keys(defaults.service.findOutputs('GitHubDeployRoleArn')).length, 0)
  })

  it('trusts only the repository\'s jobs in the stage\'s GitHub environment, through OIDC', () => {
    const { service } = synth({ githubRepo: 'acme/iscoolgpt', stage: 'production' })
    const provider = only(service, 'AWS::IAM::OIDCProvider')
    assert.equal(provider.Properties.Url, 'https://token.actions.githubusercontent.com')
    assert.deepEqual(provider.Properties.ClientIdList, ['sts.amazonaws.com'])
    const trust = new Capture()
    service.hasResourceProperties('AWS::IAM::Role', { AssumeRolePolicyDocument: trust, Description: Match.stringLikeRegexp('GitHub') })
    const statement = trust.asObject().Statement[0]
    assert.equal(statement.Action, 'sts:AssumeRoleWithWebIdentity')
    assert.deepEqual(statement.Condition.StringEquals, {
      'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
      'token.actions.githubusercontent.com:sub': 'repo:acme/iscoolgpt:environment:production'
    })
    const policies = JSON.stringify(service.findResources('AWS::IAM::Policy'))
    for (const action of ['ecr:PutImage', 'ecr:GetAuthorizationToken', 'ecs:RegisterTaskDefinition', 'ecs:UpdateService', 'iam:PassRole']) {
      assert.ok(policies.includes(action), `deploy role needs ${action}`)
    }
    assert.ok(!policies.includes('"Action":"*"') && !policies.includes('"ecs:*"'), 'no wildcard actions')
    service.hasOutput('GitHubDeployRoleArn', {})
  })

  it('reuses an existing OIDC provider when its ARN is given', () => {
    const { service } = synth({ githubRepo: 'acme/iscoolgpt', githubOidcProviderArn: OIDC_ARN })
    service.resourceCountIs('AWS::IAM::OIDCProvider', 0)
    service.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Federated: OIDC_ARN } })] })
    })
  })
})

describe('stages', () => {
  it('names every resource after the stage so staging and production can share an account', () => {
    const { base, service } = synth({ stage: 'production' })
    base.hasResourceProperties('AWS::ECR::Repository', { RepositoryName: 'iscoolgpt-production' })
    service.hasResourceProperties('AWS::ECS::Cluster', { ClusterName: 'iscoolgpt-production' })
    service.hasResourceProperties('AWS::ECS::Service', { ServiceName: 'iscoolgpt-production' })
    service.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/ecs/iscoolgpt-production' })
  })
})
