import { type Caller, Role } from '../../server/src/common/context.js';

/**
 * The caller a test API request acts as unless the test names another: it holds all six roles and
 * belongs to a Träger, so tests of features that do not depend on roles can use every operation.
 */
export const TEST_CALLER: Caller = Object.freeze({
  userId: 'test-caller',
  displayName: 'Testnutzerin',
  roles: Object.values(Role),
  providerId: '00000000-0000-4000-8000-00000000f001',
});
