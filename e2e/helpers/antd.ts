/**
 * Driving antd's composite inputs the way a user does: open, type to search, click the option.
 */
import type { Locator, Page } from 'playwright-core';

/** Picks an option of an antd Select / TreeSelect / Cascader whose search input is `input`, by typing `search`. */
export async function pickOption(page: Page, input: Locator, search: string, optionText: string | RegExp) {
  await input.click();
  if (search) await input.fill(search);
  const option = page
    .locator(
      '.ant-select-dropdown:visible .ant-select-item-option, .ant-select-dropdown:visible .ant-select-tree-node-content-wrapper, .ant-cascader-dropdown:visible .ant-cascader-menu-item',
    )
    .filter({ hasText: optionText })
    .first();
  await option.click();
}

/**
 * The rows of a server-paged table once it shows the answer to the current address. The list pages mark their
 * table's card with the query it shows (`data-query`) and `aria-busy` until that query's answer arrived; the address
 * changes before React renders, so both are checked.
 */
export async function tableRows(page: Page, testId = 'unit-table'): Promise<Locator> {
  const query = new URL(page.url()).search.replace(/^\?/, '');
  const card = page.locator(`[data-testid="${testId}"][aria-busy="false"][data-query="${query}"]`);
  await card.waitFor();
  return card.locator('tbody tr.ant-table-row');
}

/** The text of each row's cell under the column titled `title`. */
export async function columnTexts(page: Page, title: string, testId = 'unit-table'): Promise<string[]> {
  const rows = await tableRows(page, testId);
  const headers = (await page.locator(`[data-testid="${testId}"] thead th`).allInnerTexts()).map((t) => t.trim());
  const index = headers.indexOf(title);
  if (index < 0) throw new Error(`No column ${title} in ${headers.join(', ')}`);
  return (await rows.locator(`td:nth-child(${index + 1})`).allInnerTexts()).map((t) => t.trim());
}
