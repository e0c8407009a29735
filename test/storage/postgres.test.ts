import assert from 'node:assert/strict';
import pg from 'pg';
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

    it('numbers appends made at once in the order they were made, and announces each with its number', async () => {
      const got: unknown[] = [];
      records.subscribe('dl:c1', (m) => got.push(m));
      const texts = Array.from({ length: 20 }, (_, i) => `svar ${i}`);
      const seqs = await Promise.all(
        texts.map((text) => records.appendLog('c1', 'directline', { text }, undefined, { channel: 'dl:c1', message: { text } })),
      );
      assert.deepEqual(seqs, texts.map((_, i) => i + 1));
      assert.deepEqual((await records.readLog<{ text: string }>('c1', 'directline')).map((e) => e.data.text), texts);
      await waitFor(() => got.length === texts.length);
      assert.deepEqual(got, texts.map((text, i) => ({ text, seq: i + 1 })), 'announcements in entry order, with their numbers');
    });
  });
});
