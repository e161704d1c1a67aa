// One end-to-end session: a bot, a recording proxy in front of it, a fresh local Teams client
// pointed at the proxy, and headless Chromium. A test can add more clients, each with its own
// signed-in user and browser tab. Failing checks leave screenshots and the logs.
import { launchBrowser } from './browser.js';
import { startPlayground } from './playground.js';
import { startRecordingProxy } from './recordingProxy.js';
import { saveFailureArtifacts } from './artifacts.js';

/**
 * Starts the proxy, the playground and the browser in front of a bot that already listens on
 * `botOrigin`. `botOutput` returns the bot's log for failure reports, if the test has one.
 */
export async function startSession(botOrigin, botOutput = () => '') {
  const proxy = await startRecordingProxy(botOrigin);
  const playground = await startPlayground({ appEndpoint: `${proxy.origin}/api/messages` });
  const browser = await launchBrowser();
  const others = [];
  return {
    proxy,
    playground,
    page: browser.page,

    /**
     * Starts another local Teams client from `configPath` (its `currentUser` is the signed-in
     * user) against the same bot, and opens it in a new tab. Returns `{ playground, page }`.
     */
    async addClient(configPath) {
      const other = await startPlayground({ appEndpoint: `${proxy.origin}/api/messages`, configPath });
      const client = { playground: other, page: await browser.context.newPage() };
      others.push(client);
      return client;
    },

    /** Runs a test body; when it throws, saves a screenshot and logs and names their folder in the error. */
    async check(name, body) {
      try {
        await body();
      } catch (error) {
        const outputs = {
          bot: botOutput(),
          playground: playground.process.output,
          exchanges: JSON.stringify(proxy.exchanges, null, 2),
        };
        others.forEach((client, index) => { outputs[`playground-${index + 2}`] = client.playground.process.output; });
        const folder = await saveFailureArtifacts(name, [browser.page, ...others.map((client) => client.page)], outputs);
        error.message += `\nScreenshot and logs: ${folder}`;
        throw error;
      }
    },

    async stop() {
      await browser.context.close();
      for (const client of others) await client.playground.stop();
      await playground.stop();
      await proxy.close();
    },
  };
}
