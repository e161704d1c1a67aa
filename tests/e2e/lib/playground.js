// The Microsoft 365 Agents Playground (the local Teams client), started offline on loopback.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChildProcess, freePort, waitForHttp } from './processes.js';

const e2eRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(e2eRoot, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');

/** The playground configuration scripts/run.sh uses too: users, chat ids and the bot's name. */
export const defaultConfigPath = join(e2eRoot, '..', '..', 'scripts', 'playground.yml');

/**
 * Starts a fresh playground on a free port that sends activities to `appEndpoint`, and waits
 * until it is ready. Telemetry is off: without both switches it tries to reach a cloud
 * metadata address.
 */
export async function startPlayground({ appEndpoint, configPath = defaultConfigPath }) {
  const port = await freePort();
  const workDir = await mkdtemp(join(tmpdir(), 'abm-playground-'));
  const process = new ChildProcess(
    'playground',
    globalThis.process.execPath,
    [cli, 'start', '--app-endpoint', appEndpoint, '--channel-id', 'msteams', '--port', String(port), '--disable-telemetry'],
    {
      cwd: workDir,
      env: {
        ...globalThis.process.env,
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: join(workDir, 'playground.log'),
      },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  // "Listening on" comes before the config file is parsed, so readiness is the ping endpoint.
  try {
    await waitForHttp(`${url}/_debug/ping`, process, { timeoutMs: 30_000 });
  } catch (error) {
    const log = await readFile(join(workDir, 'playground.log'), 'utf8').catch(() => '');
    const errors = log.split('\n').filter((line) => line.startsWith('error ')).join('\n');
    error.message += `\nPlayground log errors:\n${errors}`;
    await process.stop();
    throw error;
  }
  return { url, process, logFile: join(workDir, 'playground.log'), stop: () => process.stop() };
}

/**
 * Returns the client's users as a Map from email to playground user id, read from the Bot
 * Connector members API of its group chat (every configured user is a member there). The bot maps
 * Teams users to people by the same email.
 */
export async function userIdsByEmail(playground) {
  const { config } = await getJson(`${playground.url}/_internal/v1/config`);
  const groupChat = config.groupChats[0].id;
  const members = await getJson(`${playground.url}/_connector/v3/conversations/${encodeURIComponent(groupChat)}/members`);
  return new Map(members.map((member) => [member.email, member.id]));
}

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} returned ${response.status}`);
  return response.json();
}
