// The signed-in session (access token, refresh token, user) kept in localStorage so a reload or a
// second tab stays signed in. Subscribers hear every change, including sign-out in another tab.

export interface User {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds after which the access token is refreshed before use. */
  expiresAt: number;
  user: User;
}

export interface SessionAnswer {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: User;
}

const KEY = 'scrumdown.session';
const listeners = new Set<() => void>();
let current: Session | null = read();

function read(): Session | null {
  try {
    const text = localStorage.getItem(KEY);
    return text ? (JSON.parse(text) as Session) : null;
  } catch {
    return null;
  }
}

export function getSession(): Session | null {
  return current;
}

/** Stores a session from a login, register or refresh answer (or null to sign out). */
export function setSession(answer: SessionAnswer | null): void {
  // Refresh a little early so a request never leaves with a token about to expire.
  current = answer && {
    accessToken: answer.accessToken,
    refreshToken: answer.refreshToken,
    expiresAt: Date.now() + (answer.expiresIn - 30) * 1000,
    user: answer.user,
  };
  if (current) localStorage.setItem(KEY, JSON.stringify(current));
  else localStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

window.addEventListener('storage', (event) => {
  if (event.key !== KEY) return;
  current = read();
  for (const listener of listeners) listener();
});
