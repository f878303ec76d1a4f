// The OpenAPI document as the code describes it, independent of the environment it runs in.
import { buildApp } from '../app.js'
import { loadConfig } from '../config.js'

export async function generateOpenApiYaml (): Promise<string> {
  const app = await buildApp(loadConfig({}), { logger: false })
  try {
    await app.ready()
    return app.swagger({ yaml: true })
  } finally {
    await app.close()
  }
}
