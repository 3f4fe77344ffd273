// Starts the built relay (dist/server/main.js) as a child process for the e2e suite and the render
// bench: its own temp data dir, the given client build, a port chosen by the caller.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface StartedRelay {
  url: string
  child: ChildProcess
  stop(): Promise<void>
}

export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const port = (server.address() as { port: number }).port
  await new Promise((done) => server.close(done))
  return port
}

export async function startBuiltRelay(options: {
  port: number
  clientDir: string
  env?: Record<string, string>
}): Promise<StartedRelay> {
  // MDO_E2E_SERVER points at another build of the relay, so two builds can be tried side by side.
  const main = resolve(process.env.MDO_E2E_SERVER ?? 'dist/server/main.js')
  const clientDir = resolve(options.clientDir)
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build:server\``)
  if (!existsSync(join(clientDir, 'index.html'))) {
    const build = options.clientDir.includes('e2e') ? 'npm run build:e2e' : 'npm run build'
    throw new Error(`${options.clientDir}/index.html is missing: run \`${build}\``)
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'mdo-relay-'))
  const url = `http://127.0.0.1:${options.port}`
  const stderr: string[] = []
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(options.port),
      CLIENT_DIR: clientDir,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'inherit', 'pipe'],
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr.push(chunk.toString())
    process.stderr.write(chunk)
  })

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    }
    rmSync(dataDir, { recursive: true, force: true })
  }

  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      rmSync(dataDir, { recursive: true, force: true })
      throw new Error(`relay exited with ${child.exitCode}: ${stderr.join('')}`)
    }
    const ok = await fetch(`${url}/healthz`).then(
      (res) => res.ok,
      () => false,
    )
    if (ok) return { url, child, stop }
    await new Promise((done) => setTimeout(done, 50))
  }
  await stop()
  throw new Error('relay did not answer /healthz within 15 s')
}
