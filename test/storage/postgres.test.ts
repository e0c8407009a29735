import assert from 'node:assert/strict';
import pg from 'pg';
import sinon from 'sinon';
import { PgRecordStore } from '../../bot/storage/pgRecordStore.js';
import { migrate } from '../../bot/storage/pgSchema.js';
import { createStores, uniqueSchemaName } from '../../bot/storage/index.js';
import { dropSchema, PG_URL, postgresBackend, requirePostgres } from './backends.js';
import { storeContract, waitFor } from './contract.js';

describe('store contract: PostgreSQL', () => {
  before(async function () {
    await requirePostgres(this);
  });
  storeContract(async () => postgresBackend());

  describe('several instances', () => {
    const schema = uniqueSchemaName();
    after(async () => dropSchema(schema).catch(() => undefined));

    it('migrates once when two instances start together, and relays messages between them', async () => {
      const config = { dataDir: '/nonexistent', databaseUrl: PG_URL, schema, retentionDays: 30 };
      const [a, b] = await Promise.all([createStores(config), createStores(config)]);
      try {
        const got: unknown[] = [];
        b.records.subscribe('handoff:h1', (m) => got.push(m));
        await a.records.publish('handoff:h1', { from: 'veileder', text: 'Hei, jeg heter Kari.' });
        await waitFor(() => got.length === 1);
        assert.deepEqual(got, [{ from: 'veileder', text: 'Hei, jeg heter Kari.' }]);
        // One instance claims, the other sees it taken.
        await a.records.put('handoff', 'h1', { value: {}, conversationId: 'c1', state: 'queued' });
        const [x, y] = await Promise.all([
          a.records.claim('handoff', 'h1', { from: ['queued'], to: 'accepted' }),
          b.records.claim('handoff', 'h1', { from: ['queued'], to: 'accepted' }),
        ]);
        assert.equal([x, y].filter(Boolean).length, 1);
        await assert.rejects(a.records.publish('big', { text: 'x'.repeat(9000) }), RangeError);
      } finally {
        await a.close();
        await b.close();
      }
    });

    it('reads a conversation\'s state ahead on request; a write by the other instance meanwhile fails the stale turn\'s save', async () => {
      const config = { dataDir: '/nonexistent', databaseUrl: PG_URL, schema, retentionDays: 30 };
      const [a, b] = await Promise.all([createStores(config), createStores(config)]);
      const key = 'directline/conversations/ra1/ConversationState';
      try {
        assert.equal(typeof a.readAhead, 'function');
        await a.storage.write({ [key]: { step: 'asked for a human', eTag: '*' } });
        await a.storage.read([key]);

        await a.readAhead!('ra1');
        const onB = await b.storage.read([key]);
        await b.storage.write({ [key]: { ...onB[key], step: 'written on B' } });
        const stale = await a.storage.read([key]);
        assert.equal((stale[key] as { step: string }).step, 'asked for a human', 'A used what it read ahead');
        await assert.rejects(a.storage.write({ [key]: { ...stale[key], step: 'lost?' } }), /eTag conflict/);
        assert.equal(((await b.storage.read([key]))[key] as { step: string }).step, 'written on B', 'B\'s write is kept');
      } finally {
        await a.close();
        await b.close();
      }
    });

    it('listens again after the database drops its LISTEN connection', async function () {
      this.timeout(15000);
      const errors: unknown[] = [];
      const config = { dataDir: '/nonexistent', databaseUrl: PG_URL, schema, retentionDays: 30 };
      const a = await createStores(config);
      const b = await createStores({ ...config, onError: (e) => errors.push(e) });
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      try {
        const got: unknown[] = [];
        b.records.subscribe('relay', (m) => got.push(m));
        await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1`, [`LISTEN "${schema}_events"`]);
        // Messages sent while it is down are lost (relays re-read their logs); keep sending until one arrives.
        const started = Date.now();
        while (got.length === 0 && Date.now() - started < 10000) {
          await a.records.publish('relay', { n: 1 });
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        assert.ok(got.length > 0, 'delivery resumed');
        assert.ok(errors.length > 0, 'the lost connection was reported');
      } finally {
        await admin.end();
        await a.close();
        await b.close();
      }
    });
  });

  describe('connections', () => {
    const schema = uniqueSchemaName();
    after(async () => dropSchema(schema).catch(() => undefined));

    it('keeps its connections through a quiet spell, so the first turns after it do not wait for new ones', async function () {
      this.timeout(30000);
      const stores = await createStores({ dataDir: '/nonexistent', databaseUrl: PG_URL, schema, retentionDays: 30 });
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      // Backends of this store: named by the pool, and their last statement was on this schema.
      const backends = async () =>
        (await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = 'veiviser' AND strpos(query, $1) > 0 ORDER BY pid`, [schema])).rows.map((r) => r.pid);
      const keys = ['a', 'b', 'c', 'd'].map((c) => `directline/conversations/${c}/ConversationState`);
      try {
        await Promise.all(keys.map((key) => stores.storage.write({ [key]: { step: 'welcomed', eTag: '*' } })));
        const before = await backends();
        assert.ok(before.length >= 2, `several connections were open (${before.length})`);
        // Longer than pg's own default of 10 s, after which it would have closed them all.
        await new Promise((resolve) => setTimeout(resolve, 11_000));
        await Promise.all(keys.map((key) => stores.storage.read([key])));
        const after = await backends();
        assert.deepEqual(before.filter((pid) => !after.includes(pid)), [], 'no connection was closed');
      } finally {
        await admin.end();
        await stores.close();
      }
    });
  });

  describe('log appends', () => {
    const schema = uniqueSchemaName();
    let pool: pg.Pool;
    let records: PgRecordStore;
    before(async () => {
      pool = new pg.Pool({ connectionString: PG_URL, max: 4 });
      await migrate(pool, schema);
      records = await PgRecordStore.open({ pool, connectionString: PG_URL, schema, retentionDays: 30 });
    });
    after(async () => {
      await records.close();
      await pool.end();
      await dropSchema(schema).catch(() => undefined);
    });

    it('writes the appends one conversation makes at once (a reply and its transcript line) in one statement, and later ones in the next', async () => {
      const query = sinon.spy(pool, 'query');
      try {
        const got: unknown[] = [];
        records.subscribe('dl:c1', (m) => got.push(m));
        const seqs = await Promise.all([
          records.appendLog('c1', 'directline', { text: 'Svar' }, undefined, { channel: 'dl:c1', message: { text: 'Svar' } }),
          records.appendTranscript('c1', { from: 'bot', text: 'Svar' }),
          records.appendLog('c2', 'directline', { text: 'Annet' }),
        ]);
        assert.deepEqual(seqs, [1, 1, 1]);
        assert.equal(query.callCount, 2, 'one statement for c1, one for c2');
        assert.equal(await records.appendTranscript('c1', { from: 'user', text: 'Takk' }), 2);
        assert.equal(query.callCount, 3);
        await waitFor(() => got.length === 1);
        assert.deepEqual(got, [{ text: 'Svar', seq: 1 }], 'the announcement went out with its number');
      } finally {
        query.restore();
      }
    });
  });
});
