// The control doc: the facilitator moves the meeting through the six MDO steps; readers never
// throw on what they find there.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BoardError, CONTROL_STEPS, readControl, setStep, type StepId } from '../../shared/index.ts'

describe('control doc', () => {
  it('starts at preparation and follows the step the facilitator sets, on every peer', () => {
    const facilitator = new Y.Doc()
    const participant = new Y.Doc()
    expect(readControl(participant)).toEqual({ control: { step: 'voorbereiding' }, problems: [] })
    setStep(facilitator, 'inzicht')
    Y.applyUpdate(participant, Y.encodeStateAsUpdate(facilitator))
    expect(readControl(participant).control.step).toBe('inzicht')
  })

  it('reports a step it does not know instead of throwing, and refuses to write one', () => {
    const doc = new Y.Doc()
    doc.getMap('control').set('step', { evil: true })
    expect(readControl(doc)).toEqual({
      control: { step: 'voorbereiding' },
      problems: [{ reason: 'control.step is not a step' }],
    })
    expect(() => setStep(doc, 'pauze' as StepId)).toThrow(BoardError)
  })

  it('lists the six MDO steps in the order of the method', () => {
    expect(CONTROL_STEPS.map((step) => `${step.number} ${step.label.nl}`)).toEqual([
      '1 Voorbereiding',
      '2 Start en doelen van het overleg',
      '3 Overzicht',
      '4 Inzicht',
      '5 Uitzicht',
      '6 Afronding',
    ])
  })
})
