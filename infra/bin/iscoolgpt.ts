// CDK entry point: `npx cdk synth|deploy -c stage=production -c alertEmail=...` (see ../README.md).
import { App } from 'aws-cdk-lib'
import { addStacks } from '../lib/app.js'
import { DeployConfigError, readDeployConfig } from '../lib/config.js'

const app = new App()
try {
  addStacks(app, readDeployConfig(key => app.node.tryGetContext(key)))
} catch (err) {
  if (!(err instanceof DeployConfigError)) throw err
  process.stderr.write(`${err.message}\n`)
  process.exit(1)
}
app.synth()
