import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startRealServer, type RealServer } from '../helpers/realServer.js';

const HOLDER = fileURLToPath(new URL('./fixtures/holdSockets.ts', import.meta.url));

function openDescriptors(): number {
  return readdirSync('/proc/self/fd').length;
}

interface Report {
  byKind: Record<string, { count: number; ended: number; statuses: Record<string, number> }>;
}

/** Starts the hostile client; resolves once every socket is connected, then with its report. */
function hold(port: number, plan: string[]): { child: ChildProcess; connected: Promise<void>; report: Promise<Report> } {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, String(port), ...plan], { stdio: ['ignore', 'pipe', 'inherit'] });
  let onConnected: () => void = () => undefined;
  let onReport: (r: Report) => void = () => undefined;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const report = new Promise<Report>((resolve) => (onReport = resolve));
  let buffer = '';
  child.stdout!.on('data', (d: Buffer) => {
    buffer += d.toString();
    for (const line of buffer.split('\n').slice(0, -1)) {
      const message = JSON.parse(line) as { connected?: number; done?: boolean } & Report;
      if (message.connected) onConnected();
      if (message.done) onReport(message);
    }
    buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
  });
  return { child, connected, report };
}

async function settle(predicate: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
}

describe('sockets nobody serves are closed (a client without a token cannot use up descriptors)', function () {
  if (process.platform !== 'linux') return;
  this.timeout(40_000);
  let server: RealServer;
  before(async () => {
    server = await startRealServer({}, { socketTimeouts: { headersMs: 1500, requestMs: 2500, idleMs: 4000, checkEveryMs: 100 } });
  });
  after(async () => server.close());

  it('answers 300 stray upgrades with 404, closes 300 silent, half-sent and bodiless connections, and the descriptors come back', async () => {
    const baseline = openDescriptors();
    // The highest count seen while the client connects and holds (a loaded machine may connect slowly).
    let peak = baseline;
    const sampling = setInterval(() => (peak = Math.max(peak, openDescriptors())), 10);
    const { child, connected, report } = hold(server.port, ['upgrade=300', 'silent=100', 'partial=100', 'body=100']);
    try {
      await connected;
      const result = await report;
      clearInterval(sampling);
      assert.deepEqual(result.byKind.upgrade, { count: 300, ended: 300, statuses: { '404': 300 } }, 'every stray upgrade is answered 404 and closed');
      for (const kind of ['silent', 'partial', 'body']) {
        assert.equal(result.byKind[kind]?.ended, 100, `every ${kind} connection is closed by the server`);
      }
      await settle(() => openDescriptors() <= baseline + 5, 3000);
      const after = openDescriptors();
      assert.ok(peak >= baseline + 150, `the client really held connections open (baseline ${baseline}, peak ${peak})`);
      assert.ok(after <= baseline + 5, `descriptors back to ${after} from a peak of ${peak} (baseline ${baseline}), with the client still holding its side`);
      const health = await fetch(`${server.url}/healthz`);
      assert.equal(health.status, 200, 'the server still answers');
    } finally {
      clearInterval(sampling);
      child.kill('SIGKILL');
    }
  });
});
