interface ProgressBarProps {
  readonly label: string;
  readonly value: number;
  readonly max: number;
  /** What a screen reader says instead of a bare percentage, e.g. "3.2 MB of 8 MB". */
  readonly text: string;
}

/** A percentage bar; the width is set through the CSSOM, which the renderer's CSP (no inline styles) allows. */
export function ProgressBar({ label, value, max, text }: ProgressBarProps) {
  const percent = max > 0 ? Math.min(100, Math.max(0, Math.round((value / max) * 100))) : 0;
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={text}>
      <div className="progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
