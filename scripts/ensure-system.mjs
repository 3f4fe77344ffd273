// `npm test` runs this first: the tests need a few things from the system besides npm's packages —
// Chromium for the browser tests, pdftotext for the PDF checks, a font for the canvas text, and
// PostgreSQL and Redis for the cluster tests. On Debian as root it installs what is missing with
// apt-get and starts the services that are not answering, saying what it does; anywhere else it
// stops at once with the one command a person must run.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { connect } from 'node:net'
import { delimiter, join } from 'node:path'

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'

const onPath = (command) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)))

const chromium = () =>
  process.env.CHROMIUM_PATH ? existsSync(process.env.CHROMIUM_PATH) : onPath('chromium')

/** What the tests need, and the Debian package that brings it. */
const needs = [
  { what: 'Chromium (browser tests)', has: chromium, pkg: 'chromium' },
  { what: 'pdftotext (PDF checks)', has: () => onPath('pdftotext'), pkg: 'poppler-utils' },
  { what: 'a font for the canvas text', has: () => existsSync(FONT), pkg: 'fonts-dejavu-core' },
  { what: 'Redis (cluster tests)', has: () => onPath('redis-server'), pkg: 'redis-server' },
  { what: 'PostgreSQL (cluster tests)', has: () => onPath('pg_ctlcluster'), pkg: 'postgresql' },
]

const answers = (port) =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.setTimeout(1000)
    socket.once('connect', () => resolve(socket.end() && true))
    socket.once('timeout', () => resolve(socket.destroy() && false))
    socket.once('error', () => resolve(false))
  })

async function waitFor(port, name) {
  for (let tries = 0; tries < 50; tries++) {
    if (await answers(port)) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  stop(`${name} did not start on 127.0.0.1:${port}.`)
}

function stop(message, command) {
  console.error(`npm test: ${message}`)
  if (command) console.error(`Run this once, then npm test again:\n\n  ${command}\n`)
  process.exit(1)
}

const run = (file, args) =>
  execFileSync(file, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })

const canInstall = process.platform === 'linux' && process.getuid?.() === 0 && onPath('apt-get')

const missing = needs.filter((need) => !need.has())
if (missing.length > 0) {
  const packages = missing.map((need) => need.pkg)
  if (!canInstall) {
    stop(
      `missing ${missing.map((need) => need.what).join(', ')}.`,
      `sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`,
    )
  }
  console.log(`npm test: installing ${packages.join(' ')} with apt-get (missing on this machine)`)
  run('apt-get', ['update', '-qq'])
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages])
  if (packages.includes('postgresql')) trustLoopback()
}

// The tests connect as postgres@127.0.0.1 without a password, as on the project's machines.
function trustLoopback() {
  for (const version of readdirSync('/etc/postgresql')) {
    const hba = `/etc/postgresql/${version}/main/pg_hba.conf`
    console.log(`npm test: letting postgres@127.0.0.1 in without a password (${hba})`)
    run('sed', ['-i', '1i host all postgres 127.0.0.1/32 trust', hba])
  }
}

if (!(await answers(5432))) {
  if (!canInstall)
    stop(
      'PostgreSQL is not answering on 127.0.0.1:5432.',
      'sudo pg_ctlcluster <version> main start',
    )
  const version = readdirSync('/etc/postgresql').sort().at(-1)
  console.log(`npm test: starting PostgreSQL ${version}`)
  run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'])
  await waitFor(5432, 'PostgreSQL')
}
if (!(await answers(6379))) {
  if (!canInstall)
    stop('Redis is not answering on 127.0.0.1:6379.', 'sudo redis-server --daemonize yes')
  console.log('npm test: starting Redis (in memory only)')
  run('mkdir', ['-p', '/var/lib/redis', '/var/log/redis'])
  run('redis-server', [
    '--daemonize',
    'yes',
    '--bind',
    '127.0.0.1',
    '-::1',
    '--port',
    '6379',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    '/var/lib/redis',
    '--logfile',
    '/var/log/redis/test.log',
  ])
  await waitFor(6379, 'Redis')
}
