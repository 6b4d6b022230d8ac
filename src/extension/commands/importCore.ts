/**
 * Lazy access to the authoring parts of the core (like ../shared/core.ts): the template renderer
 * and the import converter are evaluated on first use, so registering the commands costs nothing
 * at activation.
 */
import type * as Template from '../../core/newReview/template';
import type * as Convert from '../../core/import/convert';

type AuthoringCore = typeof Template & typeof Convert;
let mod: AuthoringCore | undefined;

export function authoring(): AuthoringCore {
  /* eslint-disable @typescript-eslint/no-require-imports */
  mod ??= { ...require('../../core/newReview/template'), ...require('../../core/import/convert') } as AuthoringCore;
  return mod;
}
