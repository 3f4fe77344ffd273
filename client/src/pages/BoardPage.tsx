// A board opened from its link: connection status and what the board holds. The canvas comes next.
import { useEffect, useState } from 'react'
import { readBoard } from '../../../shared/index.ts'
import type { Strings } from '../i18n.ts'
import { connectBoard, type ConnectionStatus, tokenFromHash } from '../sync/connect.ts'

export function BoardPage({ boardId, t }: { boardId: string; t: Strings }) {
  const [token] = useState(() => tokenFromHash(window.location.hash))
  const [status, setStatus] = useState<ConnectionStatus>(token ? 'connecting' : 'refused')
  const [title, setTitle] = useState('')
  const [itemCount, setItemCount] = useState(0)

  useEffect(() => {
    if (!token) return
    const connection = connectBoard(boardId, token, setStatus)
    const refresh = () => {
      const board = readBoard(connection.doc)
      setTitle(board.meta?.title ?? '')
      setItemCount(board.items.length)
    }
    connection.doc.on('update', refresh)
    return () => connection.destroy()
  }, [boardId, token])

  return (
    <main>
      <h1>{title || t.appName}</h1>
      <p>
        <span className="status" role="status" data-status={status}>
          {status === 'refused' ? t.noAccess : t[status]}
        </span>
      </p>
      <p data-testid="item-count">
        {itemCount} {t.items}
      </p>
    </main>
  )
}
