/** One way to run a change from a section: busy while it runs, its failure shown in words. */
import { useState } from 'react';
import { messageOf } from './api.ts';

/**
 * `act(change, failure)` clears the section's error, marks it busy while `change` runs, and
 * resolves true when it worked; on a failure it calls `onFail`, shows the problem's detail (or
 * `failure`) through `setError`, and resolves false.
 */
export function useBusyAction(setError: (error: string) => void) {
  const [busy, setBusy] = useState(false);
  async function act(change: () => Promise<void>, failure: string, onFail?: () => void): Promise<boolean> {
    setError('');
    setBusy(true);
    try {
      await change();
      return true;
    } catch (e) {
      onFail?.();
      setError(messageOf(e, failure));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, act };
}
