// One end-to-end session: a bot, a recording proxy in front of it, a fresh local Teams client
// pointed at the proxy, and headless Chromium. Failing checks leave a screenshot and the logs.
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
  return {
    proxy,
    playground,
    page: browser.page,

    /** Runs a test body; when it throws, saves a screenshot and logs and names their folder in the error. */
    async check(name, body) {
      try {
        await body();
      } catch (error) {
        const folder = await saveFailureArtifacts(name, browser.page, {
          bot: botOutput(),
          playground: playground.process.output,
          exchanges: JSON.stringify(proxy.exchanges, null, 2),
        });
        error.message += `\nScreenshot and logs: ${folder}`;
        throw error;
      }
    },

    async stop() {
      await browser.context.close();
      await playground.stop();
      await proxy.close();
    },
  };
}
