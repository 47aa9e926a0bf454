import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { repoRoot } from '../../tools/launcher/repo';
import { startSystemUnderTest, SystemUnderTest } from '../system/system-under-test';
import { seriousAccessibilityViolations } from './accessibility';
import { OtherSite, startOtherSite } from './other-site';
import { ProblemLog } from './problem-log';

/**
 * The web page in Debian's Chromium against the running system (gateway, services, databases), used as
 * a visitor uses it, on a phone and on a desktop screen. Every test fails on a console error, an uncaught
 * exception or a Content Security Policy violation. Screenshots go to test-results/screenshots (git-ignored).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshots = join(repoRoot(), 'test-results', 'screenshots');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  process.stdout.write(`Skipping the browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`);

jest.setTimeout(180_000);

const PASSWORD = 'a fine password';
const run = Date.now();

let system: SystemUnderTest;
let site: string;
let browser: Browser;
const problems = new ProblemLog();

async function newWatchedContext(viewport: { width: number; height: number }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  await problems.watch(context);
  return context;
}

// ---------------------------------------------------------------------------------------------------
// What a visitor sees and does

const cards = (page: Page) => page.locator('#grid a.card');
const cardOf = (page: Page, name: string) => cards(page).filter({ hasText: name });
const likesOn = async (card: Locator) =>
  Number(/(\d+) likes?/.exec(await card.locator('.card-likes').innerText())?.[1]);
const toast = (page: Page) => page.locator('#toast');

async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await settled(page);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage });
}

/** Waits until every picture on the page has loaded, then lists those that failed. */
async function brokenPictures(page: Page): Promise<string[]> {
  await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete));
  return page.evaluate(() =>
    Array.from(document.images)
      .filter((image) => image.checkVisibility() && image.naturalWidth === 0)
      .map((image) => image.src),
  );
}

async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number } | null> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  return scrollWidth <= clientWidth ? null : { scrollWidth, clientWidth };
}

/**
 * Waits for the page's session check to end, so that each step starts from a settled session rather than
 * leaning on auth's reuse grace period: every navigation away from the site's page goes through here.
 */
async function settled(page: Page): Promise<void> {
  if (page.url().startsWith(site)) await page.locator('#account:not([aria-busy])').waitFor({ state: 'attached' });
}
async function visit(page: Page, url: string): Promise<void> {
  await settled(page);
  await page.goto(url);
}
async function reload(page: Page): Promise<void> {
  await settled(page);
  await page.reload();
}
async function back(page: Page): Promise<void> {
  await settled(page);
  await page.goBack();
}

async function showsGrid(page: Page): Promise<void> {
  await cards(page).nth(11).waitFor();
  expect(await brokenPictures(page)).toEqual([]);
}

/** What has the keyboard focus: `#id`, `[name=…]` for a form field, or its tag and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (element?.id) return `#${element.id}`;
    if (element?.getAttribute('name')) return `[name=${element.getAttribute('name')}]`;
    return `${element?.tagName.toLowerCase()} ${element?.textContent?.trim().replace(/\s+/g, ' ') ?? ''}`;
  });

async function tabUntil(page: Page, target: string, presses = 10): Promise<void> {
  for (let press = 0; press < presses; press++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)) === target) return;
  }
  throw new Error(`${target} not reached with Tab; focus is on ${await focused(page)}`);
}

async function signedInAs(page: Page, name: string): Promise<void> {
  await page.locator('#user-name', { hasText: name }).waitFor();
}

async function signedOut(page: Page): Promise<void> {
  await page.locator('#account:not([aria-busy]) #open-login').waitFor();
  expect(await page.locator('#signed-in').isHidden()).toBe(true);
}

async function logInThroughDialog(page: Page, email: string, password = PASSWORD): Promise<void> {
  const form = page.locator('#login-form');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Log in' }).click();
}

async function registerThroughDialog(page: Page, name: string, email: string): Promise<void> {
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.locator('#account-dialog').getByRole('button', { name: 'Create an account' }).click();
  const form = page.locator('#register-form');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Create account' }).click();
  await signedInAs(page, name);
}

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies(`${site}/auth/session`)).find((cookie) => cookie.name === 'mysfits_session');
}

// ---------------------------------------------------------------------------------------------------

(hasChromium ? describe : describe.skip)('the Mythical Mysfits page', () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    system = await startSystemUnderTest('browser');
    site = system.gateway;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  afterEach(() => {
    expect(problems.take()).toEqual([]);
  });

  describe.each([
    ['phone', { width: 390, height: 844 }, { name: 'Phoebe', mysfit: 'Orbrey', evil: 'Grimsnatch' }],
    ['desktop', { width: 1280, height: 900 }, { name: 'Desmond', mysfit: 'Tessaly', evil: 'Vexmire' }],
  ])('on a %s screen', (screen, viewport, visitor) => {
    let context: BrowserContext;
    let page: Page;
    const email = `${visitor.name.toLowerCase()}-${run}@example.com`;

    beforeAll(async () => {
      context = await newWatchedContext(viewport);
      page = await context.newPage();
    });

    afterAll(() => context?.close());

    it('shows every mysfit on a card with its picture, like count and adoption, within the screen width', async () => {
      await visit(page, site);
      await showsGrid(page);
      const listed = await mysfitsOf(page);
      expect(await cards(page).locator('.card-likes').allInnerTexts()).toEqual(
        listed.map((mysfit) => `♥ ${mysfit.likes} ${mysfit.likes === 1 ? 'like' : 'likes'}`),
      );
      expect(
        await cards(page)
          .filter({ has: page.locator('.adopted-badge') })
          .allInnerTexts(),
      ).toEqual(listed.filter((mysfit) => mysfit.adopted).map((mysfit) => expect.stringContaining(mysfit.name)));
      expect(await horizontalOverflow(page)).toBeNull();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, `${screen}-grid`, screen === 'desktop');
    });

    it('opens the login dialog from the keyboard; focus stays inside it, and returns to the button on close', async () => {
      await visit(page, site);
      await signedOut(page);
      await tabUntil(page, '#open-login');
      await page.keyboard.press('Enter');
      await page.locator('#account-dialog[open]').waitFor();
      expect(await focused(page)).toBe('[name=email]');
      const insideDialog = () =>
        page.evaluate(() => document.querySelector('#account-dialog')?.contains(document.activeElement) === true);
      for (const key of ['Tab', 'Shift+Tab']) {
        for (let press = 0; press < 8; press++) {
          await page.keyboard.press(key);
          expect(await insideDialog()).toBe(true);
        }
      }
      expect(await horizontalOverflow(page)).toBeNull();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, `${screen}-dialog`, false);
      await page.keyboard.press('Escape');
      await page.locator('#account-dialog:not([open])').waitFor({ state: 'attached' });
      expect(await focused(page)).toBe('#open-login');
    });

    it('registers from the keyboard, stays signed in across a reload and a second tab, and is signed out after logging out', async () => {
      await visit(page, site);
      await signedOut(page);
      await tabUntil(page, '#open-login');
      await page.keyboard.press('Enter');
      await tabUntil(page, 'button Create an account');
      await page.keyboard.press('Enter');
      expect(await focused(page)).toBe('[name=displayName]');
      await page.keyboard.type(visitor.name);
      await page.keyboard.press('Tab');
      await page.keyboard.type(email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Enter');
      await signedInAs(page, visitor.name);
      expect(await focused(page)).toBe('#logout');

      const cookie = await sessionCookie(context);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/auth/session', secure: false });
      expect(await page.evaluate(() => document.cookie)).not.toContain('mysfits_session');

      await reload(page);
      await signedInAs(page, visitor.name);
      const secondTab = await context.newPage();
      await secondTab.goto(site);
      await signedInAs(secondTab, visitor.name);

      await page.getByRole('button', { name: 'Log out' }).click();
      await toast(page).filter({ hasText: 'logged out' }).waitFor();
      expect(await focused(page)).toBe('#open-login');
      expect(await sessionCookie(context)).toBeUndefined();
      // The other tab hears of it at once.
      await signedOut(secondTab);
      await secondTab.close();
      await reload(page);
      await signedOut(page);
    });

    it('logs in again, telling a wrong password apart', async () => {
      problems.expectFailedResponses(401);
      await page.getByRole('button', { name: 'Log in' }).click();
      await logInThroughDialog(page, email, 'a wrong password');
      await page.locator('#dialog-error', { hasText: 'do not match' }).waitFor();
      await logInThroughDialog(page, email);
      await signedInAs(page, visitor.name);
      await toast(page)
        .filter({ hasText: `Welcome, ${visitor.name}` })
        .waitFor();
    });

    it('ignores form posts to the session routes from another site, and from another port of this host', async () => {
      // 404: the browser asks for /favicon.ico to show beside the JSON answer.
      problems.expectFailedResponses(403, 404);
      const before = await sessionCookie(context);
      expect(before).toBeDefined();
      const otherSite: OtherSite = await startOtherSite(site);
      try {
        // localhost is another site than 127.0.0.1 (no cookie is sent); another port of 127.0.0.1 is the
        // same site (the cookie is sent), and only the required header stops it.
        for (const host of ['localhost', '127.0.0.1'] as const) {
          for (const route of ['refresh', 'logout']) {
            const attacker = await context.newPage();
            await attacker.goto(otherSite.url(host));
            const [response] = await Promise.all([
              attacker.waitForResponse(`${site}/auth/session/${route}`),
              attacker.getByRole('button', { name: `Post to ${route}` }).click(),
            ]);
            expect([host, route, response.status(), (await response.json()).code]).toEqual([
              host,
              route,
              403,
              'CSRF_HEADER_REQUIRED',
            ]);
            await attacker.close();
          }
        }
      } finally {
        await otherSite.stop();
      }
      // Neither rotated nor cleared, and the session still works.
      expect((await sessionCookie(context))?.value).toBe(before?.value);
      await reload(page);
      await signedInAs(page, visitor.name);
    });

    it('updates a card after a like and an adoption in its profile, without reloading the page', async () => {
      problems.expectFailedResponses(409);
      await showsGrid(page);
      await page.evaluate(() => Object.assign(window, { notReloaded: true }));
      const card = cardOf(page, visitor.mysfit);
      const before = await likesOn(card);
      expect(await card.locator('.adopted-badge').count()).toBe(0);

      await card.click();
      await page.locator('#profile-name', { hasText: visitor.mysfit }).waitFor();
      await page.getByRole('button', { name: 'Like' }).click();
      await page.locator('#profile-likes', { hasText: new RegExp(`^${before + 1} likes?$`) }).waitFor();
      await page.getByRole('button', { name: 'Like' }).click();
      await page.locator('#profile-message', { hasText: 'already liked' }).waitFor();
      expect(await page.locator('#profile-likes').innerText()).toMatch(new RegExp(`^${before + 1} likes?$`));

      // A second visitor still has the profile open, from before the adoption.
      const other = await newWatchedContext(viewport);
      const stale = await other.newPage();
      await stale.goto(`${site}/?mysfit=${await card.getAttribute('data-mysfit-id')}`);
      await registerThroughDialog(stale, 'Latecomer', `late-${email}`);

      await page.getByRole('button', { name: 'Adopt' }).click();
      await page.locator('#profile-message', { hasText: 'has a new home' }).waitFor();
      await page.locator('#profile-adoption', { hasText: `Adopted by ${visitor.name}` }).waitFor();
      expect(await page.locator('#profile-badge').isVisible()).toBe(true);

      await stale.getByRole('button', { name: 'Adopt' }).click();
      await stale.locator('#profile-message[role=alert]', { hasText: 'already adopted' }).waitFor();
      await stale.locator('#profile-adoption', { hasText: `Adopted by ${visitor.name}` }).waitFor();
      await other.close();

      await page.getByLabel('Comment (up to 200 characters)').fill('Gentle, and fond of thunderstorms.');
      await page.getByLabel('Stars (0 to 5)').fill('4.5');
      await page.getByRole('button', { name: 'Post comment' }).click();
      await page
        .locator('#comments li')
        .filter({ hasText: 'Gentle, and fond of thunderstorms.' })
        .filter({ hasText: `— ${visitor.name}` })
        .waitFor();
      expect(await page.locator('#comments li .stars').first().getAttribute('aria-label')).toBe('4.5 out of 5 stars');
      expect(await brokenPictures(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeNull();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, `${screen}-profile`);

      await back(page);
      await card.locator('.adopted-badge').waitFor();
      expect(await likesOn(card)).toBe(before + 1);
      expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
      expect(await card.evaluate((link) => link === document.activeElement)).toBe(true);
      await screenshot(page, `${screen}-grid-signed-in`, screen === 'desktop');
    });

    it('gives a profile its own address: reloading it shows it again, and Back returns to the filtered grid', async () => {
      await visit(page, site);
      await showsGrid(page);
      await page.getByLabel('Alignment').selectOption({ label: 'Evil' });
      await page.waitForFunction(() => document.querySelectorAll('#grid a.card').length === 4);
      expect((await cards(page).allInnerTexts()).every((text) => text.includes('Evil'))).toBe(true);
      await page.getByLabel('Name or species').fill(visitor.evil.slice(0, 4).toLowerCase());
      await page.waitForFunction(() => document.querySelectorAll('#grid a.card').length === 1);
      const filtered = page.url();
      expect(new URL(filtered).search).toBe(`?filter=GoodEvil&value=Evil&q=${visitor.evil.slice(0, 4).toLowerCase()}`);

      // In the page: the card, then the "All mysfits" link.
      await cardOf(page, visitor.evil).click();
      await page.locator('#profile-name', { hasText: visitor.evil }).waitFor();
      const profile = page.url();
      expect(new URL(profile).searchParams.get('mysfit')).toMatch(/^[0-9a-f-]{36}$/);
      await page.getByRole('link', { name: 'All mysfits' }).click();
      await cardOf(page, visitor.evil).waitFor();
      expect(page.url()).toBe(filtered);

      // Opened by its address, and reloaded.
      await visit(page, profile);
      await page.locator('#profile-name', { hasText: visitor.evil }).waitFor();
      expect(await page.title()).toBe(`${visitor.evil} · Mythical Mysfits`);
      await reload(page);
      await page.locator('#profile-name', { hasText: visitor.evil }).waitFor();
      await back(page);
      await cardOf(page, visitor.evil).waitFor();
      expect(page.url()).toBe(filtered);
      expect(await page.getByLabel('Alignment').inputValue()).toBe('GoodEvil:Evil');
      expect(await page.getByLabel('Name or species').inputValue()).toBe(visitor.evil.slice(0, 4).toLowerCase());
      expect(await cards(page).count()).toBe(1);
    });

    it('says so when an address names no mysfit', async () => {
      problems.expectFailedResponses(404);
      await visit(page, `${site}/?mysfit=00000000-0000-4000-8000-000000000000`);
      await page.locator('#profile-error', { hasText: 'no mysfit at this address' }).waitFor();
      expect(await page.locator('#profile-error .problem-detail').innerText()).toContain('HTTP 404 · MYSFIT_NOT_FOUND');
    });

    it('shows an empty state for a filter with no match', async () => {
      await visit(page, `${site}/?filter=LawChaos&value=Lawful&q=zz`);
      await page.locator('#empty', { hasText: 'Nothing called “zz” among the Lawful ones.' }).waitFor();
      expect(await page.locator('#grid-status').innerText()).toBe('No mysfit matches these filters.');
      expect(await horizontalOverflow(page)).toBeNull();
      await screenshot(page, `${screen}-empty`, false);
      await page.getByRole('button', { name: 'Clear the filters' }).click();
      await showsGrid(page);
      expect(page.url()).toBe(`${site}/`);
    });

    it('shows loading cards while DynamoDB hangs, then a prominent 503, and recovers with Try again', async () => {
      problems.expectFailedResponses(503);
      await visit(page, site);
      await showsGrid(page);
      const thaw = await system.stallDynamoDb();
      try {
        await page.getByLabel('Alignment').selectOption({ label: 'Chaotic' });
        await page.locator('#grid[aria-busy=true] .skeleton-card').first().waitFor();
        expect(await page.locator('#grid-status').innerText()).toBe('Loading the mysfits…');
        await screenshot(page, `${screen}-loading`, false);
        // The monolith gives up on DynamoDB after its retries (a few seconds) and answers 503.
        const problem = page.locator('#grid-error[role=alert]');
        await problem.waitFor({ timeout: 60_000 });
        expect(await problem.locator('.problem-text').innerText()).toContain('unavailable');
        expect(await problem.locator('.problem-detail').innerText()).toMatch(
          /^HTTP 503 · UPSTREAM_UNAVAILABLE · request /,
        );
        expect(await page.locator('#grid').isHidden()).toBe(true);
        expect(await horizontalOverflow(page)).toBeNull();
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        await screenshot(page, `${screen}-503`, false);
      } finally {
        await thaw();
      }
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.waitForFunction(() => document.querySelectorAll('#grid a.card').length === 4);
      expect((await cards(page).allInnerTexts()).every((text) => text.includes('Chaotic'))).toBe(true);
    });

    it('renews an expired access token from the cookie, and opens the login dialog once the session has ended', async () => {
      problems.expectFailedResponses(401);
      await visit(page, `${site}/?mysfit=${await mysfitIdOf(page, visitor.evil)}`);
      await signedInAs(page, visitor.name);
      const like = page.getByRole('button', { name: 'Like' });
      // The like service's answer to an access token past its expiry, without waiting 15 minutes for one.
      const expired = {
        statusCode: 401,
        code: 'TOKEN_EXPIRED',
        message: 'The access token has expired',
        requestId: 'x',
      };
      const answerExpired = () =>
        page.route('**/mysfits/*/like', (route) => route.fulfill({ status: 401, json: expired }), { times: 1 });

      await answerExpired();
      const renewed = page.waitForResponse((response) => response.url().endsWith('/auth/session/refresh'));
      await like.click();
      expect((await renewed).status()).toBe(200);
      await page.locator('#profile-message', { hasText: visitor.evil }).waitFor();

      // Ended elsewhere (the request shares the browser's cookies, but is no tab to tell the page).
      await context.request.post(`${site}/auth/session/logout`, { headers: { 'x-requested-with': 'fetch' } });
      await answerExpired();
      await like.focus();
      await page.keyboard.press('Enter');
      await page.locator('#account-dialog[open] #dialog-reason', { hasText: 'Your session has ended' }).waitFor();
      await signedOut(page);
      await logInThroughDialog(page, email);
      await signedInAs(page, visitor.name);
      expect(await focused(page)).toBe('#like');
      await page.keyboard.press('Enter');
      await page.locator('#profile-message', { hasText: 'already liked' }).waitFor();
    });

    it('renews the access token a minute before it expires', async () => {
      const clocked = await newWatchedContext(viewport);
      try {
        await clocked.clock.install();
        const tab = await clocked.newPage();
        await tab.goto(site);
        await tab.getByRole('button', { name: 'Log in' }).click();
        await logInThroughDialog(tab, email);
        await signedInAs(tab, visitor.name);
        const before = (await sessionCookie(clocked))?.value;
        const renewed = tab.waitForResponse((response) => response.url().endsWith('/auth/session/refresh'));
        await tab.clock.runFor('14:01');
        expect((await renewed).status()).toBe(200);
        expect((await sessionCookie(clocked))?.value).not.toBe(before);
        await signedInAs(tab, visitor.name);
      } finally {
        await clocked.close();
      }
    });
  });

  describe.each([320, 1440])('at %i px wide', (width) => {
    it('fits the screen: the grid, the dialog and a profile', async () => {
      const context = await newWatchedContext({ width, height: 800 });
      const page = await context.newPage();
      await visit(page, site);
      await showsGrid(page);
      expect(await horizontalOverflow(page)).toBeNull();
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('button', { name: 'Create an account' }).click();
      expect(await horizontalOverflow(page)).toBeNull();
      await page.keyboard.press('Escape');
      await cards(page).first().click();
      await page.locator('#profile-body').waitFor();
      expect(await brokenPictures(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeNull();
      await screenshot(page, `${width}-profile`);
      await context.close();
    });
  });

  it('notices a Content Security Policy violation (the check every test relies on works)', async () => {
    const context = await newWatchedContext({ width: 1280, height: 900 });
    const page = await context.newPage();
    await visit(page, site);
    await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
    const seen = await problems.until((problem) => problem.startsWith('CSP violation'));
    expect(seen.find((problem) => problem.startsWith('CSP violation'))).toContain('style-src-attr');
    await context.close();
  });

  it('is served, through the gateway, with a Content-Security-Policy header that allows nothing inline', async () => {
    const context = await newWatchedContext({ width: 1280, height: 900 });
    const page = await context.newPage();
    const response = await page.goto(site);
    const policy = (await response?.allHeaders())?.['content-security-policy'];
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    // The header alone is the page's policy: no <meta> copy that could drift from it.
    expect(await page.locator('meta[http-equiv="Content-Security-Policy" i]').count()).toBe(0);
    await showsGrid(page);
    await context.close();
  });
});

/** The list as the API gives it, in the grid's order. */
async function mysfitsOf(page: Page) {
  const response = await page.request.get(`${site}/mysfits`);
  return ((await response.json()) as { mysfits: { mysfitId: string; name: string; likes: number; adopted: boolean }[] })
    .mysfits;
}

async function mysfitIdOf(page: Page, name: string): Promise<string> {
  const mysfit = (await mysfitsOf(page)).find((candidate) => candidate.name === name);
  if (!mysfit) throw new Error(`no mysfit named ${name} in the list`);
  return mysfit.mysfitId;
}
