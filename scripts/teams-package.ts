/**
 * Builds the Teams app package: teams/manifest.json (+ nn and en texts, icons) with the bot's ids
 * filled in, zipped to teams/build/veiviser-teams.zip, ready to upload in Teams.
 *
 *   MicrosoftAppId=<bot app id> PUBLIC_BASE_URL=https://veiviser.example npm run teams:package
 *
 * TEAMS_APP_ID is optional (defaults to the bot's app id). The zip is written with node:zlib by the
 * small writer below, so no zip package is needed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const TEAMS_DIR = fileURLToPath(new URL('../teams/', import.meta.url));
const FILES = ['manifest.json', 'nn-no.json', 'en-us.json', 'color.png', 'outline.png'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** A minimal zip (PKZIP 2.0, deflate, no zip64): enough for a Teams app package. */
export function zip(entries: ZipEntry[], date = new Date('2026-01-01T00:00:00Z')): Buffer {
  const dosTime = ((date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1)) & 0xffff;
  const dosDate = (((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate()) & 0xffff;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const fileName = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, packed);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export function fillManifest(template: string, env: Record<string, string | undefined>): string {
  const botId = env.MicrosoftAppId?.trim();
  const base = env.PUBLIC_BASE_URL?.trim().replace(/\/+$/, '');
  if (!botId || !GUID.test(botId)) throw new Error('MicrosoftAppId must be the bot\'s app id (a GUID)');
  if (!base || !/^https:\/\/[^/\s]+$/.test(base)) throw new Error('PUBLIC_BASE_URL must be the https origin the bot is served on, e.g. https://veiviser.example');
  const appId = env.TEAMS_APP_ID?.trim() || botId;
  if (!GUID.test(appId)) throw new Error('TEAMS_APP_ID must be a GUID');
  const values: Record<string, string> = { BOT_ID: botId, TEAMS_APP_ID: appId, PUBLIC_BASE_URL: base, PUBLIC_HOST: new URL(base).host };
  const filled = template.replace(/\{\{([A-Z_]+)\}\}/g, (_m, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`manifest: unknown placeholder {{${key}}}`);
    return value;
  });
  JSON.parse(filled);
  return filled;
}

export function buildPackage(env: Record<string, string | undefined>, dir = TEAMS_DIR): { path: string; bytes: number } {
  const entries = FILES.map((name) => {
    const data = readFileSync(join(dir, name));
    return { name, data: name === 'manifest.json' ? Buffer.from(fillManifest(data.toString('utf8'), env)) : data };
  });
  const out = join(dir, 'build');
  mkdirSync(out, { recursive: true });
  const path = join(out, 'veiviser-teams.zip');
  const bytes = zip(entries);
  writeFileSync(path, bytes);
  return { path, bytes: bytes.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { path, bytes } = buildPackage(process.env);
    console.log(`${path} (${bytes} bytes)`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}
