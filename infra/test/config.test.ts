import { strict as assert } from 'node:assert'
import { describe, it } from 'node:test'
import { DeployConfigError, readDeployConfig } from '../lib/config.js'

const read = (context: Record<string, unknown>) => readDeployConfig(key => context[key])

describe('readDeployConfig', () => {
  it('defaults to a small staging deployment on Spot without NAT', () => {
    assert.deepEqual(read({}), {
      stage: 'staging',
      imageTag: 'latest',
      cpu: 256,
      memoryMiB: 512,
      natGateways: 0,
      onDemandBase: 0,
      minTasks: 1,
      maxTasks: 3,
      budgetUsd: 40,
      alertEmail: undefined,
      certificateArn: undefined,
      domainName: undefined,
      providerSecretArn: undefined,
      githubRepo: undefined,
      githubOidcProviderArn: undefined
    })
  })

  it('accepts the strings `-c key=value` passes and the numbers cdk.json holds', () => {
    const fromCli = read({ stage: 'production', cpu: '512', memoryMiB: '2048', budgetUsd: '7.5', natGateways: '1', alertEmail: 'ops@example.com' })
    const fromJson = read({ stage: 'production', cpu: 512, memoryMiB: 2048, budgetUsd: 7.5, natGateways: 1, alertEmail: 'ops@example.com' })
    assert.deepEqual(fromCli, fromJson)
    assert.equal(fromCli.cpu, 512)
    assert.equal(fromCli.budgetUsd, 7.5)
    assert.equal(fromCli.natGateways, 1)
  })

  const bad: Array<[string, Record<string, unknown>, RegExp]> = [
    ['an unknown stage', { stage: 'prod' }, /context "stage": expected "staging" or "production", got "prod"/],
    ['a memory size Fargate does not offer for the CPU', { cpu: '256', memoryMiB: '4096' }, /"memoryMiB": expected one of 512, 1024, 2048 for cpu 256/],
    ['a CPU size that is not a Fargate size', { cpu: '300' }, /"cpu"/],
    ['a negative budget', { budgetUsd: '-1' }, /"budgetUsd"/],
    ['a budget that is not a number', { budgetUsd: 'ten' }, /"budgetUsd"/],
    ['an invalid e-mail', { alertEmail: 'ops-at-example' }, /"alertEmail": expected an e-mail address/],
    ['more minimum than maximum tasks', { minTasks: '3', maxTasks: '2' }, /"maxTasks"/],
    ['a NAT count other than 0 or 1', { natGateways: '2' }, /"natGateways": expected an integer from 0 to 1/],
    ['an on-demand base above the maximum', { onDemandBase: '4' }, /"onDemandBase"/],
    ['a certificate that is not an ACM ARN', { certificateArn: 'arn:aws:iam::123456789012:server-certificate/x' }, /"certificateArn"/],
    ['a partial secret ARN', { providerSecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:keys' }, /"providerSecretArn"/],
    ['a GitHub repository without owner', { githubRepo: 'iscoolgpt' }, /"githubRepo": expected owner\/name/],
    ['an image tag with a colon', { imageTag: 'v1:2' }, /"imageTag"/],
    ['a non-string domain', { domainName: 42 }, /"domainName": expected a string/]
  ]
  for (const [what, context, message] of bad) {
    it(`rejects ${what}`, () => {
      assert.throws(() => read(context), (err: unknown) => err instanceof DeployConfigError && message.test(err.message))
    })
  }
})
