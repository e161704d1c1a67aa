// A loopback HTTP proxy between the local Teams client and the bot. It records every request the
// bot received and the bot's response, so a test can check the bot's side of each exchange.
import { createServer } from 'node:http';
import { listenOnLoopback } from './processes.js';

/**
 * Starts a proxy on 127.0.0.1 (a free port) that forwards to `targetOrigin`, such as
 * `http://127.0.0.1:3978`. `exchanges` lists `{ method, path, activity, status, responseBody }`
 * in arrival order; `activity` is the parsed JSON body or null.
 */
export async function startRecordingProxy(targetOrigin) {
  const exchanges = [];
  const server = createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const body = Buffer.concat(chunks);

    const exchange = { method: request.method, path: request.url, activity: parseJson(body), status: 0, responseBody: '' };
    exchanges.push(exchange);

    const headers = { ...request.headers };
    delete headers.host;
    delete headers['content-length'];
    try {
      const upstream = await fetch(new URL(request.url, targetOrigin), {
        method: request.method,
        headers,
        body: ['GET', 'HEAD'].includes(request.method) ? undefined : body,
      });
      const responseBody = Buffer.from(await upstream.arrayBuffer());
      exchange.status = upstream.status;
      exchange.responseBody = responseBody.toString('utf8');
      const contentType = upstream.headers.get('content-type');
      response.writeHead(upstream.status, contentType ? { 'content-type': contentType } : {});
      response.end(responseBody);
    } catch (error) {
      exchange.status = 502;
      exchange.responseBody = String(error);
      response.writeHead(502);
      response.end();
    }
  });

  const { origin, close } = await listenOnLoopback(server);
  return {
    origin,
    exchanges,
    /** Activities of one type (and invoke name) that the bot received. */
    activities(type, name) {
      return exchanges
        .map((exchange) => exchange.activity)
        .filter((activity) => activity?.type === type && (name === undefined || activity.name === name));
    },
    close,
  };
}

function parseJson(buffer) {
  if (buffer.length === 0) return null;
  try {
    return JSON.parse(buffer.toString('utf8'));
  } catch {
    return null;
  }
}
