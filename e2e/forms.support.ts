import type { Page } from 'playwright-core';
import { expectVisible } from './snap.support';
import { settle } from './support';

/** Shared form steps of the browser journeys: drawers, antd selects, tabs, signing in. */

/** The button of the drawer that is open now. */
export const drawerSubmit = (page: Page) => page.getByTestId('drawer-submit').filter({ visible: true });

/** Picks an option of the antd Select whose input has this id. */
export async function chooseById(page: Page, inputId: string, option: string) {
  await page.locator(`#${inputId}`).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** Picks a unit in an OrgTreeSelect, typing to narrow the tree first. */
export async function chooseOrg(page: Page, inputId: string, name: string) {
  await page.locator(`#${inputId}`).click();
  await page.locator(`#${inputId}`).fill(name);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: name })
    .first()
    .click();
}

/** Opens the tab with this label and waits for it to settle. */
export async function openTab(page: Page, name: string) {
  await page.locator('.ant-tabs-tab', { hasText: name }).first().click();
  await settle(page);
}

/** Signs in on the login page (no waiting: the caller waits for what follows). */
export async function signIn(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Replaces a one-time password on the page the sign-in led to, and waits for the home page. */
export async function changePassword(page: Page, current: string, next: string) {
  await page.waitForURL('**/change-password');
  await page.locator('#currentPassword').fill(current);
  await page.locator('#newPassword').fill(next);
  await page.locator('#confirmPassword').fill(next);
  await page.getByTestId('change-password-submit').click();
  await page.waitForURL((url) => url.pathname === '/');
  await expectVisible(page.getByTestId('home-greeting'));
}

/** A valid 18-digit ID number (GB 11643 check character) for a child born on `birth` (YYYYMMDD). */
export function idNumber(region: string, birth: string, sequence: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const first17 = `${region}${birth}${sequence}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return first17 + '10X98765432'[sum % 11]!;
}
