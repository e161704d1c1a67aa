// A minimal Bot Framework bot for the harness test: it replies to every message with an Adaptive
// Card that has an Action.Execute button, and returns a new card for the button's invoke. It
// shows that the local Teams client, Chromium and the network namespace work, apart from Abm.
import { createServer } from 'node:http';
import { listenOnLoopback } from './processes.js';

export const cardBotVerb = 'harness.why';

/** Starts the bot on a free loopback port; activities go to `origin`. */
export async function startCardBot() {
  const replies = [];
  const server = createServer(async (request, response) => {
    if (request.method !== 'POST') {
      response.writeHead(200);
      response.end();
      return;
    }
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const activity = JSON.parse(Buffer.concat(chunks).toString('utf8'));

    if (activity.type === 'message' && activity.text) {
      const card = echoCard(activity.text);
      const url = `${activity.serviceUrl}/v3/conversations/${encodeURIComponent(activity.conversation.id)}/activities/${encodeURIComponent(activity.id)}`;
      const reply = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          from: activity.recipient,
          recipient: activity.from,
          conversation: activity.conversation,
          replyToId: activity.id,
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
        }),
      });
      replies.push(reply.status);
      response.writeHead(200);
      response.end();
      return;
    }

    if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
      const { verb, data } = activity.value.action;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: answerCard(verb, data.text),
      }));
      return;
    }

    response.writeHead(200);
    response.end();
  });

  const { origin, close } = await listenOnLoopback(server);
  return { origin, replies, close };
}

function echoCard(text) {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [{ type: 'TextBlock', text: `Echo: ${text}`, wrap: true }],
    actions: [{ type: 'Action.Execute', title: 'Why?', verb: cardBotVerb, data: { text } }],
  };
}

function answerCard(verb, text) {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [{ type: 'TextBlock', text: `Answered ${verb} for ${text}`, wrap: true }],
  };
}
