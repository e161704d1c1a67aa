// The Abm bot as the end-to-end tests run it: the built abm.dll, a fresh SQLite database with the
// demo data, and a frozen clock, so the bot and the command line compute the same numbers.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChildProcess, freePort, runToCompletion, waitForHttp } from './processes.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const botDll = process.env.ABM_BOT_DLL ?? join(repoRoot, 'src', 'Abm.Bot', 'bin', 'Debug', 'net10.0', 'abm.dll');

/** The instant the tests freeze the clock at; the demo history ends there. */
export const frozenNow = '2026-11-30T12:00:00Z';

/**
 * Creates a working folder with its own database. Every abm command run through it (the host and
 * `abm ask`) reads the same data with the same clock.
 */
export async function createWorkspace() {
  const folder = await mkdtemp(join(tmpdir(), 'abm-e2e-'));
  const env = {
    ...process.env,
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    DOTNET_NOLOGO: '1',
    Abm__Storage__Provider: 'sqlite',
    Abm__Storage__ConnectionString: `Data Source=${join(folder, 'abm.db')}`,
    Abm__Clock__AsOf: frozenNow,
  };
  return {
    folder,
    env,
    /** Runs `abm <args>` to completion and returns its stdout. */
    run: (args) => runToCompletion('dotnet', [botDll, ...args], { cwd: folder, env }),
  };
}

/** Starts the bot host on a free loopback port and waits until /api/messages responds. */
export async function startBot(workspace) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const bot = new ChildProcess('abm', 'dotnet', [botDll], {
    cwd: workspace.folder,
    env: { ...workspace.env, ASPNETCORE_URLS: origin },
  });
  await waitForHttp(`${origin}/api/messages`, bot, { method: 'HEAD' });
  return { origin, process: bot, stop: () => bot.stop() };
}
