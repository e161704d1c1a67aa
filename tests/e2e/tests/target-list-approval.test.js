// A target-list approval across two local Teams clients, one per person, both talking to the same
// bot. Alex Wilber, a rep, proposes a new account in his client. Megan Bowen, his manager, gets
// the approval card in hers and clicks Approve. Her card then shows who decided, when and the
// outcome, and Alex's chat shows the outcome message. Then Alex proposes a known account from its
// account card, and Megan gets a second approval card.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { adaptiveCard, chatMessage, sendMessage, visibleText } from '../lib/browser.js';
import { createWorkspace, startBot } from '../lib/abm.js';
import { escapeRegExp } from '../lib/expectedAnswers.js';
import { userIdsByEmail } from '../lib/playground.js';
import { startSession } from '../lib/session.js';

const timeout = { timeout: 30_000 };
const managerConfig = join(import.meta.dirname, '..', 'config', 'manager-playground.yml');

// A new account, proposed by name and web domain, so no demo account or target gets in the way.
const account = 'Tailspin Toys';
const proposal = `add ${account} (tailspintoys.example) to the target list because their CTO asked for a workshop`;
// The bot's clock is frozen (see lib/abm.js), so the decision time is known.
const decidedAt = '30 Nov 2026 12:00 UTC';

let workspace;
let bot;
let session;
let manager;
let untargeted;

before(async () => {
  workspace = await createWorkspace();
  // Seeds the demo data before the bot starts, as the other UI test does.
  await workspace.run(['ask', 'pending approvals']);
  untargeted = firstUntargeted(await workspace.run(['ask', 'top 50 accounts by fit']));
  bot = await startBot(workspace);
  session = await startSession(bot.origin, () => bot.process.output);
  manager = await session.addClient(managerConfig);
});

after(async () => {
  await session?.stop();
  await bot?.stop();
});

test('manager approves proposal in card', () => session.check('manager approves proposal in card', async () => {
  const { page: repPage, playground: repClient, proxy } = session;
  const { page: managerPage, playground: managerClient } = manager;

  // Megan opens her client and asks for her approvals, so the bot stores her Teams id and her personal chat.
  await managerPage.goto(managerClient.url);
  await sendMessage(managerPage, 'pending approvals');
  await chatMessage(managerPage, 'No target-list proposals wait for approval.').waitFor(timeout);

  // Alex proposes the account in his client.
  await repPage.goto(repClient.url);
  await sendMessage(repPage, proposal);
  const proposed = chatMessage(repPage, new RegExp(`Proposed ${escapeRegExp(account)} for the Target Account List \\(proposal #(\\d+)\\)\\. Megan Bowen will decide`));
  await proposed.waitFor(timeout);
  const proposalId = (await proposed.innerText()).match(/proposal #(\d+)/)[1];

  // The approval card arrives in Megan's chat with the evidence and the buttons.
  const title = `Target Account List proposal #${proposalId}: ${account}`;
  const card = adaptiveCard(managerPage, title);
  await card.waitFor(timeout);
  assert.match(await visibleText(card), /Proposed by Alex Wilber/);
  assert.match(await visibleText(card), /Waiting for Megan Bowen/);
  await card.getByRole('button', { name: 'Approve' }).click();

  // Her card now shows the decision and has no buttons left.
  const decided = adaptiveCard(managerPage, `Approved by Megan Bowen on ${decidedAt}`);
  await decided.waitFor(timeout);
  assert.match(await visibleText(decided), new RegExp(escapeRegExp(title)));
  assert.equal(await decided.getByRole('button', { name: 'Approve' }).count(), 0);
  assert.equal(await decided.getByRole('button', { name: 'Reject' }).count(), 0);

  // Alex's chat shows the outcome.
  await chatMessage(repPage, `Your proposal to add ${account} to the Target Account List was approved by Megan Bowen on ${decidedAt}.`).waitFor(timeout);

  // The bot's side: one approve invoke, sent by the client user whose email is Megan's.
  const meganId = (await userIdsByEmail(managerClient)).get('meganb@example.com');
  assert.ok(meganId, 'the members API lists no user with meganb@example.com');
  const invokes = proxy.activities('invoke', 'adaptiveCard/action');
  assert.equal(invokes.length, 1);
  assert.equal(invokes[0].value.action.verb, 'targetlist.approve');
  assert.equal(invokes[0].from.id, meganId);

  // The stored trail: proposed by Alex, approved by Megan, read by the command line.
  const history = await workspace.run(['ask', `history of ${account}`]);
  assert.match(history, /proposed by Alex Wilber/);
  assert.match(history, /approved by Megan Bowen/);
}));

// Runs after the test above, which opened both clients and made Megan's chat known to the bot.
test('rep proposes from account card', () => session.check('rep proposes from account card', async () => {
  const { page: repPage, proxy } = session;
  const { page: managerPage } = manager;
  const reason = 'Their new CIO asked for a demo';

  await sendMessage(repPage, `tell me about ${untargeted}`);
  const summary = adaptiveCard(repPage, 'Open pipeline');
  await summary.waitFor(timeout);
  assert.match(await visibleText(summary), new RegExp(escapeRegExp(untargeted)));

  // The button opens a form under the card with a box for the reason and the send button.
  await summary.getByRole('button', { name: 'Propose for target list' }).click();
  await summary.getByRole('textbox').fill(reason);
  await summary.getByRole('button', { name: 'Send proposal' }).click();
  const proposed = adaptiveCard(repPage, `Proposed ${untargeted} for the Target Account List`);
  await proposed.waitFor(timeout);
  const proposalId = (await visibleText(proposed)).match(/proposal #(\d+)/)[1];

  // Megan's client gets the approval card with Alex's reason.
  const card = adaptiveCard(managerPage, `Target Account List proposal #${proposalId}: ${untargeted}`);
  await card.waitFor(timeout);
  assert.match(await visibleText(card), new RegExp(escapeRegExp(reason)));
  assert.equal(await card.getByRole('button', { name: 'Approve' }).count(), 1);

  // The bot's side: one propose invoke that carried the reason.
  const invokes = proxy.activities('invoke', 'adaptiveCard/action').filter((activity) => activity.value.action.verb === 'account.propose');
  assert.equal(invokes.length, 1);
  assert.equal(invokes[0].value.action.data.proposalReason, reason);
}));

/** Returns the first account that `abm ask "top N accounts by fit"` lists as not targeted. */
function firstUntargeted(topText) {
  const found = topText.match(/^\d+\. (.+?): AES .*, Not targeted, /m);
  if (!found) throw new Error(`abm ask lists no account that is not targeted:\n${topText}`);
  return found[1];
}
