/**
 * Who is taking part. A signed-in person is known by a bearer token the host
 * page supplies (never stored by Sharek). Otherwise a random participant id,
 * kept in this browser's localStorage, lets the portal count one vote per
 * participant. It stops double votes from the same browser; it does not stop
 * a person who clears storage or uses another browser (the README says so).
 */
const KEY = 'sharek:participant';
let fallback: string | undefined;

/** This browser's participant id (a UUID), made on first use. */
export function participantId(): string {
  try {
    let id = localStorage.getItem(KEY);
    if (!id) localStorage.setItem(KEY, (id = crypto.randomUUID()));
    return id;
  } catch {
    // Storage refused (private mode, sandboxed iframe): one id for this page's life.
    return (fallback ??= crypto.randomUUID());
  }
}

/** Headers that say who is calling: the token when there is one, and the participant id. */
export function identityHeaders(token?: string | null): Record<string, string> {
  return { 'Sharek-Participant': participantId(), ...(token ? { Authorization: `Bearer ${token}` } : {}) };
}
