// Sharing from any device: the voorzitter opens the board on the classroom PC (a browser that did
// not make it and keeps no links), and Delen still shows the edit and view links and the QR code,
// which open the board for the table.
import { qrPath } from '../../client/src/panels/QrCode.tsx'
import { BoardPageObject, expect, test } from './fixtures.ts'

test('Delen shows the participants’ links and QR code on a device that did not make the board', async ({
  api,
  browser,
  baseURL,
}) => {
  const board = await api.createBoard({ title: 'MDO op het digibord' })
  const pc = await browser.newContext()
  const phone = await browser.newContext()
  try {
    const chair = new BoardPageObject(await pc.newPage())
    await chair.open(board.links.facilitator, 'Anne', 'ib')
    await chair.page.getByRole('button', { name: 'Delen', exact: true }).click()
    const links = chair.page.getByTestId('share-links')
    const absolute = (path: string) => new URL(path, baseURL).href
    await expect(links.locator('[data-role=edit] input')).toHaveValue(absolute(board.links.edit))
    await expect(links.locator('[data-role=view] input')).toHaveValue(absolute(board.links.view))
    // The QR code holds the edit link, as the camera of a phone at the table reads it.
    await expect(links.locator('svg.qr path')).toHaveAttribute(
      'd',
      qrPath(absolute(board.links.edit)).path,
    )

    const parent = new BoardPageObject(await phone.newPage())
    await parent.open(absolute(board.links.edit), 'Bram', 'ouder')
    await expect(parent.page.locator('.board-title')).toHaveText('MDO op het digibord')
    expect([...chair.errors, ...parent.errors]).toEqual([])
  } finally {
    await pc.close()
    await phone.close()
  }
})
