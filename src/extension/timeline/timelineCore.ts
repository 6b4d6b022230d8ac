/**
 * The timeline parts of the core, reached through the lazily loaded command-only core
 * (../shared/core.ts getCommands()): evaluated on first use,
 * so registering the timeline editor costs nothing at activation.
 */
import type * as Edit from '../../core/timeline/edit';
import type * as View from '../../core/timeline/view';
import type * as Picture from '../../core/timeline/picture';
import { getCommands } from '../shared/core';

type TimelineCore = typeof Edit & typeof View & typeof Picture;

export function get(): TimelineCore {
  return getCommands();
}
