import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { repoRoot } from '../../tools/launcher/repo';
import { startSystemUnderTest, SystemUnderTest } from '../system/system-under-test';

/**
 * The web page in Debian's Chromium against the running system (gateway, services, databases),
 * clicking through what a visitor does. Screenshots go to test-results/screenshots (git-ignored).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshots = join(repoRoot(), 'test-results', 'screenshots');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  process.stdout.write(`Skipping the browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`);

jest.setTimeout(180_000);

(hasChromium ? describe : describe.skip)('the Mythical Mysfits page', () => {
  let system: SystemUnderTest;
  let browser: Browser;
  let page: Page;
  let site: string;
  const email = `visitor-${Date.now()}@example.com`;
  const shot = (name: string) => page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    system = await startSystemUnderTest('browser');
    site = system.gateway;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    // Every Content-Security-Policy violation the page causes, whatever it is doing at the time.
    await page.exposeFunction('reportCspViolation', (violation: string) => cspViolations.push(violation));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        void (window as unknown as { reportCspViolation(v: string): Promise<void> }).reportCspViolation(
          `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
        );
      });
    });
    const response = await page.goto(site);
    cspHeader = (await response?.allHeaders())?.['content-security-policy'];
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  const cspViolations: string[] = [];
  let cspHeader: string | undefined;
  const cards = () => page.locator('#grid li');
  const message = () => page.locator('#message');

  it('shows the twelve mysfits with their pictures', async () => {
    await cards().nth(11).waitFor();
    expect(await cards().count()).toBe(12);
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>('#grid img')).every((img) => img.complete),
    );
    const broken = await page
      .locator('#grid img')
      .evaluateAll((images: HTMLImageElement[]) =>
        images.filter((img) => img.naturalWidth === 0).map((img) => img.src),
      );
    expect(broken).toEqual([]);
    await shot('01-grid');
  });

  it('registers, logs out and logs in again', async () => {
    const form = page.locator('#register-form');
    await form.getByLabel('Name').fill('Visitor');
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill('a fine password');
    await form.getByRole('button', { name: 'Register' }).click();
    await page.locator('#user-name', { hasText: 'Visitor' }).waitFor();
    await page.getByRole('button', { name: 'Log out' }).click();
    await message().filter({ hasText: 'logged out' }).waitFor();

    const login = page.locator('#login-form');
    await login.getByLabel('Email').fill(email);
    await login.getByLabel('Password').fill('a wrong password');
    await login.getByRole('button', { name: 'Log in' }).click();
    await message().filter({ hasText: 'do not match' }).waitFor();
    await login.getByLabel('Password').fill('a fine password');
    await login.getByRole('button', { name: 'Log in' }).click();
    await message().filter({ hasText: 'Welcome, Visitor' }).waitFor();
  });

  it('filters by alignment and shows all again', async () => {
    await page.getByLabel('Good or evil').selectOption('Evil');
    await page.waitForFunction(() => document.querySelectorAll('#grid li').length < 12);
    const shown = await cards().allInnerTexts();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((text) => text.includes('Evil'))).toBe(true);
    await page.getByLabel('Lawful or chaotic').selectOption('Lawful');
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('#grid li')).every((li) => li.textContent?.includes('Lawful')),
    );
    expect(await page.getByLabel('Good or evil').inputValue()).toBe('');
    await shot('02-filtered');
    await page.getByRole('button', { name: 'Show all' }).click();
    await cards().nth(11).waitFor();
  });

  it('opens a profile from the keyboard, and a second like does not add one', async () => {
    await page.locator('#grid button', { hasText: 'Bramblewick' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#profile-name', { hasText: 'Bramblewick' }).waitFor();
    // Other visitors (the system tests, on a shared system) may have liked it already.
    const before = parseInt(await page.locator('#profile-likes').innerText(), 10);
    const counted = new RegExp(`^${before + 1} likes?$`);
    await page.getByRole('button', { name: 'Like' }).click();
    await page.locator('#profile-likes', { hasText: counted }).waitFor();
    await page.getByRole('button', { name: 'Like' }).click();
    await message().filter({ hasText: 'already liked' }).waitFor();
    expect(await page.locator('#profile-likes').innerText()).toMatch(counted);
  });

  it('adopts, and a visitor with a stale page is told it is already adopted', async () => {
    const other = await browser.newPage();
    await other.goto(site);
    const form = other.locator('#register-form');
    await form.getByLabel('Name').fill('Latecomer');
    await form.getByLabel('Email').fill(`late-${email}`);
    await form.getByLabel('Password').fill('another password');
    await form.getByRole('button', { name: 'Register' }).click();
    await other.locator('#user-name', { hasText: 'Latecomer' }).waitFor();
    await other.locator('#grid button', { hasText: 'Bramblewick' }).click();
    await other.locator('#profile-name', { hasText: 'Bramblewick' }).waitFor();

    await page.getByRole('button', { name: 'Adopt' }).click();
    await message().filter({ hasText: 'has a new home' }).waitFor();
    await page.locator('#profile-adoption', { hasText: 'Adopted by Visitor' }).waitFor();
    expect(await page.getByRole('button', { name: 'Adopt' }).isDisabled()).toBe(true);

    await other.getByRole('button', { name: 'Adopt' }).click();
    await other.locator('#message', { hasText: 'already adopted' }).waitFor();
    expect(await other.locator('#message').getAttribute('role')).toBe('alert');
    await other.close();
  });

  it('posts a comment with stars', async () => {
    await page.getByLabel('Comment (up to 200 characters)').fill('Gruff, but a true friend.');
    await page.getByLabel('Stars (0 to 5)').fill('4.5');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.locator('#comments li', { hasText: 'Gruff, but a true friend. (Visitor)' }).waitFor();
    expect(await page.locator('#comments li').first().innerText()).toContain('4.5');
    await shot('03-profile');
  });

  it('shows a message, not a blank page, when a service is down', async () => {
    await page.route('**/mysfits/*/like', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ statusCode: 503, code: 'UPSTREAM_UNAVAILABLE', message: 'down', requestId: 'x' }),
      }),
    );
    await page.getByRole('button', { name: 'Like' }).click();
    await message().filter({ hasText: 'unavailable right now' }).waitFor();
    await page.route('**/mysfits', (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: 'Back to all mysfits' }).click();
    await page.getByRole('button', { name: 'Show all' }).click();
    await message().filter({ hasText: 'cannot be reached' }).waitFor();
    expect(await page.locator('h1').innerText()).toBe('Mythical Mysfits');
    await shot('04-service-down');
    await page.unrouteAll();
  });

  it('is served with a Content-Security-Policy allowing nothing inline, and breaks none of it', async () => {
    expect(cspHeader).toContain("default-src 'self'");
    expect(cspHeader).not.toContain('unsafe-inline');
    expect(cspViolations).toEqual([]);
  });
});
