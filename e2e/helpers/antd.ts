/**
 * Driving antd's composite inputs the way a user does: open, type to search, click the option.
 */
import type { Locator, Page } from 'playwright-core';

/**
 * Picks an option of an antd Select / TreeSelect / Cascader whose search input is `input`, by typing `search`, and
 * waits until the pick took: a single select closes its dropdown and shows the option. On a loaded machine a click
 * can land while the dropdown is still re-rendering its search results and be lost; then the option (still shown)
 * is clicked again, as a user would.
 */
export async function pickOption(page: Page, input: Locator, search: string, optionText: string | RegExp) {
  const control = input.locator(
    'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  const multiple = await control.evaluate((el) => el.classList.contains('ant-select-multiple'));
  await input.click();
  if (search) await input.fill(search);
  const dropdown = page.locator('.ant-select-dropdown:visible, .ant-cascader-dropdown:visible');
  const option = dropdown
    .locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper, .ant-cascader-menu-item')
    .filter({ hasText: optionText })
    .first();
  for (let attempt = 1; ; attempt++) {
    await option.click();
    try {
      if (!multiple) await dropdown.first().waitFor({ state: 'hidden', timeout: 3_000 });
      await control.filter({ hasText: optionText }).waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
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
