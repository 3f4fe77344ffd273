// Step 6 of the MDO on one panel: the agreements (wat, wie, waarom, wanneer, hoe, and whether it
// was done) as a table anyone can fill in, and the questions of step 1 with who asks them. The
// agreements are the board's one list of actions: kies 3 adds its chosen points here. A workshop
// sheet, which has columns of its own, shows it only once the board holds either.
import { useState } from 'react'
import {
  AGREEMENT_FIELD_LABELS,
  AGREEMENT_FIELDS,
  AGREEMENT_STATUS_LABELS,
  AGREEMENT_STATUSES,
  BOX_ROLE_LABELS,
  LIMITS,
  methodOf,
  shownLabel,
  type AgreementItem,
  type AgreementStatus,
  type BoxItem,
  type BoxRole,
  type Item,
  type ItemId,
  type Lang,
  type QuestionItem,
} from '../../../shared/index.ts'
import { useLang, useStrings } from '../i18n.ts'
import type { BoardCommands } from '../state/commands.ts'
import type { BoardIndex } from '../state/boardIndex.ts'
import { useItems } from '../state/hooks.ts'
import { Check } from './Check.tsx'

interface Props {
  index: BoardIndex
  commands: BoardCommands
  readOnly: boolean
  /** Filled in as "who asks" on a new question; anyone can change it. */
  userName: string
}

/** Where a missing Vragen (1) or Afspraken (5) box goes: beside what is already on the board. */
const NEW_BOX = { w: 640, h: 1070, gap: 120 }

/** What the board calls its list of agreements ("5. Afspraken", a kies-3 sheet's "Acties"). */
function listTitle(items: readonly Item[], lang: Lang): string | undefined {
  const box = items.find(
    (item): item is BoxItem => item.type === 'box' && item.role === 'agreements',
  )
  if (!box) return undefined
  const label = shownLabel(box, lang)
  if (!label) return undefined
  return box.number === undefined ? label : `${box.number}. ${label}`
}

/** The panel as a section of the side bar, on a board that works with questions and agreements. */
export function AgreementsSection(props: Props) {
  const t = useStrings()
  const items = useItems(props.index)
  const held = items.some((item) => item.type === 'agreement' || item.type === 'question')
  if (!held && !methodOf(props.index.meta().template).lists) return null
  return (
    <details open className="side-section">
      <summary>
        <h2>{t.agreementsAndQuestions}</h2>
      </summary>
      <AgreementsPanel {...props} />
    </details>
  )
}

export function AgreementsPanel({ index, commands, readOnly, userName }: Props) {
  const t = useStrings()
  const lang = useLang()
  const items = useItems(index)
  const [focusId, setFocusId] = useState<ItemId | null>(null)
  const agreements = items.filter((item): item is AgreementItem => item.type === 'agreement')
  const questions = items.filter((item): item is QuestionItem => item.type === 'question')

  /** The board's box for this role, made on the spot when the template had none. */
  function boxFor(role: BoxRole): ItemId | undefined {
    const box = items.find((item: Item) => item.type === 'box' && item.role === role)
    if (box) return box.id
    const bounds = index.bounds()
    const x =
      role === 'agreements'
        ? (bounds?.maxX ?? 0) + NEW_BOX.gap
        : (bounds?.minX ?? 0) - NEW_BOX.gap - NEW_BOX.w
    return commands.addBox({
      role,
      number: role === 'agreements' ? 5 : 1,
      label: BOX_ROLE_LABELS[role][lang],
      x,
      y: bounds?.minY ?? 0,
      w: NEW_BOX.w,
      h: NEW_BOX.h,
    })
  }

  function addAgreement() {
    const parent = boxFor('agreements')
    const id = parent && commands.addAgreement({ parent })
    if (id) setFocusId(id)
  }

  function addQuestion() {
    const parent = boxFor('questions')
    const id =
      parent && commands.addQuestion({ parent, askedBy: userName.slice(0, LIMITS.shortText) })
    if (id) setFocusId(id)
  }

  return (
    <section
      className="agreements"
      data-testid="agreements-panel"
      aria-labelledby="agreements-title"
    >
      <h2 id="agreements-title">{listTitle(items, lang) ?? `5. ${t.agreements}`}</h2>
      {agreements.length === 0 ? (
        <p className="hint">{t.noAgreements}</p>
      ) : (
        <table className="agreements-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              {AGREEMENT_FIELDS.map((field) => (
                <th key={field} scope="col">
                  {AGREEMENT_FIELD_LABELS[field][lang]}
                </th>
              ))}
              <th scope="col">{t.status}</th>
              {!readOnly && (
                <th scope="col">
                  <span className="visually-hidden">{t.delete}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {agreements.map((agreement, i) => (
              <tr key={agreement.id} data-item-id={agreement.id}>
                <th scope="row">{i + 1}</th>
                {AGREEMENT_FIELDS.map((field, f) => (
                  <td key={field} data-label={AGREEMENT_FIELD_LABELS[field][lang]}>
                    <textarea
                      aria-label={`${AGREEMENT_FIELD_LABELS[field][lang]}, ${t.agreementNumber(i + 1)}`}
                      value={agreement[field]}
                      rows={2}
                      maxLength={LIMITS.textLength}
                      readOnly={readOnly}
                      autoFocus={f === 0 && focusId === agreement.id}
                      onChange={(event) =>
                        commands.setText(agreement.id, field, event.target.value)
                      }
                    />
                  </td>
                ))}
                <td data-label={t.status}>
                  <select
                    aria-label={`${t.status}, ${t.agreementNumber(i + 1)}`}
                    value={agreement.status}
                    disabled={readOnly}
                    onChange={(event) =>
                      commands.setAgreementStatus(
                        agreement.id,
                        event.target.value as AgreementStatus,
                      )
                    }
                  >
                    {AGREEMENT_STATUSES.map((status) => (
                      <option key={status} value={status}>
                        {AGREEMENT_STATUS_LABELS[status][lang]}
                      </option>
                    ))}
                  </select>
                </td>
                {!readOnly && (
                  <td>
                    <button
                      type="button"
                      className="small danger"
                      aria-label={t.deleteItem(t.agreementNumber(i + 1))}
                      onClick={() => commands.deleteItems([agreement.id])}
                    >
                      {t.delete}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!readOnly && (
        <button type="button" className="add-button" onClick={addAgreement}>
          {t.addAgreement}
        </button>
      )}

      <h3>{`1. ${t.questions}`}</h3>
      {questions.length === 0 ? (
        <p className="hint">{t.noQuestions}</p>
      ) : (
        <ol className="questions">
          {questions.map((question, i) => (
            <li key={question.id} data-item-id={question.id} className="question-row">
              <label className="field">
                <span>{`${t.question} ${i + 1}`}</span>
                <textarea
                  value={question.text}
                  rows={2}
                  maxLength={LIMITS.textLength}
                  readOnly={readOnly}
                  autoFocus={focusId === question.id}
                  onChange={(event) => commands.setText(question.id, 'text', event.target.value)}
                />
              </label>
              <label className="field">
                <span>{t.whoAsks}</span>
                <input
                  value={question.askedBy}
                  maxLength={LIMITS.shortText}
                  readOnly={readOnly}
                  onChange={(event) =>
                    commands.setQuestionFields(question.id, { askedBy: event.target.value })
                  }
                />
              </label>
              <Check
                label={t.needsDecision}
                checked={question.decisionNeeded}
                disabled={readOnly}
                onChange={(decisionNeeded) =>
                  commands.setQuestionFields(question.id, { decisionNeeded })
                }
              />
              {!readOnly && (
                <button
                  type="button"
                  className="small danger"
                  aria-label={t.deleteItem(`${t.question} ${i + 1}`)}
                  onClick={() => commands.deleteItems([question.id])}
                >
                  {t.delete}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {!readOnly && (
        <button type="button" className="add-button" onClick={addQuestion}>
          {t.addQuestion}
        </button>
      )}
    </section>
  )
}
