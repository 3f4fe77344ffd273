// The built client as the relay serves it: pages get index.html (no-cache), hashed assets are
// cached for good, text goes out gzipped to a browser that accepts it, a rebuilt file anew.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { closedAfterEach, rawGet, startRelay, tempDir } from './helpers.ts'

const { relays } = closedAfterEach()

async function relayServing(files: Record<string, string>) {
  const clientDir = tempDir()
  mkdirSync(join(clientDir, 'assets'))
  for (const [path, text] of Object.entries(files)) writeFileSync(join(clientDir, path), text)
  const running = await startRelay(undefined, { clientDir })
  relays.push(running)
  return { http: running.http, clientDir }
}

const script = `export const board = "${'drie cirkels '.repeat(400)}"\n`
const gzip = { 'Accept-Encoding': 'gzip, deflate, br' }

describe('the built client', () => {
  it('answers a page with index.html, uncached, and an asset for good', async () => {
    const { http } = await relayServing({
      'index.html': '<!doctype html><p>MDO</p>',
      'assets/app-1.js': script,
    })
    const page = await rawGet(`${http}/b/bord123`)
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['cache-control']).toBe('no-cache')
    expect(page.body.toString()).toContain('MDO')
    const asset = await rawGet(`${http}/assets/app-1.js`)
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(asset.body.toString()).toBe(script)
    expect((await rawGet(`${http}/assets/gone-2.js`)).status).toBe(404)
    expect((await rawGet(`${http}/assets/..%2f..%2fpackage.json`)).status).toBe(404)
  })

  it('sends text gzipped to a browser that accepts it, and plain to one that does not', async () => {
    const { http } = await relayServing({ 'index.html': '<p>MDO</p>', 'assets/app-1.js': script })
    const zipped = await rawGet(`${http}/assets/app-1.js`, gzip)
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(zipped.headers.vary).toBe('Accept-Encoding')
    expect(zipped.body.byteLength).toBeLessThan(script.length / 10)
    expect(gunzipSync(zipped.body).toString()).toBe(script)
    const plain = await rawGet(`${http}/assets/app-1.js`, { 'Accept-Encoding': 'identity' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(script)
  })

  it('compresses a file again once it was rebuilt', async () => {
    const { http, clientDir } = await relayServing({ 'index.html': '<p>eerste</p>' })
    expect(gunzipSync((await rawGet(`${http}/`, gzip)).body).toString()).toBe('<p>eerste</p>')
    const file = join(clientDir, 'index.html')
    writeFileSync(file, '<p>tweede</p>')
    utimesSync(file, new Date(), new Date(Date.now() + 5000))
    expect(gunzipSync((await rawGet(`${http}/`, gzip)).body).toString()).toBe('<p>tweede</p>')
  })
})
