import { Inject, Injectable, Logger } from '@nestjs/common';
import { register } from 'prom-client';
import { monolithConfig, MonolithConfig } from '../config';
import { readSamples } from '@app/observability';
import { HopStatus, HopTotals, hopTotals, hopWindow } from './hops';

export interface StatusReport {
  /** The window the figures cover: since the previous reading, or since the apps started on the first. */
  windowSeconds: number | null;
  /** The apps whose metrics were read; the others' hops show no calls. */
  read: string[];
  unreachable: string[];
  hops: HopStatus[];
}

const SCRAPE_TIMEOUT_MS = 1_000;

/**
 * Each hop's recent latency and error rate, from the apps' own metrics: the monolith's registry, and
 * the /metrics of the apps STATUS_METRICS_URLS names. Read when asked (the page polls), never in the
 * background: each reading covers the time since the one before.
 */
@Injectable()
export class StatusService {
  private readonly logger = new Logger(StatusService.name);
  private previous?: { at: number; totals: Map<string, HopTotals> };

  constructor(@Inject(monolithConfig.KEY) private readonly config: MonolithConfig) {}

  async report(): Promise<StatusReport> {
    const read = ['monolith'];
    const unreachable: string[] = [];
    const texts = [await register.metrics()];
    await Promise.all(
      [...this.config.STATUS_METRICS_URLS].map(async ([app, url]) => {
        try {
          const response = await fetch(url, { signal: AbortSignal.timeout(SCRAPE_TIMEOUT_MS) });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          texts.push(await response.text());
          read.push(app);
        } catch (error) {
          unreachable.push(app);
          this.logger.warn({ app, error: (error as Error).message }, 'No metrics for the status page');
        }
      }),
    );
    const now = performance.now();
    const totals = hopTotals(texts.flatMap(readSamples));
    const windowSeconds = this.previous ? (now - this.previous.at) / 1000 : null;
    const hops = hopWindow(this.previous?.totals ?? new Map(), totals, windowSeconds ?? process.uptime());
    this.previous = { at: now, totals };
    return { windowSeconds, read: read.sort(), unreachable: unreachable.sort(), hops };
  }
}
