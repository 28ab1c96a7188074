import { useCallback, useEffect, useState } from 'react';
import { client, dataOf, messageOf, type Schema } from './api.ts';
import type { ScorecardTyped } from './ScorecardFields.tsx';
import {
  ratingsOf,
  readUnsaved,
  unsavedKey,
  writeUnsaved,
  type Recommendation,
  type UnsavedScorecard,
} from './scorecard-storage.ts';

/**
 * One interviewer's scorecard as typed, with what they saved: it opens with their draft, else what
 * they submitted last, unless text typed and never saved survives in the tab (it wins, and says so).
 */
export function useScorecard(interviewId: string, memberId: string) {
  const [saved, setSaved] = useState<Schema<'Feedback'> | null>(null);
  const [draft, setDraft] = useState<Schema<'FeedbackDraft'> | null>(null);
  const [dirty, setDirty] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const storageKey = unsavedKey(interviewId, memberId);
  const { typed, fill } = useTypedScorecard(() => {
    setDirty(true);
    setMessage('');
  });
  const { recommendation, ratings, notes } = typed;

  const loadSaved = useCallback(
    async (keepUnsaved: boolean) => {
      try {
        const mine = await dataOf(
          client.GET('/api/v1/interviews/{id}/feedback/mine', { params: { path: { id: interviewId } } }),
        );
        setSaved(mine.submitted);
        setDraft(mine.draft);
        const unsaved = keepUnsaved ? readUnsaved(storageKey) : null;
        if (unsaved) {
          // What was typed and never saved is newer than anything stored: it wins, and says so.
          fill(unsaved);
          setDirty(true);
          setMessage('Restored what you typed before the page reloaded. It is not saved yet.');
        } else {
          const from = mine.draft ?? mine.submitted;
          if (from) fill(from);
          setDirty(false);
          if (!keepUnsaved) writeUnsaved(storageKey, null);
        }
        setError('');
        setLoaded(true);
      } catch (e) {
        setError(messageOf(e, 'Could not load your saved feedback.'));
      }
    },
    [interviewId, storageKey],
  );
  useEffect(() => {
    void loadSaved(true);
  }, [loadSaved]);
  useEffect(() => {
    if (dirty) writeUnsaved(storageKey, { recommendation, ratings, notes });
  }, [dirty, storageKey, recommendation, ratings, notes]);

  /** What was typed has been saved: nothing to keep in the tab. */
  function stored() {
    setDirty(false);
    writeUnsaved(storageKey, null);
  }

  return {
    typed,
    saved,
    setSaved,
    draft,
    setDraft,
    loaded,
    loadSaved,
    stored,
    message,
    setMessage,
    error,
    setError,
  };
}

/** What is typed in a scorecard, and a way to fill it from a save; `edited` is called on any change. */
function useTypedScorecard(edited: () => void) {
  const [recommendation, setRecommendation] = useState<Recommendation>('');
  const [notes, setNotes] = useState('');
  const [ratings, setRatings] = useState({ communication: 3, role_skills: 3 });
  const fill = (
    f: Pick<UnsavedScorecard, 'notes'> & {
      recommendation: Recommendation | null;
      ratings: Record<string, number>;
    },
  ) => {
    setRecommendation(f.recommendation ?? '');
    setNotes(f.notes);
    setRatings(ratingsOf(f.ratings));
  };
  const typed: ScorecardTyped = {
    recommendation,
    setRecommendation,
    notes,
    setNotes,
    ratings,
    setRatings,
    edited,
  };
  return { typed, fill };
}

/** Saving a scorecard: as a draft the author alone sees, or submitted as a new version. */
export function useScorecardSaves(
  interviewId: string,
  card: ReturnType<typeof useScorecard>,
  onSaved: () => void,
) {
  const { typed, saved, setError, setMessage } = card;
  const { recommendation, ratings, notes } = typed;
  const path = { params: { path: { id: interviewId } } };
  async function saveDraft() {
    setError('');
    setMessage('');
    try {
      const body = {
        recommendation: recommendation || null,
        ratings,
        notes,
        baseVersion: saved?.version ?? 0,
      };
      card.setDraft(await dataOf(client.PUT('/api/v1/interviews/{id}/feedback/draft', { ...path, body })));
      card.stored();
      setMessage('Draft saved. Only you can see it; it is not submitted.');
    } catch (e) {
      // What was typed stays in the form (and in the tab), with the reason.
      setError(messageOf(e, 'Could not save the draft.'));
    }
  }

  async function submit() {
    setError('');
    setMessage('');
    if (!recommendation) {
      setError('Choose a recommendation before submitting. Your text is kept; you can also save a draft.');
      return;
    }
    try {
      const body = { recommendation, ratings, notes, baseVersion: saved?.version ?? 0 };
      const r = await dataOf(client.POST('/api/v1/interviews/{id}/feedback', { ...path, body }));
      card.setSaved(r);
      card.setDraft(null);
      card.stored();
      setMessage(r.version > 1 ? `Feedback submitted as version ${r.version}.` : 'Feedback submitted.');
      onSaved();
    } catch (e) {
      // What was typed stays in the form; the author reloads the newer save deliberately.
      setError(messageOf(e, 'Could not save the feedback.'));
    }
  }
  return { saveDraft, submit };
}
