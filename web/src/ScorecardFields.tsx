import type { Recommendation } from './scorecard-storage.ts';

/** A scorecard's fields as typed, with setters that mark the form edited. */
export interface ScorecardTyped {
  recommendation: Recommendation;
  setRecommendation: (r: Recommendation) => void;
  notes: string;
  setNotes: (notes: string) => void;
  ratings: { communication: number; role_skills: number };
  setRatings: (ratings: { communication: number; role_skills: number }) => void;
  /** Call after any change. */
  edited: () => void;
}

/** The recommendation, the two ratings and the internal notes of a scorecard. */
export function ScorecardFields({ id, typed }: { id: string; typed: ScorecardTyped }) {
  const { recommendation, setRecommendation, notes, setNotes, ratings, setRatings, edited } = typed;
  return (
    <>
      <label htmlFor={`${id}-rec`}>Recommendation</label>
      <select
        id={`${id}-rec`}
        value={recommendation}
        onChange={(e) => {
          // The options are the API's recommendations (or '' for none yet).
          setRecommendation(e.target.value as Recommendation);
          edited();
        }}
      >
        <option value="">Not chosen yet</option>
        <option value="strong_yes">Strong yes</option>
        <option value="yes">Yes</option>
        <option value="no">No</option>
        <option value="strong_no">Strong no</option>
      </select>
      {(Object.keys(ratings) as (keyof typeof ratings)[]).map((k) => (
        <div key={k}>
          <label htmlFor={`${id}-${k}`}>{k === 'role_skills' ? 'Role skills' : 'Communication'} (1–5)</label>
          <input
            id={`${id}-${k}`}
            type="number"
            min={1}
            max={5}
            value={ratings[k]}
            onChange={(e) => {
              setRatings({ ...ratings, [k]: Number(e.target.value) });
              edited();
            }}
          />
        </div>
      ))}
      <label htmlFor={`${id}-notes`}>Notes (internal; never shown to the candidate)</label>
      <textarea
        id={`${id}-notes`}
        value={notes}
        onChange={(e) => {
          setNotes(e.target.value);
          edited();
        }}
      />
    </>
  );
}
