// The harness on its own: the local Teams client, Chromium and a minimal card bot. When this
// fails and the Abm tests fail too, the environment is broken rather than Abm.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { adaptiveCard, launchBrowser, sendMessage } from '../lib/browser.js';
import { cardBotVerb, startCardBot } from '../lib/cardBot.js';
import { startPlayground } from '../lib/playground.js';
import { startRecordingProxy } from '../lib/recordingProxy.js';
import { saveFailureArtifacts } from '../lib/artifacts.js';

let bot;
let proxy;
let playground;
let browser;

before(async () => {
  bot = await startCardBot();
  proxy = await startRecordingProxy(bot.origin);
  playground = await startPlayground({ appEndpoint: `${proxy.origin}/api/messages` });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.context.close();
  await playground?.stop();
  await proxy?.close();
  await bot?.close();
});

test('harness card round trip', async () => {
  const { page } = browser;
  try {
    await page.goto(playground.url);
    await sendMessage(page, 'ping harness');

    const card = adaptiveCard(page, 'Echo: ping harness');
    await card.waitFor({ timeout: 30_000 });
    await card.getByRole('button', { name: 'Why?' }).click();
    await adaptiveCard(page, `Answered ${cardBotVerb} for ping harness`).waitFor({ timeout: 30_000 });

    const messages = proxy.activities('message').filter((activity) => activity.text === 'ping harness');
    assert.equal(messages.length, 1);
    const invokes = proxy.activities('invoke', 'adaptiveCard/action');
    assert.equal(invokes.length, 1);
    assert.equal(invokes[0].value.action.verb, cardBotVerb);
    assert.deepEqual(bot.replies, [201]);
  } catch (error) {
    const folder = await saveFailureArtifacts('harness card round trip', page, {
      playground: playground.process.output,
      exchanges: JSON.stringify(proxy.exchanges, null, 2),
    });
    error.message += `\nScreenshot and logs: ${folder}`;
    throw error;
  }
});
