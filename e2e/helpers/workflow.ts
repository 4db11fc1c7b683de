/**
 * Driving an application through its workflow in the browser: rubric sheets, the action buttons and their dialogs,
 * the acceptance panel.
 */
import type { Locator, Page } from 'playwright-core';
import { pickOption } from './antd';
import { login } from './browser';

/** antd puts a space between two Chinese characters of a button; match the label either way. */
export const buttonName = (label: string) => new RegExp(`^${label.split('').join('\\s*')}$`);

/** Types `value` into every enabled input whose accessible name matches (antd clamps to each item's maximum). */
export async function fillEvery(page: Page, label: RegExp, value: string): Promise<number> {
  const inputs = page.getByLabel(label).filter({ visible: true });
  await inputs.first().waitFor();
  const count = await inputs.count();
  for (let i = 0; i < count; i++) {
    const input = inputs.nth(i);
    if (await input.isDisabled()) continue;
    await input.fill(value);
    await input.blur();
  }
  return count;
}

/**
 * Ticks every enabled checkbox whose accessible name matches. Each tick re-renders the live evaluation; a click that
 * lands mid-render may not take ("did not change its state"), so a box still unticked is clicked again.
 */
export async function checkEvery(page: Page, label: RegExp): Promise<number> {
  const boxes = page.getByLabel(label).filter({ visible: true });
  await boxes.first().waitFor();
  const count = await boxes.count();
  for (let i = 0; i < count; i++) {
    const box = boxes.nth(i);
    if (await box.isDisabled()) continue;
    for (let attempt = 1; !(await box.isChecked()); attempt++) {
      try {
        await box.check({ timeout: 5_000 });
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }
  return count;
}

/**
 * Fills the expert's scoring sheet on the application page: `score` in every item (clamped to its points) and
 * `comment` in every item's 评分意见 — a sheet is complete only with both on every item — then the overall 评审意见,
 * and saves it. Returns the number of items scored.
 */
export async function scoreSheet(page: Page, score: string, comment = '材料齐全，与现场核查情况一致。') {
  const scored = await fillEvery(page, /^评审得分 /, score);
  await fillEvery(page, /^评分意见 /, comment);
  await page.getByLabel('评审意见').fill(comment);
  await page.getByRole('button', { name: '保存评分' }).click();
  await page.getByText('评分已保存').waitFor();
  return scored;
}

/** Fills a date picker (by its label, inside `scope`) by typing. */
export async function fillDate(scope: Locator, label: string, date: string) {
  const input = scope.getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/**
 * Clicks a workflow action, fills its dialog (`fill` gets the dialog) and confirms; waits for the success message.
 */
export async function takeAction(page: Page, label: string, fill?: (dialog: Locator) => Promise<void>) {
  await page.getByRole('button', { name: buttonName(label) }).click();
  const dialog = page.getByRole('dialog', { name: label });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: buttonName('确定') }).click();
  await page.getByText(`已${label}`).first().waitFor();
  await dialog.waitFor({ state: 'hidden' });
}

/** The status tag in the page header. */
export async function waitForStatus(page: Page, status: string) {
  await page
    .locator('.ant-tag', { hasText: new RegExp(`^${status}$`) })
    .first()
    .waitFor();
}

/** Assigns an expert to the panel by (part of) its name. */
export async function assignExpert(page: Page, name: string) {
  await pickOption(page, page.getByLabel('选择专家'), name, new RegExp(name));
  await page.getByRole('button', { name: '指派专家' }).click();
  await page.getByText('已指派专家').last().waitFor();
  await page.getByLabel('验收组成员').getByText(name).waitFor();
}

/** Opens an application from the list page by the unit's name. */
export async function openApplication(page: Page, menu: string, unitName: string) {
  await page.getByRole('menuitem', { name: menu }).click();
  await page.getByRole('link', { name: unitName }).first().click();
  await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
}

/** Logs the current user out and another in (one browser page playing several people in turn). */
export async function switchUser(page: Page, username: string) {
  if (await page.getByRole('button', { name: '退出登录' }).isVisible()) {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/login/);
  }
  await login(page, username);
}

/** Records an acceptance activity (验收方式与核查记录) on the acceptance card and waits until the card shows it. */
export async function recordAcceptanceActivity(
  page: Page,
  activity: { method: string; date: string; people: string; findings: string },
) {
  const form = page.getByRole('form', { name: '记录验收活动' });
  await pickOption(page, form.getByLabel('验收方式'), '', activity.method);
  await fillDate(form, '验收活动日期', activity.date);
  await form.getByLabel('参加人员').fill(activity.people);
  await form.getByLabel('核查情况').fill(activity.findings);
  await form.getByRole('button', { name: buttonName('记录') }).click();
  await page.getByTestId('acceptance-rules').getByText(`${activity.method}已记录`).waitFor();
}
