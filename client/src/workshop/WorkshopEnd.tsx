// The end of a workshop: print the tables' QR codes for the tables beforehand, and afterwards
// delete the workshop with all its boards for real (asked twice: it cannot be undone). Boards
// taken over by their own voorzitter stay, and the question says so.
import { useState } from 'react'
import { useStrings } from '../i18n.ts'
import { deleteWorkshop } from '../sync/api.ts'

interface Props {
  workshopId: string
  token: string
  /** Boards taken over by their own voorzitter: the delete leaves them. */
  kept: number
  onDeleted: () => void
}

export function WorkshopEnd({ workshopId, token, kept, onDeleted }: Props) {
  const t = useStrings()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function remove() {
    setBusy(true)
    setError(null)
    try {
      await deleteWorkshop(workshopId, token)
      onDeleted()
    } catch (err) {
      setError(`${t.workshop.deleteFailed}: ${(err as Error).message}`)
      setBusy(false)
    }
  }

  return (
    <section className="card workshop-end workshop-actions" aria-label={t.workshop.end}>
      <button type="button" onClick={() => window.print()}>
        {t.workshop.printQr}
      </button>
      {confirming ? (
        <>
          <span role="alert">
            {t.workshop.deleteWarning}
            {kept > 0 && ` ${t.workshopLink.deleteKeeps(kept)}`}
          </span>
          <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
            {t.workshop.deleteConfirm}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t.workshop.keep}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t.workshop.delete}
        </button>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  )
}
