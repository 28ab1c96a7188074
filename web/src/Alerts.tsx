/** The outcome of the last action: an error (announced at once) and/or a notice (announced politely). */
export function Alerts({ error, notice }: { error?: string; notice?: string }) {
  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
    </>
  );
}
