// Where a failing end-to-end test leaves its screenshots and process logs.
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = process.env.ABM_E2E_ARTIFACTS ?? join(tmpdir(), 'abm-e2e-artifacts');

/**
 * Saves a screenshot of the page and the given process outputs under a folder named after the
 * test, and returns that folder.
 */
export async function saveFailureArtifacts(testName, page, outputs) {
  const folder = join(root, testName.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
  await mkdir(folder, { recursive: true });
  if (page) {
    await page.screenshot({ path: join(folder, 'page.png'), fullPage: true }).catch(() => {});
  }
  for (const [name, text] of Object.entries(outputs)) {
    await writeFile(join(folder, `${name}.log`), text ?? '');
  }
  return folder;
}
