// The administrator's view of every account: a list by e-mail address with a text filter, and
// the two switches on an account, disabled and administrator. One active administrator always
// remains, so nobody can lock the server out of its own administration.

import { ScrumdownError } from '../../errors.js';
import { countActiveAdmins, findUserById, listUsers as listUserRows, updateUser } from '../../store/repositories/users.js';
import type { User } from '../../store/schema.js';
import { inTransaction, takeTurns } from '../../store/transaction.js';
import { badField } from '../sprints/dates.js';
import { decodeCursor, pageOf, pageSize } from './page.js';
import type { PageQuery } from './page.js';
import { publicUser } from './sessions.js';
import type { AccountsContext, AuthUser, PublicUser } from './types.js';

/** The turns changes to administrators and disabled accounts take (takeTurns). */
const ADMINS_LOCK = 7_431_002;

export interface AdminUserView extends PublicUser {
  /** When an administrator disabled the account; null while it is enabled. */
  disabledAt: string | null;
}

export interface UserPage {
  users: AdminUserView[];
  nextCursor: string | null;
}

export interface UserListInput extends PageQuery {
  /** Free text the name or the e-mail address contains (the case of A to Z ignored). */
  q?: string | undefined;
}

export interface UserChanges {
  disabled?: boolean | undefined;
  isAdmin?: boolean | undefined;
}

function adminView(user: User): AdminUserView {
  return { ...publicUser(user), disabledAt: user.disabled_at };
}

/** Refuses callers who are not administrators: `what` they tried, e.g. "invite people". */
export function requireAdmin(by: AuthUser, what: string): void {
  if (!by.isAdmin) throw new ScrumdownError('forbidden', `Only an administrator can ${what}.`);
}

export async function listUsers(ctx: AccountsContext, by: AuthUser, input: UserListInput): Promise<UserPage> {
  requireAdmin(by, 'list accounts');
  const limit = pageSize(input.limit);
  const afterEmail = input.cursor === undefined ? undefined : decodeCursor(input.cursor, 1)[0];
  const rows = await listUserRows(ctx.db, { text: input.q?.trim(), afterEmail, limit: limit + 1 });
  const page = pageOf(rows, limit, (last) => [last.email]);
  return { users: page.rows.map(adminView), nextCursor: page.nextCursor };
}

/** Disables or enables an account, grants or revokes administrator; refuses to leave no active administrator. */
export async function changeUser(ctx: AccountsContext, by: AuthUser, userId: string, changes: UserChanges): Promise<AdminUserView> {
  requireAdmin(by, 'change accounts');
  if (changes.disabled === undefined && changes.isAdmin === undefined) {
    throw badField('disabled', 'missing: give disabled, isAdmin or both', 'Say what to change: "disabled", "isAdmin" or both.');
  }
  const at = ctx.clock().toISOString();
  return inTransaction(ctx.handle, async (trx) => {
    // Two administrators demoting each other at once must not both succeed.
    await takeTurns(ctx.handle, trx, ADMINS_LOCK);
    const user = await findUserById(trx, userId);
    if (!user) throw new ScrumdownError('not_found', `There is no account with id ${userId}. List them with GET /api/v1/admin/users.`, { id: userId });
    const disabledAt = changes.disabled === undefined ? user.disabled_at : changes.disabled ? (user.disabled_at ?? at) : null;
    const isAdmin = changes.isAdmin === undefined ? user.is_admin : changes.isAdmin ? 1 : 0;
    const wasActiveAdmin = user.is_admin === 1 && user.disabled_at === null;
    const staysActiveAdmin = isAdmin === 1 && disabledAt === null;
    if (wasActiveAdmin && !staysActiveAdmin && (await countActiveAdmins(trx)) <= 1) {
      throw new ScrumdownError(
        'conflict',
        `${user.email} is the last active administrator: the server must keep one. Make someone else administrator first.`,
        { rule: 'last_admin', id: userId },
      );
    }
    const changed: User = { ...user, disabled_at: disabledAt, is_admin: isAdmin, updated_at: at };
    await updateUser(trx, userId, { disabled_at: disabledAt, is_admin: isAdmin, updated_at: at });
    return adminView(changed);
  });
}
