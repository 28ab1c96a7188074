import { Component, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { AppHeader } from './AppHeader.tsx';
import { ApiError, client, dataOf, setCsrf, type Session } from './api.ts';
import { setServerNow } from './format.ts';
import { homeOf, SCREENS, screensFor } from './nav.ts';
import { RouteScreen, type Place } from './RouteScreen.tsx';
import { SignInScreen } from './SignInScreen.tsx';

/**
 * A screen that failed to load or render (a chunk gone after an upgrade, a bug) shows a way out
 * instead of a blank page. Keyed by route, so moving elsewhere starts afresh.
 */
class ScreenBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="error" role="alert">
        <p style={{ marginTop: 0 }}>This screen could not be shown.</p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}

/** Hash routes keep the server simple: every path is the one index.html. */
function useRoute(): string {
  const [route, setRoute] = useState(window.location.hash.slice(1) || '/');
  useEffect(() => {
    const onChange = () => setRoute(window.location.hash.slice(1) || '/');
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Where a route (`/path?query`) points for a member, and which screens they may use. */
function placeOf(route: string, session: Session): { place: Place; current: string } {
  const [raw, query = ''] = route.split('?') as [string, string?];
  const role = session.member.role;
  // "#/" is the member's home: each role lands on its own view.
  const path = raw === '/' ? homeOf(role) : raw;
  const application = /^\/applications\/([0-9a-f-]{36})$/.exec(path);
  const candidate = /^\/candidates\/([0-9a-f-]{36})$/.exec(path);
  const pipeline = /^\/jobs\/([0-9a-f-]{36})\/pipeline$/.exec(path);
  const screens = screensFor(role, session.permissions);
  // A screen that is not the member's to use says so instead of failing on its requests.
  const known = SCREENS.some((x) => x.path === path);
  const place: Place = {
    path,
    query,
    ...(application && { applicationId: application[1]! }),
    ...(candidate && { candidateId: candidate[1]! }),
    ...(pipeline && { pipelineJobId: pipeline[1]! }),
    next: new URLSearchParams(query).get('next') ?? undefined,
    refused: !application && known && !screens.some((x) => x.path === path),
  };
  return { place, current: application ? 'application' : candidate ? 'candidate' : path };
}

/** The team's web app: sign in, then the follow-up queue and each application's timeline. */
export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const route = useRoute();
  const signedIn = useCallback((s: Session) => {
    setCsrf(s.csrfToken);
    setServerNow(s.now);
    setSession(s);
  }, []);

  const load = useCallback(async () => {
    try {
      signedIn(await dataOf(client.GET('/api/v1/auth/session')));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setSession(null);
      else throw error;
    }
  }, [signedIn]);
  useEffect(() => {
    void load();
  }, [load]);

  if (session === undefined) return <p role="status">Loading…</p>;
  if (session === null) return <SignInScreen onSignedIn={signedIn} />;
  const { place, current } = placeOf(route, session);
  return (
    <>
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          // The app routes on the hash: "#main" would navigate away instead of moving focus.
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <AppHeader session={session} current={current} onSignedOut={() => setSession(null)} />
      <main id="main" tabIndex={-1}>
        <ScreenBoundary key={place.path}>
          <Suspense fallback={<p role="status">Loading…</p>}>
            <RouteScreen place={place} session={session} />
          </Suspense>
        </ScreenBoundary>
      </main>
    </>
  );
}
