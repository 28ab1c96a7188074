/** Sign in with the organization's company account (single sign-on), for the work email typed above. */
export function CompanySignIn({ email }: { email: string }) {
  // A full navigation, not a fetch: the server sends the browser on to the identity provider, which
  // sends it back signed in (or to a page that says what went wrong).
  function company() {
    window.location.assign(`/api/v1/auth/sso/start?email=${encodeURIComponent(email)}`);
  }

  return (
    <section aria-labelledby="h-sso-signin">
      <h2 id="h-sso-signin">Company account</h2>
      <p className="meta">
        If your organization signs in with Google Workspace, Microsoft Entra ID or Okta, enter your work email
        above and continue with your company account.
      </p>
      <button type="button" className="secondary" disabled={!email} onClick={company}>
        Sign in with your company account
      </button>
    </section>
  );
}
