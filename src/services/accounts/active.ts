// The one rule every credential passes (sign-in, refresh, access token, API token): the account
// must still exist and must not be disabled. Each caller has the row in hand already.

import { ScrumdownError } from '../../errors.js';
import type { User } from '../../store/schema.js';

export function activeUser(user: User | undefined): User {
  if (!user) throw new ScrumdownError('unauthenticated', 'The account no longer exists.', { reason: 'invalid' });
  if (user.disabled_at !== null) {
    throw new ScrumdownError('unauthenticated', `This account was disabled by an administrator on ${user.disabled_at}. Ask an administrator to enable it again.`, {
      reason: 'disabled',
    });
  }
  return user;
}
