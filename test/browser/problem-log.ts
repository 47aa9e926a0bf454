import type { BrowserContext } from 'playwright-core';

/**
 * Collects what must never happen on the page, from every page of the contexts it watches: a console
 * error, an uncaught exception, a Content Security Policy violation. Chromium logs each failed HTTP
 * response as a console error too, so a test that provokes one on purpose names its status first.
 */
export class ProblemLog {
  private problems: string[] = [];
  private expectedStatuses = new Set<number>();

  async watch(context: BrowserContext): Promise<void> {
    await context.exposeBinding('reportPolicyViolation', ({ page }, violation: string) =>
      this.problems.push(`CSP violation on ${page.url()}: ${violation}`),
    );
    // Init scripts come through the DevTools protocol: the page's CSP does not apply to them.
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportPolicyViolation(text: string): void }).reportPolicyViolation(
          `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
        ),
      ),
    );
    context.on('console', (message) => {
      if (message.type() !== 'error' || this.isExpected(message.text())) return;
      this.problems.push(`console error on ${message.page()?.url()}: ${message.text()}`);
    });
    context.on('weberror', (error) =>
      this.problems.push(`uncaught on ${error.page()?.url()}: ${error.error().message}`),
    );
  }

  /** Failed responses the running test provokes on purpose. */
  expectFailedResponses(...statuses: number[]): void {
    for (const status of statuses) this.expectedStatuses.add(status);
  }

  /** Hands over what went wrong since the last call, and forgets the expected failures. */
  take(): string[] {
    const problems = this.problems;
    this.problems = [];
    this.expectedStatuses.clear();
    return problems;
  }

  /** Waits until one of the problems matches (for the test of this log itself), then takes them all. */
  async until(match: (problem: string) => boolean, timeoutMs = 10_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    while (!this.problems.some(match)) {
      if (Date.now() > deadline) throw new Error(`No such problem within ${timeoutMs} ms: ${this.problems.join('; ')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.take();
  }

  private isExpected(text: string): boolean {
    const status = /^Failed to load resource: the server responded with a status of (\d{3})/.exec(text)?.[1];
    return status !== undefined && this.expectedStatuses.has(Number(status));
  }
}
