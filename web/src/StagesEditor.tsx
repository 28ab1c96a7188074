import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { MAX_STAGE_LENGTH, MAX_STAGES, moveStage } from './stages.ts';

/** One row of the editor: a stable key (so a moved row keeps its input) and the name as typed. */
export interface StageRow {
  key: number;
  name: string;
}

let nextKey = 0;
/** Rows for a list of names, each with a fresh key. */
export const stageRowsOf = (names: readonly string[]): StageRow[] =>
  names.map((name) => ({ key: nextKey++, name }));

/**
 * A job's stages as an ordered list: rename in place, move up or down, remove, add at the end.
 * Every control is a native input or button, so it works from the keyboard; after a move or a
 * removal the focus stays with the row (or its neighbour), not lost to the page.
 */
export function StagesEditor({
  p,
  rows,
  onChange,
  invalidRows,
  error,
}: {
  p: string;
  rows: StageRow[];
  onChange: (rows: StageRow[]) => void;
  /** Rows to mark as refused. */
  invalidRows: readonly number[];
  /** The field's message, shown under the list. */
  error: ReactNode;
}) {
  const [adding, setAdding] = useState('');
  const [focus, setFocus] = useState<string | null>(null);
  useEffect(() => {
    // Once, after the list re-rendered: typing in a row must not pull the focus back.
    if (!focus) return;
    document.getElementById(focus)?.focus();
    setFocus(null);
  }, [focus]);
  const errId = `${p}-stages-err`;
  const move = (i: number, to: number, button: 'up' | 'down') => {
    onChange(moveStage(rows, i, to));
    // At either end the button that moved it is disabled: focus its other direction.
    const atEnd = button === 'up' ? to === 0 : to === rows.length - 1;
    setFocus(`${p}-stage-${rows[i]!.key}-${atEnd ? (button === 'up' ? 'down' : 'up') : button}`);
  };
  const remove = (i: number) => {
    const next = rows.filter((_, j) => j !== i);
    onChange(next);
    const neighbour = next[Math.min(i, next.length - 1)];
    setFocus(neighbour ? `${p}-stage-${neighbour.key}-name` : `${p}-stage-new`);
  };
  const add = () => {
    const name = adding.trim();
    if (name === '' || rows.length >= MAX_STAGES) return;
    onChange([...rows, ...stageRowsOf([name])]);
    setAdding('');
    setFocus(`${p}-stage-new`);
  };
  return (
    <fieldset aria-describedby={error ? errId : undefined}>
      <legend>Stages, in order (the pipeline’s columns)</legend>
      <ol className="stages-editor">
        {rows.map((row, i) => (
          <StageRowFields
            key={row.key}
            p={p}
            row={row}
            index={i}
            count={rows.length}
            invalid={invalidRows.includes(i)}
            errId={errId}
            onRename={(name) => onChange(rows.map((r) => (r.key === row.key ? { ...r, name } : r)))}
            onMove={(to, button) => move(i, to, button)}
            onRemove={() => remove(i)}
          />
        ))}
      </ol>
      {error}
      <NewStageField
        id={`${p}-stage-new`}
        value={adding}
        full={rows.length >= MAX_STAGES}
        onChange={setAdding}
        onAdd={add}
      />
    </fieldset>
  );
}

/** One stage: its name, and the buttons that move or remove it (named for the stage, for screen readers). */
function StageRowFields({
  p,
  row,
  index,
  count,
  invalid,
  errId,
  onRename,
  onMove,
  onRemove,
}: {
  p: string;
  row: StageRow;
  index: number;
  count: number;
  invalid: boolean;
  errId: string;
  onRename: (name: string) => void;
  onMove: (to: number, button: 'up' | 'down') => void;
  onRemove: () => void;
}) {
  const id = `${p}-stage-${row.key}`;
  const label = row.name.trim() || `stage ${index + 1}`;
  return (
    <li className="row">
      <input
        id={`${id}-name`}
        aria-label={`Stage ${index + 1}`}
        value={row.name}
        onChange={(e) => onRename(e.target.value)}
        {...(invalid ? { 'aria-invalid': true, 'aria-describedby': errId } : {})}
      />
      <button
        type="button"
        id={`${id}-up`}
        className="secondary"
        aria-label={`Move ${label} up`}
        disabled={index === 0}
        onClick={() => onMove(index - 1, 'up')}
      >
        ↑
      </button>
      <button
        type="button"
        id={`${id}-down`}
        className="secondary"
        aria-label={`Move ${label} down`}
        disabled={index === count - 1}
        onClick={() => onMove(index + 1, 'down')}
      >
        ↓
      </button>
      <button
        type="button"
        className="secondary"
        aria-label={`Remove ${label}`}
        disabled={count === 1}
        onClick={onRemove}
      >
        Remove
      </button>
    </li>
  );
}

/** The name of a stage to add at the end; Enter adds it rather than submitting the whole form. */
function NewStageField({
  id,
  value,
  full,
  onChange,
  onAdd,
}: {
  id: string;
  value: string;
  /** The list is at its limit: nothing more can be added. */
  full: boolean;
  onChange: (value: string) => void;
  onAdd: () => void;
}) {
  const addOnEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    onAdd();
  };
  return (
    <>
      <label htmlFor={id}>Add a stage</label>
      <div className="row">
        <input
          id={id}
          value={value}
          maxLength={MAX_STAGE_LENGTH}
          disabled={full}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={addOnEnter}
        />
        <button type="button" className="secondary" onClick={onAdd} disabled={full}>
          Add the stage
        </button>
      </div>
    </>
  );
}
