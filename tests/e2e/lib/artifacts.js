// Where a failing end-to-end test leaves its screenshots and process logs.
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = process.env.ABM_E2E_ARTIFACTS ?? join(tmpdir(), 'abm-e2e-artifacts');

/**
 * Saves a screenshot of each page (one page or an array: page.png, page-2.png, …) and the given
 * process outputs under a folder named after the test, and returns that folder.
 */
export async function saveFailureArtifacts(testName, pages, outputs) {
  const folder = join(root, testName.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
  await mkdir(folder, { recursive: true });
  const list = (Array.isArray(pages) ? pages : [pages]).filter(Boolean);
  for (const [index, page] of list.entries()) {
    const file = index === 0 ? 'page.png' : `page-${index + 1}.png`;
    await page.screenshot({ path: join(folder, file), fullPage: true }).catch(() => {});
  }
  for (const [name, text] of Object.entries(outputs)) {
    await writeFile(join(folder, `${name}.log`), text ?? '');
  }
  return folder;
}
