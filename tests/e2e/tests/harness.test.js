// The harness on its own: the local Teams client, Chromium and a minimal card bot. When this
// fails and the Abm tests fail too, the environment is broken rather than Abm.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { adaptiveCard, sendMessage } from '../lib/browser.js';
import { cardBotVerb, startCardBot } from '../lib/cardBot.js';
import { startSession } from '../lib/session.js';

let bot;
let session;

before(async () => {
  bot = await startCardBot();
  session = await startSession(bot.origin);
});

after(async () => {
  await session?.stop();
  await bot?.close();
});

test('harness card round trip', () => session.check('harness card round trip', async () => {
  const { page, playground, proxy } = session;
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
}));
