// Validates workflows ([{name, content}] as JSON on stdin) with GitHub's parser; prints each one's errors, as JSON.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { packageRoot } from '../../src/package-info.js'

async function errorsOf (name: string, content: string): Promise<string[]> {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter())
  const errors = result.context.errors.getErrors().map(e => e.message)
  if (result.value === undefined) return errors.length > 0 ? errors : ['empty workflow']
  const template = await convertWorkflowTemplate(result.context, result.value, {
    // Local reusable workflows (`uses: ./.github/workflows/x.yml`) are read from the checkout.
    getFileContent: async ref => {
      if (!('path' in ref) || 'repository' in ref) throw new Error(`only local reusable workflows are expected, got ${JSON.stringify(ref)}`)
      return { name: ref.path, content: readFileSync(join(packageRoot, ref.path), 'utf8') }
    }
  }, { fetchReusableWorkflowDepth: 1 })
  return [...errors, ...(template.errors ?? []).map(e => e.Message)]
}

const workflows = JSON.parse(readFileSync(0, 'utf8')) as Array<{ name: string, content: string }>
const results: string[][] = []
for (const { name, content } of workflows) results.push(await errorsOf(name, content))
process.stdout.write(JSON.stringify(results))
