// The running service: VPC, ECS cluster on Fargate Spot, task definition, the shared store, ALB,
// autoscaling, CPU alarm, monthly budget and (optionally) the IAM role GitHub Actions deploys with.
import { CfnOutput, Duration, RemovalPolicy, Size, Stack, type StackProps } from 'aws-cdk-lib'
import * as acm from 'aws-cdk-lib/aws-certificatemanager'
import * as budgets from 'aws-cdk-lib/aws-budgets'
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch'
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions'
import * as ec2 from 'aws-cdk-lib/aws-ec2'
import type * as ecr from 'aws-cdk-lib/aws-ecr'
import * as ecs from 'aws-cdk-lib/aws-ecs'
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as logs from 'aws-cdk-lib/aws-logs'
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager'
import * as sns from 'aws-cdk-lib/aws-sns'
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions'
import type { Construct } from 'constructs'
import { PROVIDER_KEY_FIELDS } from './base-stack.js'
import { heapLimitMiB, type DeployConfig } from './config.js'
import { SharedStore, STORE_MONTHLY_USD } from './shared-store.js'

export const CONTAINER_NAME = 'api'
export const CONTAINER_PORT = 8080
export const CPU_ALARM_THRESHOLD = 80
export const CPU_TARGET_PERCENT = 65
/** Fargate's maximum: Spot gives two minutes' notice, all of it goes to finishing requests. */
export const STOP_TIMEOUT_S = 120
export const LOG_RETENTION = logs.RetentionDays.TWO_WEEKS
/**
 * DATA_DIR: a task-local volume, since the image's /app is read-only to the service user. With
 * REDIS_URL set the learned state lives in the shared store; files written here last as long as
 * the task does.
 */
export const DATA_DIR = '/data'
/** Answers stream as SSE with a ping every 15 s; 120 s leaves room for the slowest model. */
export const ALB_IDLE_TIMEOUT_S = 120

const GITHUB_OIDC_URL = 'https://token.actions.githubusercontent.com'

export interface IsCoolGptStackProps extends StackProps {
  config: DeployConfig
  repository: ecr.IRepository
  providerKeys: secretsmanager.ISecret
}

export class IsCoolGptStack extends Stack {
  readonly service: ecs.FargateService
  readonly loadBalancer: elbv2.ApplicationLoadBalancer

  constructor (scope: Construct, id: string, props: IsCoolGptStackProps) {
    super(scope, id, props)
    const { config, repository, providerKeys } = props
    const name = `iscoolgpt-${config.stage}`
    const publicTasks = config.natGateways === 0

    // Without a NAT gateway (~32 USD/month plus data) the tasks sit in public subnets with a
    // public IP for their outbound calls (ECR, Secrets Manager, the LLM APIs); their security
    // group still admits nothing but the load balancer. The shared store sits in isolated
    // subnets (no route out, no cost) either way; listed last so existing subnets keep their CIDRs.
    const storeSubnets = { name: 'store', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }
    const vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: config.natGateways,
      subnetConfiguration: publicTasks
        ? [{ name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 }, storeSubnets]
        : [
            { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
            { name: 'tasks', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
            storeSubnets
          ]
    })

    const cluster = new ecs.Cluster(this, 'Cluster', {
      clusterName: name,
      vpc,
      enableFargateCapacityProviders: true
    })

    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/ecs/${name}`,
      retention: LOG_RETENTION,
      removalPolicy: RemovalPolicy.DESTROY
    })

    const albSecurityGroup = new ec2.SecurityGroup(this, 'AlbSecurityGroup', {
      vpc,
      description: 'IsCoolGPT load balancer: HTTP(S) from the internet',
      allowAllOutbound: false
    })
    const taskSecurityGroup = new ec2.SecurityGroup(this, 'TaskSecurityGroup', {
      vpc,
      description: 'IsCoolGPT tasks: port 8080 from the load balancer only',
      allowAllOutbound: true
    })

    // Shared by every replica, so what one task learns about the providers the others use too.
    const store = new SharedStore(this, 'SharedStore', {
      name,
      vpc,
      subnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      clients: taskSecurityGroup
    })

    const taskDefinition = new ecs.FargateTaskDefinition(this, 'Task', {
      family: name,
      cpu: config.cpu,
      memoryLimitMiB: config.memoryMiB,
      runtimePlatform: {
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
        cpuArchitecture: ecs.CpuArchitecture.X86_64
      }
    })

    // A bind mount on the task's ephemeral storage. Mounted where the image declares VOLUME /data,
    // so Fargate gives it the image directory's owner (the non-root service user).
    taskDefinition.addVolume({ name: 'data' })

    const api = taskDefinition.addContainer('Api', {
      containerName: CONTAINER_NAME,
      image: ecs.ContainerImage.fromEcrRepository(repository, config.imageTag),
      essential: true,
      portMappings: [{ containerPort: CONTAINER_PORT, protocol: ecs.Protocol.TCP, name: 'http' }],
      environment: {
        NODE_ENV: 'production',
        // The image's default is for the default task size; this follows the task's memory.
        NODE_OPTIONS: `--max-old-space-size=${heapLimitMiB(config.memoryMiB)}`,
        HOST: '0.0.0.0',
        PORT: String(CONTAINER_PORT),
        LOG_LEVEL: 'info',
        // In-flight asks (30 s deadline) finish well inside the 120 s ECS waits after SIGTERM.
        SHUTDOWN_GRACE_MS: String((STOP_TIMEOUT_S - 30) * 1000),
        DATA_DIR,
        // X-Forwarded-For is believed only from inside the VPC, where the load balancer's nodes live.
        TRUST_PROXY: vpc.vpcCidrBlock,
        // The load balancer, not the task, must close idle connections, or it may send a request on one the task just closed.
        KEEP_ALIVE_TIMEOUT_MS: String((ALB_IDLE_TIMEOUT_S + 5) * 1000)
      },
      // Resolved by ECS at task start with the execution role; the template only holds ARNs.
      secrets: {
        ...Object.fromEntries(PROVIDER_KEY_FIELDS.map(field => [field, ecs.Secret.fromSecretsManager(providerKeys, field)])),
        // The URL carries the store's password, so it is a secret like the keys.
        REDIS_URL: ecs.Secret.fromSecretsManager(store.url)
      },
      logging: ecs.LogDrivers.awsLogs({
        logGroup,
        streamPrefix: 'api',
        // A CloudWatch hiccup must drop log lines, not block the event loop on stdout.
        mode: ecs.AwsLogDriverMode.NON_BLOCKING,
        maxBufferSize: Size.mebibytes(4)
      }),
      // The distroless runtime has no shell or curl; Node's own fetch does the probe.
      healthCheck: {
        command: ['CMD', '/nodejs/bin/node', '-e', `fetch('http://127.0.0.1:${CONTAINER_PORT}/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))`],
        interval: Duration.seconds(30),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(15)
      },
      stopTimeout: Duration.seconds(STOP_TIMEOUT_S)
    })
    api.addMountPoints({ sourceVolume: 'data', containerPath: DATA_DIR, readOnly: false })

    this.service = new ecs.FargateService(this, 'Service', {
      serviceName: name,
      cluster,
      taskDefinition,
      // No desiredCount: CloudFormation starts with one task and afterwards leaves the count to
      // autoscaling, so a stack update never scales a busy service back down.
      assignPublicIp: publicTasks,
      vpcSubnets: { subnetType: publicTasks ? ec2.SubnetType.PUBLIC : ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [taskSecurityGroup],
      // ECS does not move a task to on-demand when Spot capacity runs out; `base` is the floor
      // that always runs on-demand, the weights send everything above it mostly to Spot.
      capacityProviderStrategies: [
        { capacityProvider: 'FARGATE_SPOT', weight: 4 },
        { capacityProvider: 'FARGATE', weight: 1, base: config.onDemandBase }
      ],
      circuitBreaker: { enable: true, rollback: true },
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      healthCheckGracePeriod: Duration.seconds(30),
      propagateTags: ecs.PropagatedTagSource.SERVICE
    })

    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc,
      internetFacing: true,
      securityGroup: albSecurityGroup,
      dropInvalidHeaderFields: true,
      idleTimeout: Duration.seconds(ALB_IDLE_TIMEOUT_S)
    })

    const certificate = config.certificateArn !== undefined
      ? acm.Certificate.fromCertificateArn(this, 'Certificate', config.certificateArn)
      : config.domainName !== undefined
        ? new acm.Certificate(this, 'Certificate', {
          domainName: config.domainName,
          // No hosted zone lookup: CloudFormation waits until the CNAME it prints is added to DNS.
          validation: acm.CertificateValidation.fromDns()
        })
        : undefined

    const targetGroupProps: elbv2.AddApplicationTargetsProps = {
      port: CONTAINER_PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [this.service.loadBalancerTarget({ containerName: CONTAINER_NAME, containerPort: CONTAINER_PORT })],
      healthCheck: {
        path: '/health',
        healthyHttpCodes: '200',
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3
      },
      // The app drains in-flight requests itself on SIGTERM; the ALB need not wait the default 300 s.
      deregistrationDelay: Duration.seconds(30)
    }

    const http = this.loadBalancer.addListener('Http', { port: 80, protocol: elbv2.ApplicationProtocol.HTTP, open: true })
    if (certificate !== undefined) {
      const https = this.loadBalancer.addListener('Https', {
        port: 443,
        protocol: elbv2.ApplicationProtocol.HTTPS,
        certificates: [certificate],
        sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
        open: true
      })
      https.addTargets('Api', targetGroupProps)
      http.addAction('RedirectToHttps', {
        action: elbv2.ListenerAction.redirect({ protocol: 'HTTPS', port: '443', permanent: true })
      })
    } else {
      http.addTargets('Api', targetGroupProps)
    }

    const scaling = this.service.autoScaleTaskCount({ minCapacity: config.minTasks, maxCapacity: config.maxTasks })
    scaling.scaleOnCpuUtilization('CpuTarget', {
      targetUtilizationPercent: CPU_TARGET_PERCENT,
      scaleOutCooldown: Duration.seconds(60),
      // Scale in slowly: a fresh task on Spot costs a cold start, an idle one costs cents.
      scaleInCooldown: Duration.seconds(300)
    })

    const cpuAlarm = new cloudwatch.Alarm(this, 'CpuHigh', {
      alarmName: `${name}-cpu-high`,
      alarmDescription: `Average CPU of the ${name} service above ${CPU_ALARM_THRESHOLD}% for 3 of 5 minutes, even with autoscaling`,
      metric: this.service.metricCpuUtilization({ period: Duration.minutes(1), statistic: cloudwatch.Stats.AVERAGE }),
      threshold: CPU_ALARM_THRESHOLD,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING
    })

    if (config.alertEmail !== undefined) {
      const topic = new sns.Topic(this, 'Alerts', { topicName: `${name}-alerts`, displayName: 'IsCoolGPT alerts' })
      topic.addSubscription(new subscriptions.EmailSubscription(config.alertEmail))
      cpuAlarm.addAlarmAction(new cloudwatchActions.SnsAction(topic))
      cpuAlarm.addOkAction(new cloudwatchActions.SnsAction(topic))
    }

    // budgetUsd covers the compute, load balancer, addresses and logs (~32-36 USD, docs/deploy.md);
    // the shared store's fixed minimum (~7 USD, estimated in shared-store.ts) comes on top.
    if (config.budgetUsd > 0) {
      const subscribers = config.alertEmail !== undefined
        ? [{ subscriptionType: 'EMAIL', address: config.alertEmail }]
        : []
      new budgets.CfnBudget(this, 'MonthlyBudget', {
        budget: {
          budgetName: `${name}-monthly`,
          budgetType: 'COST',
          timeUnit: 'MONTHLY',
          budgetLimit: { amount: config.budgetUsd + STORE_MONTHLY_USD, unit: 'USD' }
        },
        notificationsWithSubscribers: subscribers.length === 0
          ? undefined
          : [
              {
                notification: { notificationType: 'ACTUAL', comparisonOperator: 'GREATER_THAN', threshold: 80, thresholdType: 'PERCENTAGE' },
                subscribers
              },
              {
                notification: { notificationType: 'FORECASTED', comparisonOperator: 'GREATER_THAN', threshold: 100, thresholdType: 'PERCENTAGE' },
                subscribers
              }
            ]
      })
    }

    if (config.githubRepo !== undefined) {
      this.addGitHubDeployRole(config, repository, taskDefinition)
    }

    const url = `${certificate !== undefined ? 'https' : 'http'}://${config.domainName ?? this.loadBalancer.loadBalancerDnsName}`
    new CfnOutput(this, 'Url', { value: url, description: 'Where the service answers' })
    new CfnOutput(this, 'LoadBalancerDns', { value: this.loadBalancer.loadBalancerDnsName, description: 'CNAME target for a custom domain' })
    new CfnOutput(this, 'EcsCluster', { value: cluster.clusterName, description: 'GitHub variable ECS_CLUSTER' })
    new CfnOutput(this, 'EcsService', { value: this.service.serviceName, description: 'GitHub variable ECS_SERVICE' })
    new CfnOutput(this, 'EcsTaskFamily', { value: taskDefinition.family, description: 'GitHub variable ECS_TASK_FAMILY' })
    new CfnOutput(this, 'EcrRepository', { value: repository.repositoryName, description: 'GitHub variable ECR_REPOSITORY' })
    new CfnOutput(this, 'ProviderKeysSecret', { value: providerKeys.secretArn, description: 'Set the provider keys here' })
    new CfnOutput(this, 'SharedStoreEndpoint', { value: store.cache.attrEndpointAddress, description: 'Valkey endpoint (TLS, port 6379), reachable from the tasks only' })
    new CfnOutput(this, 'RedisUrlSecret', { value: store.url.secretArn, description: 'Secret holding REDIS_URL (with the store password)' })
  }

  /**
   * The role the deploy workflow assumes through GitHub's OIDC token: only the given repository,
   * only jobs running in the GitHub environment named like the stage, only what a deploy needs.
   */
  private addGitHubDeployRole (config: DeployConfig, repository: ecr.IRepository, taskDefinition: ecs.FargateTaskDefinition): void {
    const provider = config.githubOidcProviderArn !== undefined
      ? iam.OidcProviderNative.fromOidcProviderArn(this, 'GitHubOidc', config.githubOidcProviderArn)
      : new iam.OidcProviderNative(this, 'GitHubOidc', { url: GITHUB_OIDC_URL, clientIds: ['sts.amazonaws.com'] })

    const role = new iam.Role(this, 'GitHubDeployRole', {
      description: `GitHub Actions deploys of ${config.githubRepo ?? ''} to ${config.stage}`,
      maxSessionDuration: Duration.hours(1),
      assumedBy: new iam.OpenIdConnectPrincipal(provider, {
        StringEquals: {
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
          'token.actions.githubusercontent.com:sub': `repo:${config.githubRepo ?? ''}:environment:${config.stage}`
        }
      })
    })

    repository.grantPullPush(role)
    role.addToPolicy(new iam.PolicyStatement({
      // These two ECS actions do not support resource-level permissions.
      actions: ['ecs:DescribeTaskDefinition', 'ecs:RegisterTaskDefinition'],
      resources: ['*']
    }))
    role.addToPolicy(new iam.PolicyStatement({
      actions: ['ecs:UpdateService', 'ecs:DescribeServices'],
      resources: [this.service.serviceArn]
    }))
    const passRoles = [taskDefinition.taskRole.roleArn]
    if (taskDefinition.executionRole !== undefined) passRoles.push(taskDefinition.executionRole.roleArn)
    role.addToPolicy(new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: passRoles,
      conditions: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } }
    }))

    new CfnOutput(this, 'GitHubDeployRoleArn', { value: role.roleArn, description: 'GitHub variable AWS_ROLE_ARN' })
  }
}
