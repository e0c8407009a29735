import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { resolve } from 'node:path';

export interface BotCredentials {
  appId: string;
  appPassword: string;
  tenantId?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
}

export interface Config {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  veilederToken: string;
  /** True when the token was generated because VEILEDER_TOKEN was unset: it is printed at start. */
  veilederTokenGenerated: boolean;
  openingHours: 'data' | 'always';
  retentionDays: number;
  /** An accepted handoff with no message for this many days is closed, then expires like any other. */
  handoffIdleDays: number;
  /** Secret that signs local Direct Line tokens; kept in DATA_DIR when not configured. */
  directLineSecret?: string;
  credentials?: BotCredentials;
  /** The address citizens and veiledere reach Veiviser on, for links sent in Teams. */
  publicBaseUrl?: string;
  /**
   * Which reverse proxies may name the client in X-Forwarded-For (express's "trust proxy"): a hop
   * count or a list of addresses, subnets and the names loopback, linklocal, uniquelocal. Unset:
   * none, and the limits per address use the connection's own address.
   */
  trustProxy?: number | string[];
  /**
   * TEAMS_LOCAL=1: /api/messages without Bot Framework authentication, answering this machine
   * only (Microsoft 365 Agents Playground). Never together with credentials or in production.
   */
  teamsLocal: boolean;
  /** VEILEDER_TEAMS_CONVERSATION: the Teams team or chat ids where handoff summaries go. */
  veilederTeamsConversations: string[];
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function credentials(env: Env): BotCredentials | undefined {
  const appId = env.MicrosoftAppId?.trim();
  const appPassword = env.MicrosoftAppPassword?.trim();
  const appType = (env.MicrosoftAppType?.trim() || 'MultiTenant') as BotCredentials['appType'];
  if (!['MultiTenant', 'SingleTenant', 'UserAssignedMSI'].includes(appType)) {
    throw new ConfigError(`MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI, got "${appType}"`);
  }
  if (!appId) {
    if (appPassword) throw new ConfigError('MicrosoftAppPassword is set but MicrosoftAppId is not');
    return undefined;
  }
  if (!appPassword && appType !== 'UserAssignedMSI') throw new ConfigError('MicrosoftAppId is set but MicrosoftAppPassword is not');
  const tenantId = env.MicrosoftAppTenantId?.trim() || undefined;
  if (appType === 'SingleTenant' && !tenantId) throw new ConfigError('MicrosoftAppType SingleTenant needs MicrosoftAppTenantId');
  return { appId, appPassword: appPassword ?? '', tenantId, appType };
}

function publicBaseUrl(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (!/^https?:\/\/[^\s/]+/.test(value)) throw new ConfigError(`PUBLIC_BASE_URL must be an http(s) address, got "${value}"`);
  return value.replace(/\/+$/, '');
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function trustProxy(raw: string | undefined): number | string[] | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return integer({ TRUST_PROXY: value }, 'TRUST_PROXY', 0, 1, 10);
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const valid = PROXY_NAMES.has(entry) || (isIP(address) !== 0 && (prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (isIP(address) === 4 ? 32 : 128))));
    if (!valid) throw new ConfigError(`TRUST_PROXY must be a hop count (1-10) or a comma-separated list of addresses, subnets, loopback, linklocal or uniquelocal; got "${entry}"`);
  }
  return entries;
}

function teamsLocal(env: Env, creds: BotCredentials | undefined): boolean {
  const raw = env.TEAMS_LOCAL?.trim() ?? '';
  if (raw === '' || raw === '0') return false;
  if (raw !== '1') throw new ConfigError(`TEAMS_LOCAL must be 1 or unset, got "${raw}"`);
  if (creds) throw new ConfigError('TEAMS_LOCAL=1 turns Bot Framework authentication off: it cannot be used with MicrosoftAppId');
  if (env.NODE_ENV?.trim() === 'production') throw new ConfigError('TEAMS_LOCAL=1 turns Bot Framework authentication off: it cannot be used with NODE_ENV=production');
  return true;
}

/** Team ids ("19:…@thread.tacv2") or chat ids ("19:…@thread.v2"), separated by commas or spaces. */
function teamsConversations(raw: string | undefined): string[] {
  const ids = (raw ?? '').split(/[\s,]+/).filter(Boolean);
  for (const id of ids) {
    if (!/^[\w:@.;=-]{3,200}$/.test(id)) throw new ConfigError(`VEILEDER_TEAMS_CONVERSATION must be Teams team or chat ids, got "${id}"`);
  }
  return [...new Set(ids)];
}

/** Reads the environment once at start; a bad value stops the process with a one-line reason. */
export function loadConfig(env: Env = process.env): Config {
  const openingHours = (env.OPENING_HOURS || 'data').trim();
  if (openingHours !== 'data' && openingHours !== 'always') {
    throw new ConfigError(`OPENING_HOURS must be "data" or "always", got "${openingHours}"`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const configuredToken = env.VEILEDER_TOKEN?.trim();
  if (configuredToken !== undefined && configuredToken !== '' && configuredToken.length < 16) {
    throw new ConfigError('VEILEDER_TOKEN must be at least 16 characters');
  }
  const creds = credentials(env);
  const local = teamsLocal(env, creds);
  const base = publicBaseUrl(env.PUBLIC_BASE_URL);
  if (creds && !base) throw new ConfigError('MicrosoftAppId is set but PUBLIC_BASE_URL is not: links sent in Teams need the public address');
  return {
    port: integer(env, 'PORT', 3978, 0, 65535),
    dataDir: resolve(env.DATA_DIR?.trim() || './var'),
    databaseUrl,
    veilederToken: configuredToken || randomBytes(24).toString('base64url'),
    veilederTokenGenerated: !configuredToken,
    openingHours,
    retentionDays: integer(env, 'RETENTION_DAYS', 30, 1, 3650),
    handoffIdleDays: integer(env, 'HANDOFF_IDLE_DAYS', 7, 1, 3650),
    directLineSecret: env.DIRECTLINE_SECRET?.trim() || undefined,
    credentials: creds,
    publicBaseUrl: base,
    trustProxy: trustProxy(env.TRUST_PROXY),
    teamsLocal: local,
    veilederTeamsConversations: teamsConversations(env.VEILEDER_TEAMS_CONVERSATION),
  };
}
