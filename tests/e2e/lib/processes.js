// Starting, watching and stopping the processes an end-to-end test needs, all on loopback.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/** Returns a TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A child process whose stdout and stderr are kept in memory, so a failing test can print them.
 * Stops by PID only.
 */
export class ChildProcess {
  constructor(name, command, args, options) {
    this.name = name;
    this.output = '';
    this.exitCode = undefined;
    this.child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitCode = code ?? signal;
        resolve(this.exitCode);
      });
    });
    this.child.once('error', (error) => {
      this.output += `\n[failed to start: ${error.message}]\n`;
    });
    this.child.stdout.on('data', (chunk) => { this.output += chunk; });
    this.child.stderr.on('data', (chunk) => { this.output += chunk; });
  }

  get pid() {
    return this.child.pid;
  }

  get running() {
    return this.exitCode === undefined;
  }

  /** Sends SIGTERM, waits up to 10 seconds, then sends SIGKILL. */
  async stop() {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const stopped = await Promise.race([this.exited.then(() => true), delay(10_000).then(() => false)]);
    if (!stopped) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

/**
 * Runs a command to completion and returns its stdout. Rejects with stdout and stderr when the
 * exit code is not zero.
 */
export function runToCompletion(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${command} ${args.join(' ')} exited with code ${code}\n${stdout}\n${stderr}`));
    });
  });
}

/**
 * Waits until a URL responds with any HTTP status. Fails when the process exits first or after
 * the timeout.
 */
export async function waitForHttp(url, process, { method = 'GET', timeoutMs = 60_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!process.running) {
      throw new Error(`${process.name} exited with ${process.exitCode} before it responded on ${url}\n${process.output}`);
    }
    try {
      await fetch(url, { method, signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await delay(200);
    }
  }
  throw new Error(`${process.name} did not respond on ${url} within ${timeoutMs} ms\n${process.output}`);
}

/**
 * Starts an HTTP server on a free 127.0.0.1 port and returns its origin and a close function
 * that also drops open keep-alive connections.
 */
export async function listenOnLoopback(server) {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}
