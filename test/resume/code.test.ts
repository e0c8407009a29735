import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashResumeCode, newResumeCode, normalizeResumeCode, RESUME_ALPHABET, RESUME_CODE_BITS } from '../../core/resume/index.js';
import { RESUME_KIND, ResumeCodes } from '../../bot/resume/index.js';
import { createStores, type Stores } from '../../bot/storage/index.js';

const SECRET = 'resume-test-secret-0123456789';
const DAY = 24 * 3600_000;

describe('resume codes', () => {
  describe('the code', () => {
    it('is ten symbols in three groups for reading aloud, from an alphabet without 0/O, 1/I/L or U', () => {
      for (let i = 0; i < 200; i++) assert.match(newResumeCode(), /^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}$/);
      for (const ch of '01OILU') assert.ok(!RESUME_ALPHABET.includes(ch), ch);
      assert.equal(new Set(RESUME_ALPHABET).size, RESUME_ALPHABET.length);
    });

    it('carries at least 40 bits, drawn uniformly from the whole alphabet', () => {
      assert.ok(RESUME_CODE_BITS >= 40, `${RESUME_CODE_BITS} bits`);
      // Every symbol can come out at every place: the picker is asked for a number below 30 each time.
      const asked: number[] = [];
      const code = newResumeCode((n) => (asked.push(n), asked.length % n));
      assert.deepEqual(asked, Array(10).fill(RESUME_ALPHABET.length));
      assert.equal(code, '3456-789-ABC');
      assert.equal(newResumeCode(() => RESUME_ALPHABET.length - 1), 'ZZZZ-ZZZ-ZZZ');
      const many = new Set(Array.from({ length: 2000 }, () => newResumeCode()));
      assert.equal(many.size, 2000, 'no repeats in 2000 codes');
    });

    it('is read however the person types it: case, spaces, dashes and dots do not matter', () => {
      for (const typed of ['k7qm-2xp-d9h', 'K7QM 2XP D9H', ' k7qm2xpd9h ', 'K7Q.M2X.PD9H', 'K7QM–2XP–D9H']) assert.equal(normalizeResumeCode(typed), 'K7QM-2XP-D9H', typed);
    });

    it('is refused when it cannot be a code: wrong length, letters outside the alphabet, not text', () => {
      for (const typed of ['K7QM-2XP-D9', 'K7QM-2XP-D9HH', 'K0QM-2XP-D9H', 'KIQM-2XP-D9H', '', '<script>', 'K7QM-2XP-D9H'.repeat(5), 12345, null, undefined, {}, ['K7QM2XPD9H']]) {
        assert.equal(normalizeResumeCode(typed), undefined, String(typed));
      }
    });

    it('is stored as a keyed hash: the same for every way of typing it, never the code, different for another secret', () => {
      const hash = hashResumeCode(SECRET, 'K7QM-2XP-D9H');
      assert.equal(hashResumeCode(SECRET, 'k7qm 2xp d9h'), hash);
      assert.match(hash, /^[A-Za-z0-9_-]{43}$/);
      assert.ok(!hash.toUpperCase().includes('K7QM'));
      assert.notEqual(hashResumeCode(`${SECRET}x`, 'K7QM-2XP-D9H'), hash);
      assert.notEqual(hashResumeCode(SECRET, 'K7QM-2XP-D9J'), hash);
      assert.throws(() => hashResumeCode(SECRET, 'nonsense'), TypeError);
    });
  });

  describe('kept in the record store', () => {
    let dir: string;
    let stores: Stores;
    let now: Date;
    let codes: ResumeCodes;

    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'veiviser-resume-'));
      now = new Date('2026-12-03T16:30:00Z');
      stores = await createStores({ dataDir: dir, retentionDays: 30, clock: () => now });
      codes = new ResumeCodes({ records: stores.records, secret: SECRET, clock: () => now });
    });

    afterEach(async () => {
      await stores.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('opens the conversation it was given for, and keeps only the hash', async () => {
      const code = await codes.issue('conv-a');
      assert.deepEqual(await codes.find(code.toLowerCase()), { ok: true, conversationId: 'conv-a' });
      const stored = await stores.records.list(RESUME_KIND, { conversationId: 'conv-a' });
      assert.equal(stored.length, 1);
      assert.equal(stored[0]!.id, hashResumeCode(SECRET, code));
      assert.ok(!JSON.stringify(stored).includes(code.replace(/-/g, '')) && !JSON.stringify(stored).includes(code), 'the code itself is nowhere in the record');
    });

    it('answers a wrong code and a malformed one differently, and never with a conversation', async () => {
      await codes.issue('conv-a');
      assert.deepEqual(await codes.find('ZZZZ-ZZZ-ZZZ'), { ok: false, reason: 'unknown' });
      assert.deepEqual(await codes.find('hello'), { ok: false, reason: 'malformed' });
    });

    it('gives one code per conversation: a new one replaces the old', async () => {
      const first = await codes.issue('conv-a');
      const second = await codes.issue('conv-a');
      assert.notEqual(first, second);
      assert.equal((await codes.find(first)).ok, false);
      assert.deepEqual(await codes.find(second), { ok: true, conversationId: 'conv-a' });
      assert.equal((await stores.records.list(RESUME_KIND, { conversationId: 'conv-a' })).length, 1);
    });

    it('expires with the retention time, counted from when it was last used', async () => {
      const code = await codes.issue('conv-a');
      now = new Date(now.getTime() + 20 * DAY);
      assert.equal((await codes.find(code)).ok, true, 'used on day 20: good for another 30 days');
      now = new Date(now.getTime() + 29 * DAY);
      assert.equal((await codes.find(code)).ok, true, 'day 49');
      now = new Date(now.getTime() + 31 * DAY);
      assert.deepEqual(await codes.find(code), { ok: false, reason: 'unknown' }, 'unused for 31 days');
    });

    it('is gone when the conversation is deleted', async () => {
      const code = await codes.issue('conv-a');
      const other = await codes.issue('conv-b');
      await stores.records.deleteConversation('conv-a');
      assert.deepEqual(await codes.find(code), { ok: false, reason: 'unknown' });
      assert.deepEqual(await codes.find(other), { ok: true, conversationId: 'conv-b' }, 'another conversation keeps its code');
    });
  });
});
