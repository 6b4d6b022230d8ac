export const SCHEMA: string;
export const OUTPUT: string;
export function generateValidator(): string;
export function writeValidator(): boolean;
