// Abm in the local Teams client. A rep types a question about an account in the chat and gets
// the account card with the numbers that `abm ask` prints for the same database and clock. The
// rep clicks "Why?" and the card is replaced by the explanation.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { adaptiveCard, sendMessage, visibleText } from '../lib/browser.js';
import { createWorkspace, startBot } from '../lib/abm.js';
import { escapeRegExp, explanation, firstRankedAccount, summaryFigures } from '../lib/expectedAnswers.js';
import { startSession } from '../lib/session.js';

const cardTimeout = { timeout: 30_000 };

let bot;
let session;
let account;
let expected;
let expectedWhy;

before(async () => {
  const workspace = await createWorkspace();

  // The command line runs first, on the same database the bot then serves. Its first run
  // also seeds the demo data, so the bot and the command line never seed at the same time.
  account = firstRankedAccount(await workspace.run(['ask', 'top 1 accounts']));
  expected = summaryFigures(await workspace.run(['ask', `tell me about ${account}`]));
  expectedWhy = explanation(await workspace.run(['ask', `why is ${account} ${expected.band}`]));

  bot = await startBot(workspace);
  session = await startSession(bot.origin, () => bot.process.output);
});

after(async () => {
  await session?.stop();
  await bot?.stop();
});

test('account card then why', () => session.check('account card then why', async () => {
  const { page, playground, proxy } = session;
  const question = `tell me about ${account}`;
  await page.goto(playground.url);
  await sendMessage(page, question);

  // The UI: the account card shows the same figures as the command line.
  const summary = adaptiveCard(page, 'Open pipeline');
  await summary.waitFor(cardTimeout);
  const summaryText = await visibleText(summary);
  assert.match(summaryText, new RegExp(escapeRegExp(account)));
  assert.match(summaryText, new RegExp(`AES ${escapeRegExp(expected.aes)} `));
  assert.match(summaryText, new RegExp(`${escapeRegExp(expected.band)} · ${escapeRegExp(expected.change)} in 7 days`, 'i'));
  assert.match(summaryText, new RegExp(`Fit ${escapeRegExp(expected.fit)} `));
  assert.match(summaryText, new RegExp(escapeRegExp(expected.tier), 'i'));
  assert.match(summaryText, new RegExp(`Stage ${escapeRegExp(expected.stage)}`));
  assert.match(summaryText, new RegExp(`Open pipeline ${escapeRegExp(expected.openPipeline)}`));

  // The bot's side: it received the question once and accepted it.
  const questionExchanges = proxy.exchanges.filter((exchange) => exchange.activity?.type === 'message' && exchange.activity.text === question);
  assert.equal(questionExchanges.length, 1);
  assert.ok([200, 202].includes(questionExchanges[0].status), `message status ${questionExchanges[0].status}`);

  await summary.getByRole('button', { name: 'Why?' }).click();

  // The UI: the explanation replaces the account card.
  const why = adaptiveCard(page, expectedWhy.title);
  await why.waitFor(cardTimeout);
  const whyText = await visibleText(why);
  assert.match(whyText, new RegExp(`AES ${escapeRegExp(expected.aes)} `));
  assert.ok(expectedWhy.reasons.length > 0, 'abm ask listed no reasons');
  assert.match(whyText, new RegExp(escapeRegExp(expectedWhy.reasons[0])));
  await page.getByText('Your response was sent to the app').waitFor(cardTimeout);
  assert.equal(await adaptiveCard(page, 'Open pipeline').count(), 0);

  // The bot's side: one Action.Execute invoke with the why verb, and a card in the response.
  const invokes = proxy.exchanges.filter((exchange) => exchange.activity?.type === 'invoke' && exchange.activity.name === 'adaptiveCard/action');
  assert.equal(invokes.length, 1);
  assert.equal(invokes[0].activity.value.action.verb, 'account.why');
  assert.ok(invokes[0].activity.value.action.data.accountId, 'invoke data has no accountId');
  assert.equal(invokes[0].status, 200);
  const invokeResponse = JSON.parse(invokes[0].responseBody);
  assert.equal(invokeResponse.type, 'application/vnd.microsoft.card.adaptive');
  assert.match(JSON.stringify(invokeResponse.value), new RegExp(escapeRegExp(account)));
}));
