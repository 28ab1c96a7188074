import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A secret shown once (an API token, a webhook's signing secret): focused when it appears so a
 * keyboard or screen-reader user lands on it, with a copy button that falls back to selecting the
 * text when the clipboard is refused, and a button to dismiss it once it is stored.
 */
export function SecretOnce({
  id,
  headingId,
  title,
  label,
  value,
  children,
  onNotice,
  onDone,
}: {
  /** The field's element id. */
  id: string;
  headingId: string;
  title: ReactNode;
  /** The field's label: "Token", "Secret". */
  label: string;
  value: string;
  /** Why it must be copied now, and what it is for. */
  children: ReactNode;
  /** Shows a notice in the section (the clipboard was refused). */
  onNotice: (text: string) => void;
  onDone: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    setCopied(false);
    heading.current?.focus();
  }, [value]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin or a refusal): select the text so Ctrl+C works.
      (document.getElementById(id) as HTMLInputElement | null)?.select();
      onNotice(`Select the ${label.toLowerCase()} and copy it with your keyboard.`);
    }
  }

  return (
    <div className="issued" role="region" aria-labelledby={headingId}>
      <h3 id={headingId} style={{ marginTop: 0 }} tabIndex={-1} ref={heading}>
        {title}
      </h3>
      {children}
      <label htmlFor={id}>{label}</label>
      <div className="row" style={{ marginTop: 0, flexWrap: 'nowrap' }}>
        <input id={id} readOnly value={value} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p role="status" className="meta">
        {copied ? 'Copied to the clipboard.' : ''}
      </p>
      <button type="button" className="secondary" onClick={onDone}>
        I have stored it
      </button>
    </div>
  );
}

/**
 * The question before an irreversible step, in place of the button that asked it: the safe answer
 * takes the focus, so Enter pressed by habit keeps things as they are.
 */
export function ConfirmInline({
  label,
  question,
  yes,
  busy,
  onYes,
  onNo,
}: {
  /** The group's accessible name: "Confirm revoking Sync". */
  label: string;
  question: string;
  yes: string;
  busy: boolean;
  onYes: () => void;
  onNo: () => void;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div role="group" aria-label={label} className="confirm">
      <p style={{ margin: 0 }}>{question}</p>
      <div className="row">
        <button type="button" className="danger" disabled={busy} onClick={onYes}>
          {yes}
        </button>
        <button type="button" className="secondary" ref={keep} onClick={onNo}>
          Keep it
        </button>
      </div>
    </div>
  );
}
