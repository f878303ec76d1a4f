// The OpenAPI document: named components, valid OpenAPI 3, identical to the checked-in file, and a working Swagger UI.
import t from 'tap'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import SwaggerParser from '@apidevtools/swagger-parser'
import { build } from '../helper.js'
import { packageRoot } from '../../src/package-info.js'
import { generateOpenApiYaml } from '../../src/cli/openapi-document.js'

t.test('/docs/json is OpenAPI 3 with named component schemas and a valid document', async t => {
  const app = await build(t)
  const res = await app.inject({ method: 'GET', url: '/docs/json' })
  t.equal(res.statusCode, 200)
  const doc = res.json()
  t.match(doc.openapi, /^3\./)
  const names = Object.keys(doc.components.schemas)
  for (const name of ['AskRequest', 'AskResponse', 'Candidate', 'Problem', 'Health', 'Ready', 'ProviderInfo']) t.ok(names.includes(name), `components.schemas.${name}`)
  t.notOk(names.some(n => n.startsWith('def-')), 'no def-N names')
  for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      t.ok(op.operationId, `${method} ${path} has an operationId`)
      t.ok(op.summary, `${method} ${path} has a summary`)
      t.ok(op.tags?.length > 0, `${method} ${path} has tags`)
      const codes = Object.keys(op.responses)
      t.ok(codes.some(c => c.startsWith('2')), `${method} ${path} documents success`)
      t.ok(codes.some(c => /^[45]/.test(c)), `${method} ${path} documents errors`)
    }
  }
  await t.resolves(SwaggerParser.validate(structuredClone(doc)), 'validates against the OpenAPI specification')
})

t.test('openapi.yaml is what the code generates', async t => {
  const checkedIn = await readFile(join(packageRoot, 'openapi.yaml'), 'utf8')
  t.equal(checkedIn, await generateOpenApiYaml(), 'run `npm run openapi` after changing a schema')
  await t.resolves(SwaggerParser.validate(join(packageRoot, 'openapi.yaml')))
})

t.test('/docs serves the Swagger UI and every asset it references loads', async t => {
  const app = await build(t)
  const page = await app.inject({ method: 'GET', url: '/docs' })
  const html = page.statusCode === 302 ? (await app.inject({ method: 'GET', url: page.headers.location as string })) : page
  t.equal(html.statusCode, 200)
  t.match(html.headers['content-type'], /text\/html/)
  const assets = [...html.body.matchAll(/(?:src|href)="([^"]+)"/g)].map(m => m[1]!).filter(u => !u.startsWith('http'))
  t.ok(assets.length >= 3, 'references its CSS and JS')
  for (const asset of assets) {
    const url = asset.startsWith('/') ? asset : `/docs/${asset.replace(/^\.\//, '')}`
    const res = await app.inject({ method: 'GET', url })
    t.equal(res.statusCode, 200, `${url} loads`)
    t.ok(res.body.length > 0, `${url} is not empty`)
  }
  const yaml = await app.inject({ method: 'GET', url: '/docs/yaml' })
  t.equal(yaml.statusCode, 200)
  t.match(yaml.body, /^openapi: 3\./)
})
