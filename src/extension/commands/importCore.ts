/**
 * The authoring parts of the core (the template renderer and the import converter), reached
 * through the lazily loaded command-only core (../shared/core.ts getCommands()): registering the
 * commands costs nothing at activation.
 */
import type * as Template from '../../core/newReview/template';
import type * as Convert from '../../core/import/convert';
import { getCommands } from '../shared/core';

type AuthoringCore = typeof Template & typeof Convert;

export function authoring(): AuthoringCore {
  return getCommands();
}
