import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const RIGHTS_DATA_DIR = fileURLToPath(new URL('../../data/rights/', import.meta.url));

/** Reads one JSON file from data/rights; a broken file stops start-up with its name in the message. */
export function readRightsData(file: string, dir = RIGHTS_DATA_DIR): unknown {
  try {
    return JSON.parse(readFileSync(new URL(file, `file://${dir.endsWith('/') ? dir : `${dir}/`}`), 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`data/rights/${file}: ${(error as Error).message}`);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
