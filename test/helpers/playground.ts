import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The Playground's mock Teams, fixed so the bot can be configured with its ids before it starts. */
export const PLAYGROUND_IDS = {
  personalChat: 'playground-personal-chat',
  groupChat: 'playground-veileder-chat',
  groupChatName: 'Veiledere chat',
  team: 'playground-veileder-team',
  teamName: 'Veiledere',
  user: 'Kari Nordmann',
} as const;

/** The Playground's own config file (.m365agentsplayground.yml, schema 0.1.1; it asks for at least five other users). */
function configYaml(): string {
  const others = [1, 2, 3, 4, 5]
    .map((i) => `  - id: user-id-${i}\n    name: Veileder ${i}\n    userPrincipleName: v${i}@example.com\n    aadObjectId: 00000000-0000-0000-0000-00000000002${i}\n    givenName: Veileder\n    surname: V${i}\n    email: v${i}@example.com\n`)
    .join('');
  return [
    'version: "0.1.1"',
    'tenantId: 00000000-0000-0000-0000-0000000000001',
    'bot:\n  id: 00000000-0000-0000-0000-00000000000011\n  name: Veiviser',
    'currentUser:\n  id: user-id-0\n  name: Kari Nordmann\n  userPrincipleName: kari@example.com\n  aadObjectId: 00000000-0000-0000-0000-0000000000020\n  givenName: Kari\n  surname: Nordmann\n  email: kari@example.com',
    `users:\n${others.trimEnd()}`,
    `personalChat:\n  id: ${PLAYGROUND_IDS.personalChat}`,
    `groupChat:\n  id: ${PLAYGROUND_IDS.groupChat}\n  name: ${PLAYGROUND_IDS.groupChatName}`,
    `team:\n  id: ${PLAYGROUND_IDS.team}\n  name: ${PLAYGROUND_IDS.teamName}\n  aadGroupId: 00000000-0000-0000-0000-000000000031\n  channels:\n    - id: playground-other-channel\n      name: Annet`,
    '',
  ].join('\n');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface Playground {
  url: string;
  /** What it printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts Microsoft 365 Agents Playground (the npm dev dependency, run with this node) on a free
 * port against the bot's /api/messages, with telemetry off, no browser of its own, its log and
 * config in a temporary folder. Resolves once it listens; stop() ends it (SIGTERM, then SIGKILL).
 */
export async function startPlayground(botMessagesUrl: string, timeoutMs = 20_000): Promise<Playground> {
  const dir = mkdtempSync(join(tmpdir(), 'veiviser-playground-'));
  const config = join(dir, '.m365agentsplayground.yml');
  writeFileSync(config, configYaml());
  const cli = join(dirname(createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [cli, '-e', botMessagesUrl, '-c', 'msteams', '-p', String(port), '--disable-telemetry'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: config,
      M365_AGENTS_PLAYGROUND_LOGFILE: join(dir, 'playground.log'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  // It prints "Listening on" before it reads its config (a bad one ends it right after), so wait
  // until its page answers and a moment more with the process still running.
  const deadline = Date.now() + timeoutMs;
  let url: string | undefined;
  while (!url && Date.now() < deadline && child.exitCode === null) {
    const port = /Listening on (\d+)/.exec(output)?.[1];
    if (port) {
      const ok = await fetch(`http://localhost:${port}/`).then((r) => r.ok, () => false);
      if (ok) {
        await new Promise((r) => setTimeout(r, 300));
        if (child.exitCode === null) url = `http://localhost:${port}/`;
      }
    }
    if (!url) await new Promise((r) => setTimeout(r, 100));
  }
  if (!url) {
    await stop();
    throw new Error(`Agents Playground did not start: ${output.slice(-500)}`);
  }
  return { url, output: () => output, stop };
}
