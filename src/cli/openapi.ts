// Writes openapi.yaml from the app's route schemas, or with --check fails when the file is stale.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { packageRoot } from '../package-info.js'
import { generateOpenApiYaml } from './openapi-document.js'

const target = join(packageRoot, 'openapi.yaml')
const check = process.argv.includes('--check')
const generated = await generateOpenApiYaml()

if (check) {
  const current = await readFile(target, 'utf8').catch(() => '')
  if (current !== generated) {
    process.stderr.write('openapi.yaml is out of date with the schemas: run `npm run openapi` and commit the result.\n')
    process.exit(1)
  }
  process.stdout.write('openapi.yaml is up to date.\n')
} else {
  await writeFile(target, generated)
  process.stdout.write(`wrote ${target}\n`)
}
