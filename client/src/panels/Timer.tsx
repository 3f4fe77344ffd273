// The meeting timer, a small chip over the canvas: everyone sees the time left, the facilitator
// starts, pauses and removes it with icon buttons (their names for screen readers and tooltips).
// The time is computed from the control doc on every tick, so a reload shows the same clock. When
// it runs out while the page is open, a soft two-note chime and a calm message say so once.
import { useEffect, useId, useRef, useState } from 'react'
import { formatRemaining, timerRemaining, type TimerState } from '../../../shared/index.ts'
import { useStrings } from '../i18n.ts'
import { useNow, type ControlCommands } from '../state/control.ts'

const PRESET_MINUTES = [2, 5, 10, 15, 20, 30, 45] as const

interface Props {
  timer: TimerState | null
  facilitator: boolean
  commands: ControlCommands
  notify(message: string): void
}

export function Timer({ timer, facilitator, commands, notify }: Props) {
  const t = useStrings()
  const id = useId()
  const running = timer !== null && timer.startedAt !== null
  const now = useNow(running)
  const left = timer ? timerRemaining(timer, now) : 0
  const done = timer !== null && left === 0
  const [minutes, setMinutes] = useState(5)

  // The signal sounds only for a timer seen running out here, not for one that ended long ago.
  const wasRunning = useRef(false)
  useEffect(() => {
    if (running && left > 0) wasRunning.current = true
    else if (done && wasRunning.current) {
      wasRunning.current = false
      notify(t.timerDone)
      chime()
    } else if (!running) wasRunning.current = false
  }, [running, left, done, notify, t])

  return (
    <div className={timer || facilitator ? 'timer hud-chip' : 'timer'} data-testid="timer">
      {timer && (
        <span
          role="timer"
          aria-label={t.timer}
          className={done ? 'timer-clock done' : 'timer-clock'}
          data-running={running}
        >
          {done ? t.timerDone : formatRemaining(left)}
          {!running && !done && <span className="timer-state"> ({t.timerPaused})</span>}
        </span>
      )}
      {facilitator && (
        <span className="timer-controls">
          {(!timer || done) && (
            <>
              <label htmlFor={`${id}-min`} className="visually-hidden">
                {t.timerMinutes}
              </label>
              <select
                id={`${id}-min`}
                value={minutes}
                onChange={(event) => setMinutes(Number(event.target.value))}
              >
                {PRESET_MINUTES.map((value) => (
                  <option key={value} value={value}>
                    {value} min
                  </option>
                ))}
              </select>
              <TimerButton
                label={t.startTimer}
                symbol="▶"
                onClick={() => commands.startTimer(minutes * 60_000)}
              />
            </>
          )}
          {timer && !done && (
            <TimerButton
              label={running ? t.pauseTimer : t.resumeTimer}
              symbol={running ? '❚❚' : '▶'}
              onClick={() => (running ? commands.pauseTimer() : commands.resumeTimer())}
            />
          )}
          {timer && (
            <TimerButton label={t.stopTimer} symbol="×" onClick={() => commands.clearTimer()} />
          )}
        </span>
      )}
    </div>
  )
}

function TimerButton(props: { label: string; symbol: string; onClick: () => void }) {
  return (
    <button type="button" className="timer-button" title={props.label} onClick={props.onClick}>
      <span aria-hidden="true">{props.symbol}</span>
      <span className="visually-hidden">{props.label}</span>
    </button>
  )
}

/** Two soft notes, made on the device: no sound file, no request. Silent where audio is blocked. */
function chime(): void {
  try {
    const audio = new AudioContext()
    const notes = [660, 880]
    notes.forEach((frequency, i) => {
      const start = audio.currentTime + i * 0.35
      const tone = audio.createOscillator()
      const gain = audio.createGain()
      tone.type = 'sine'
      tone.frequency.value = frequency
      gain.gain.setValueAtTime(0, start)
      gain.gain.linearRampToValueAtTime(0.08, start + 0.05)
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.9)
      tone.connect(gain).connect(audio.destination)
      tone.start(start)
      tone.stop(start + 1)
    })
    setTimeout(() => void audio.close().catch(() => {}), 2000)
  } catch {
    // No audio on this device: the message on screen is the signal.
  }
}
