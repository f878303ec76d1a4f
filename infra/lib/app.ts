// Builds the two stacks of one stage into a CDK app; shared by the entry point and the tests.
import { Tags, type App } from 'aws-cdk-lib'
import { BaseStack } from './base-stack.js'
import type { DeployConfig } from './config.js'
import { IsCoolGptStack } from './iscoolgpt-stack.js'

export interface IsCoolGptStacks {
  base: BaseStack
  service: IsCoolGptStack
}

export function stackNames (config: Pick<DeployConfig, 'stage'>): { base: string, service: string } {
  return { base: `IsCoolGpt-${config.stage}-base`, service: `IsCoolGpt-${config.stage}` }
}

export function addStacks (app: App, config: DeployConfig): IsCoolGptStacks {
  const names = stackNames(config)
  // No `env`: the templates stay account- and region-agnostic, so synth never calls AWS.
  const base = new BaseStack(app, names.base, {
    config,
    description: 'IsCoolGPT image repository and provider key secret'
  })
  const service = new IsCoolGptStack(app, names.service, {
    config,
    repository: base.repository,
    providerKeys: base.providerKeys,
    description: 'IsCoolGPT on ECS Fargate Spot behind an ALB, with autoscaling, alarm and budget'
  })
  Tags.of(app).add('app', 'iscoolgpt')
  Tags.of(app).add('stage', config.stage)
  return { base, service }
}
