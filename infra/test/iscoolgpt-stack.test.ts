// Asserts every property the deployment promises on the synthesised CloudFormation templates.
import { strict as assert } from 'node:assert'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { App } from 'aws-cdk-lib'
import { Capture, Match, Template } from 'aws-cdk-lib/assertions'
import { addStacks } from '../lib/app.js'
import { readDeployConfig } from '../lib/config.js'
import { DATA_DIR } from '../lib/iscoolgpt-stack.js'
import { STORE_COST, STORE_MONTHLY_USD } from '../lib/shared-store.js'

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

/** Subnet logical ids by the `aws-cdk:subnet-name` tag CDK puts on each subnet group. */
function subnetsNamed (template: Template, name: string): string[] {
  return Object.entries(template.findResources('AWS::EC2::Subnet') as Resources)
    .filter(([, subnet]) => (subnet.Properties.Tags as Array<{ Key: string, Value: string }>)
      .some(tag => tag.Key === 'aws-cdk:subnet-name' && tag.Value === name))
    .map(([id]) => id)
    .sort()
}

/** Whether a subnet's route table sends anything to the internet (gateway or NAT). */
function routesOut (template: Template, subnetId: string): boolean {
  const associations = Object.values(template.findResources('AWS::EC2::SubnetRouteTableAssociation') as Resources)
  const table = associations.find(a => a.Properties.SubnetId.Ref === subnetId)?.Properties.RouteTableId.Ref as string
  assert.ok(table !== undefined, `subnet ${subnetId} has a route table`)
  return Object.values(template.findResources('AWS::EC2::Route') as Resources)
    .some(route => route.Properties.RouteTableId.Ref === table && route.Properties.DestinationCidrBlock === '0.0.0.0/0')
}

describe('VPC', () => {
  it('spans two AZs with public subnets and no NAT gateway by default; tasks get a public IP', () => {
    defaults.service.resourceCountIs('AWS::EC2::NatGateway', 0)
    const publicSubnets = subnetsNamed(defaults.service, 'public')
    assert.equal(publicSubnets.length, 2)
    for (const id of publicSubnets) {
      assert.equal((defaults.service.findResources('AWS::EC2::Subnet') as Resources)[id]?.Properties.MapPublicIpOnLaunch, true)
    }
    const network = only(defaults.service, 'AWS::ECS::Service').Properties.NetworkConfiguration.AwsvpcConfiguration
    assert.equal(network.AssignPublicIp, 'ENABLED')
    assert.deepEqual(network.Subnets.map((s: { Ref: string }) => s.Ref).sort(), publicSubnets)
  })

  it('adds two isolated subnets for the shared store, with no route out, in either layout', () => {
    for (const { service } of [defaults, synth({ natGateways: '1' })]) {
      const storeSubnets = subnetsNamed(service, 'store')
      assert.equal(storeSubnets.length, 2)
      for (const id of storeSubnets) {
        assert.equal((service.findResources('AWS::EC2::Subnet') as Resources)[id]?.Properties.MapPublicIpOnLaunch, false)
        assert.equal(routesOut(service, id), false, 'the store subnets reach nothing outside the VPC')
      }
    }
    defaults.service.resourceCountIs('AWS::EC2::Subnet', 4)
  })

  it('keeps the CIDRs the subnets had before the store subnets were added', () => {
    const cidrs = (template: Template, name: string): string[] => subnetsNamed(template, name)
      .map(id => (template.findResources('AWS::EC2::Subnet') as Resources)[id]?.Properties.CidrBlock as string).sort()
    assert.deepEqual(cidrs(defaults.service, 'public'), ['10.0.0.0/24', '10.0.1.0/24'])
    const withNat = synth({ natGateways: '1' }).service
    assert.deepEqual(cidrs(withNat, 'public'), ['10.0.0.0/24', '10.0.1.0/24'])
    assert.deepEqual(cidrs(withNat, 'tasks'), ['10.0.4.0/22', '10.0.8.0/22'])
  })

  it('with natGateways=1 puts the tasks in private subnets behind exactly one NAT gateway', () => {
    const { service } = synth({ natGateways: '1' })
    service.resourceCountIs('AWS::EC2::NatGateway', 1)
    service.resourceCountIs('AWS::EC2::Subnet', 6)
    const taskSubnets = subnetsNamed(service, 'tasks')
    assert.equal(taskSubnets.length, 2)
    for (const id of taskSubnets) assert.equal(routesOut(service, id), true, 'task subnets reach the LLM APIs through the NAT gateway')
    const network = only(service, 'AWS::ECS::Service').Properties.NetworkConfiguration.AwsvpcConfiguration
    assert.equal(network.AssignPublicIp, 'DISABLED')
    assert.deepEqual(network.Subnets.map((s: { Ref: string }) => s.Ref).sort(), taskSubnets)
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

  it('caps the V8 heap at three quarters of the task memory, as the image does for the default task', () => {
    const heapOf = (stack: typeof defaults): string => {
      const environment = Object.fromEntries((container(stack.service).Environment as Array<{ Name: string, Value: string }>).map(v => [v.Name, v.Value]))
      return environment.NODE_OPTIONS
    }
    assert.equal(heapOf(defaults), '--max-old-space-size=384')
    assert.equal(heapOf(synth({ cpu: '512', memoryMiB: '2048' })), '--max-old-space-size=1536')
    const dockerfile = readFileSync(new URL('../../docker/Dockerfile', import.meta.url), 'utf8')
    assert.match(dockerfile, /^\s*NODE_OPTIONS=--max-old-space-size=384 \\$/m, 'the image\'s default is the default task\'s')
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
    assert.deepEqual(Object.keys(secretRefs).sort(), ['GEMINI_API_KEY', 'HF_TOKEN', 'OPENAI_API_KEY', 'REDIS_URL'])
    delete secretRefs.REDIS_URL // its own secret; asserted with the shared store
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

describe('shared store', () => {
  const storeSecurityGroup = (template: Template): string =>
    only(template, 'AWS::ElastiCache::ServerlessCache').Properties.SecurityGroupIds[0]['Fn::GetAtt'][0] as string
  const taskSecurityGroup = (template: Template): string =>
    only(template, 'AWS::ECS::Service').Properties.NetworkConfiguration.AwsvpcConfiguration.SecurityGroups[0]['Fn::GetAtt'][0] as string

  it('is one ElastiCache Serverless Valkey 8 cache capped at 1 GB and 10,000 ECPU/s, with daily snapshots', () => {
    const cache = only(defaults.service, 'AWS::ElastiCache::ServerlessCache').Properties
    assert.equal(cache.Engine, 'valkey')
    assert.equal(cache.MajorEngineVersion, '8')
    assert.equal(cache.ServerlessCacheName, 'iscoolgpt-staging-store')
    assert.equal(cache.CacheUsageLimits.DataStorage.Minimum, undefined, 'a minimum would be billed even when unused')
    assert.deepEqual(cache.CacheUsageLimits, { DataStorage: { Maximum: 1, Unit: 'GB' }, ECPUPerSecond: { Maximum: 10000 } })
    assert.equal(cache.SnapshotRetentionLimit, 7)
    assert.match(cache.DailySnapshotTime as string, /^\d\d:\d\d$/)
    defaults.service.resourceCountIs('AWS::ElastiCache::CacheCluster', 0)
    defaults.service.resourceCountIs('AWS::ElastiCache::ReplicationGroup', 0)
  })

  it('sits in the isolated store subnets of both AZs', () => {
    const cache = only(defaults.service, 'AWS::ElastiCache::ServerlessCache').Properties
    assert.deepEqual(cache.SubnetIds.map((s: { Ref: string }) => s.Ref).sort(), subnetsNamed(defaults.service, 'store'))
    const withNat = synth({ natGateways: '1' }).service
    assert.deepEqual(only(withNat, 'AWS::ElastiCache::ServerlessCache').Properties.SubnetIds.map((s: { Ref: string }) => s.Ref).sort(), subnetsNamed(withNat, 'store'))
  })

  it('admits only the service tasks\' security group, on 6379, and sends nothing out', () => {
    const storeSg = storeSecurityGroup(defaults.service)
    const taskSg = taskSecurityGroup(defaults.service)
    const group = (defaults.service.findResources('AWS::EC2::SecurityGroup') as Resources)[storeSg]
    assert.equal(group?.Properties.SecurityGroupIngress, undefined, 'no inline ingress (e.g. a CIDR) on the store group')
    assert.deepEqual(group?.Properties.SecurityGroupEgress.map((rule: { CidrIp: string }) => rule.CidrIp), ['255.255.255.255/32'], 'CDK\'s placeholder for "no egress"')
    const ingress = Object.values(defaults.service.findResources('AWS::EC2::SecurityGroupIngress') as Resources)
      .filter(rule => JSON.stringify(rule.Properties.GroupId).includes(storeSg))
    assert.equal(ingress.length, 1)
    assert.deepEqual(ingress[0]?.Properties, {
      Description: 'Service tasks to the shared store',
      FromPort: 6379,
      ToPort: 6379,
      IpProtocol: 'tcp',
      GroupId: { 'Fn::GetAtt': [storeSg, 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': [taskSg, 'GroupId'] }
    })
  })

  it('requires a password: one Valkey user named default, in the cache\'s user group, with a generated password', () => {
    const cache = only(defaults.service, 'AWS::ElastiCache::ServerlessCache').Properties
    const group = only(defaults.service, 'AWS::ElastiCache::UserGroup').Properties
    assert.equal(cache.UserGroupId, group.UserGroupId)
    assert.equal(group.Engine, 'valkey')
    const user = only(defaults.service, 'AWS::ElastiCache::User').Properties
    assert.deepEqual(group.UserIds, [user.UserId])
    assert.equal(user.UserName, 'default')
    assert.equal(user.AuthenticationMode.Type, 'password')
    assert.equal(user.NoPasswordRequired, undefined)
    const password = only(defaults.service, 'AWS::SecretsManager::Secret', { GenerateSecretString: Match.anyValue() })
    assert.deepEqual(user.AuthenticationMode.Passwords, [{ 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: password.id }, ':SecretString:::}}']] }])
    const generate = password.Properties.GenerateSecretString
    assert.equal(generate.ExcludePunctuation, true, 'the password goes into a URL unencoded')
    assert.ok(generate.PasswordLength >= 32 && generate.PasswordLength <= 128, 'ElastiCache takes 16-128 characters')
  })

  it('puts the rediss:// URL with the password and the endpoint in a secret, and no value in the template', () => {
    const cache = only(defaults.service, 'AWS::ElastiCache::ServerlessCache')
    const password = only(defaults.service, 'AWS::SecretsManager::Secret', { GenerateSecretString: Match.anyValue() })
    const url = only(defaults.service, 'AWS::SecretsManager::Secret', { SecretString: Match.anyValue() })
    assert.deepEqual(url.Properties.SecretString, {
      'Fn::Join': ['', [
        'rediss://default:{{resolve:secretsmanager:', { Ref: password.id }, ':SecretString:::}}@',
        { 'Fn::GetAtt': [cache.id, 'Endpoint.Address'] }, ':', { 'Fn::GetAtt': [cache.id, 'Endpoint.Port'] }
      ]]
    })
    const template = JSON.stringify(defaults.service.toJSON())
    assert.doesNotMatch(template, /redis:\/\//, 'never the plain-text scheme')
  })

  it('reaches the container as the REDIS_URL secret, readable by the execution role only', () => {
    const url = only(defaults.service, 'AWS::SecretsManager::Secret', { SecretString: Match.anyValue() })
    const api = container(defaults.service)
    const secrets = api.Secrets as Array<{ Name: string, ValueFrom: unknown }>
    assert.deepEqual(secrets.find(s => s.Name === 'REDIS_URL')?.ValueFrom, { Ref: url.id })
    assert.equal((api.Environment as Array<{ Name: string }>).some(v => v.Name === 'REDIS_URL'), false, 'not also in plain environment')

    const taskDefinition = only(defaults.service, 'AWS::ECS::TaskDefinition').Properties
    const executionRole = taskDefinition.ExecutionRoleArn['Fn::GetAtt'][0] as string
    const taskRole = taskDefinition.TaskRoleArn['Fn::GetAtt'][0] as string
    const policies = Object.values(defaults.service.findResources('AWS::IAM::Policy') as Resources)
    const readers = policies.filter(p => JSON.stringify(p.Properties.PolicyDocument).includes(`"Ref":"${url.id}"`))
    assert.equal(readers.length, 1)
    assert.deepEqual(readers[0]?.Properties.Roles, [{ Ref: executionRole }])
    assert.match(JSON.stringify(readers[0]?.Properties.PolicyDocument), /secretsmanager:GetSecretValue/)
    assert.notEqual(executionRole, taskRole, 'the application code itself gets no read access')
  })

  it('exports the endpoint and the secret ARN, never the URL itself', () => {
    const url = only(defaults.service, 'AWS::SecretsManager::Secret', { SecretString: Match.anyValue() })
    const cache = only(defaults.service, 'AWS::ElastiCache::ServerlessCache')
    defaults.service.hasOutput('SharedStoreEndpoint', { Value: { 'Fn::GetAtt': [cache.id, 'Endpoint.Address'] } })
    defaults.service.hasOutput('RedisUrlSecret', { Value: { Ref: url.id } })
    assert.doesNotMatch(JSON.stringify(defaults.service.findOutputs('*')), /resolve:secretsmanager/)
  })
})

describe('data directory', () => {
  it('sets DATA_DIR to /data, a task-local volume mounted writable where the image declares VOLUME /data', () => {
    const api = container(defaults.service)
    const environment = Object.fromEntries((api.Environment as Array<{ Name: string, Value: string }>).map(v => [v.Name, v.Value]))
    assert.equal(environment.DATA_DIR, DATA_DIR)
    assert.equal(DATA_DIR, '/data')
    assert.ok(!environment.DATA_DIR?.startsWith('/app'), '/app is read-only to the service user')
    const volumes = only(defaults.service, 'AWS::ECS::TaskDefinition').Properties.Volumes as Array<Record<string, unknown>>
    assert.deepEqual(api.MountPoints, [{ SourceVolume: 'data', ContainerPath: '/data', ReadOnly: false }])
    assert.deepEqual(volumes, [{ Name: 'data' }], 'a bind mount on the task\'s ephemeral storage: no EFS, no host path')
    // Continuation lines joined, as Docker reads them.
    const dockerfile = readFileSync(new URL('../../docker/Dockerfile', import.meta.url), 'utf8').replace(/\\\n\s*/g, ' ')
    assert.match(dockerfile, /^VOLUME \["\/data"\]$/m, 'the image declares the same path, so Fargate copies its owner')
    assert.match(dockerfile, /^ENV .*DATA_DIR=\/data/m)
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
    assert.deepEqual(budget.Budget.BudgetLimit, { Amount: 25 + STORE_MONTHLY_USD, Unit: 'USD' })
    assert.equal(budget.Budget.TimeUnit, 'MONTHLY')
    assert.equal(budget.Budget.BudgetType, 'COST')
    const notifications = budget.NotificationsWithSubscribers as Array<Record<string, any>>
    assert.deepEqual(notifications.map(n => n.Notification.NotificationType).sort(), ['ACTUAL', 'FORECASTED'])
    for (const n of notifications) assert.deepEqual(n.Subscribers, [{ SubscriptionType: 'EMAIL', Address: 'ops@example.com' }])
  })

  it('adds the shared store\'s estimated minimum, 7 USD, to the configured amount', () => {
    // 100 MB metered at least × 0.084 USD/GB-hour × 730 h + two secrets × 0.40 USD = 6.93 USD.
    const estimate = STORE_COST.minDataGb * STORE_COST.usdPerGbHour * STORE_COST.hoursPerMonth + STORE_COST.secrets * STORE_COST.usdPerSecretMonth
    assert.ok(Math.abs(estimate - 6.93) < 0.01, `estimate ${estimate}`)
    assert.equal(STORE_MONTHLY_USD, 7)
    for (const amount of [10, 40, 7.5]) {
      const budget = only(synth({ budgetUsd: String(amount) }).service, 'AWS::Budgets::Budget').Properties
      assert.equal(budget.Budget.BudgetLimit.Amount, amount + 7)
    }
  })

  it('defaults to the cdk.json amount plus the store and can be turned off with 0', () => {
    assert.equal(only(defaults.service, 'AWS::Budgets::Budget').Properties.Budget.BudgetLimit.Amount, (cdkJson.context.budgetUsd as number) + STORE_MONTHLY_USD)
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
