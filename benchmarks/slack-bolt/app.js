// The Slack benchmark's reference: Bolt verifies the signature, acknowledges the event and
// answers "help" with one chat.postMessage, to the loopback fake Web API the run starts.
const { App, LogLevel } = require('@slack/bolt');

const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  token: process.env.SLACK_BOT_TOKEN,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  logLevel: LogLevel.ERROR,
});

app.message('help', async ({ say }) => {
  await say({
    text: 'Ask me about an account, such as "tell me about Contoso".',
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: 'Ask me about an account, such as *tell me about Contoso*.' } },
    ],
  });
});

(async () => {
  const server = await app.start({ port: 0, host: '127.0.0.1' });
  console.log(`Bolt listening on http://127.0.0.1:${server.address().port}`);
})();
