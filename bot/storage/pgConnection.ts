/**
 * Settings for every connection Veiviser opens to PostgreSQL (the pool's and the LISTEN one).
 * Keep-alive probes stop a connection that sits unused (the LISTEN one always does) from being
 * dropped without a word by a firewall or load balancer on the way, and reveal a dead one, which
 * then errors: the pool replaces it, the listener reconnects. The name shows in pg_stat_activity.
 */
export const PG_CONNECTION = {
  application_name: 'veiviser',
  keepAlive: true,
  keepAliveInitialDelayMillis: 30_000,
} as const;
