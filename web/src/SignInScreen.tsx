import { Alerts } from './Alerts.tsx';
import { useState, type FormEvent } from 'react';
import { ApiError, client, dataOf, type Session } from './api.ts';
import { CompanySignIn } from './CompanySignIn.tsx';

/** Email and password, a sign-in link by email, or the organization's company account (single sign-on). */
export function SignInScreen({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      onSignedIn(await dataOf(client.POST('/api/v1/auth/sign-in', { body: { email, password } })));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Something went wrong. Try again.');
    } finally {
      setBusy(false);
    }
  }

  async function link() {
    setError('');
    try {
      await client.POST('/api/v1/auth/magic-link', { body: { email } });
      setNotice(
        'If an account has this address, a sign-in link is on its way. It works once, for 10 minutes.',
      );
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Something went wrong.');
    }
  }

  return (
    <main id="main" className="signin">
      <h1>Sign in to Hearback</h1>
      <Alerts error={error} />
      <Alerts notice={notice} />
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="email">Email</label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <div className="row">
          <button type="submit" disabled={busy}>
            Sign in
          </button>
          <button type="button" className="secondary" disabled={!email} onClick={() => void link()}>
            Email me a sign-in link
          </button>
        </div>
      </form>
      <CompanySignIn email={email} />
    </main>
  );
}
