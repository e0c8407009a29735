import assert from 'node:assert/strict';
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
  });
});
