// The session as React state: every component reading it re-renders on sign-in, refresh and
// sign-out (in this tab or another).
import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession } from './session';

export function useSession() {
  return useSyncExternalStore(subscribeSession, getSession);
}
