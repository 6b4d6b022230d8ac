/** The review format's syntax in one place: action items, tables, list items, milestones. */
export * from './actionItem';
export * from './table';
export * from './listItem';
export * from './milestones';
