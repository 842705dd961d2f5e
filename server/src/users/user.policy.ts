import { Role } from '../common/context.js';
import type { Policy } from '../common/policy.js';

/** What the user policy needs to know about a user record. */
export interface UserRecord {
  id: string;
  active: boolean;
  roles: readonly Role[];
}

/** A change of roles: the user before, and the roles after. */
export interface RoleChange {
  user: UserRecord;
  roles: readonly Role[];
}

const isSelf = (caller: { userId: string }, user: UserRecord) => caller.userId === user.id;

const EVERY_ROLE = Object.values(Role);
const selfForEveryRole = Object.fromEntries(EVERY_ROLE.map((role) => [role, isSelf]));

/**
 * Users: administrators manage them; everyone manages only their own session and password. An
 * administrator cannot deactivate themselves or take their own ADMIN role, so the acting administrator
 * (and with it at least one) always stays.
 */
export const userPolicy: Policy<
  | 'read'
  | 'create'
  | 'update'
  | 'resetPassword'
  | 'deactivate'
  | 'reactivate'
  | 'signIn'
  | 'manageOwnAccount',
  UserRecord
> = {
  read: {
    [Role.ADMIN]: true,
    ...Object.fromEntries(EVERY_ROLE.filter((r) => r !== Role.ADMIN).map((r) => [r, isSelf])),
  },
  create: { [Role.ADMIN]: true },
  update: { [Role.ADMIN]: true },
  // An administrator's own password is changed with the current one (changePassword), not reset.
  resetPassword: { [Role.ADMIN]: (caller, user) => !isSelf(caller, user) },
  deactivate: { [Role.ADMIN]: (caller, user) => !isSelf(caller, user) && user.active },
  reactivate: { [Role.ADMIN]: (_caller, user) => !user.active },
  signIn: Object.fromEntries(
    EVERY_ROLE.map((role) => [role, (caller, user) => isSelf(caller, user) && user.active]),
  ),
  manageOwnAccount: selfForEveryRole,
};

/** Role changes: nobody takes their own ADMIN role (the last administrator stays). */
export const roleChangePolicy: Policy<'changeRoles', RoleChange> = {
  changeRoles: {
    [Role.ADMIN]: (caller, change) => !isSelf(caller, change.user) || change.roles.includes(Role.ADMIN),
  },
};
