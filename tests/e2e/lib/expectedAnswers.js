// Reads the figures out of the text that `abm ask` prints, so the UI test can compare the card with what
// the core computes from the same database and clock.

/** Escapes a string for use inside a regular expression. */
export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function match(text, pattern, what) {
  const found = text.match(pattern);
  if (!found) {
    throw new Error(`abm ask output has no ${what} (pattern ${pattern}):\n${text}`);
  }
  return found;
}

/** Returns the name of the first account in the reply to "top N accounts". */
export function firstRankedAccount(topText) {
  return match(topText, /^1\. (.+?): AES /m, 'first ranked account')[1];
}

/**
 * Returns the figures of the reply to "tell me about": AES value, band and 7-day change, fit
 * value and tier, stage and open pipeline, each as the text the reply shows.
 */
export function summaryFigures(summaryText) {
  const aes = match(summaryText, /AES (\d+(?:\.\d+)?) (\w+) \(([+-]?\d+(?:\.\d+)?) in 7 days\)/, 'AES');
  const fit = match(summaryText, /Fit (\d+(?:\.\d+)?) \((tier [A-C]|no tier)\)/, 'fit');
  const stage = match(summaryText, /Stage: (.+)$/m, 'stage');
  const pipeline = match(summaryText, /^Open pipeline (\S+) in /m, 'open pipeline');
  return {
    aes: aes[1],
    band: aes[2],
    change: aes[3],
    fit: fit[1],
    tier: fit[2],
    stage: stage[1].trim(),
    openPipeline: pipeline[1],
  };
}

/** Returns the title and reasons of the reply to "why is". */
export function explanation(whyText) {
  const lines = whyText.split('\n').map((line) => line.trim()).filter(Boolean);
  return {
    title: lines[0],
    reasons: lines.slice(1).filter((line) => line.startsWith('- ')).map((line) => line.slice(2)),
  };
}
