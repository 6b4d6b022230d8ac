/**
 * Lazy access to the timeline parts of the core (like ../shared/core.ts): evaluated on first use,
 * so registering the timeline editor costs nothing at activation.
 */
import type * as Edit from '../../core/timeline/edit';
import type * as View from '../../core/timeline/view';
import type * as Picture from '../../core/timeline/picture';

type TimelineCore = typeof Edit & typeof View & typeof Picture;
let mod: TimelineCore | undefined;

export function get(): TimelineCore {
  /* eslint-disable @typescript-eslint/no-require-imports */
  mod ??= { ...require('../../core/timeline/edit'), ...require('../../core/timeline/view'), ...require('../../core/timeline/picture') } as TimelineCore;
  return mod;
}
