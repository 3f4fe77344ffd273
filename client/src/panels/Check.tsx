// A checkbox with its text, the whole row a 44 px touch target (.check in panels.css).
export function Check(props: {
  label: string
  checked: boolean
  onChange(checked: boolean): void
  disabled?: boolean
  name?: string
}) {
  return (
    <label className="check">
      <input
        type="checkbox"
        name={props.name}
        checked={props.checked}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <span>{props.label}</span>
    </label>
  )
}
