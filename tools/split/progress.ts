import { Presets, SingleBar } from 'cli-progress';

/** Progress of one table's copy. */
export interface TableProgress {
  advance(rows: number): void;
  end(): void;
}

export type Progress = (label: string, total: number, done: number) => TableProgress;

/** A bar per table on a terminal; elsewhere (logs, CI, a Kubernetes Job) one plain line per batch. */
export function progressOn(stream: NodeJS.WriteStream): Progress {
  return stream.isTTY ? bars(stream) : lines(stream);
}

function bars(stream: NodeJS.WriteStream): Progress {
  return (label, total, done) => {
    const bar = new SingleBar(
      {
        stream,
        format: `${label.padEnd(14)} {bar} {percentage}% | {value}/{total} rows | {speed} rows/s | {duration_formatted}`,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    const started = performance.now();
    let copied = 0;
    bar.start(total, done, { speed: 0 });
    return {
      advance: (rows) => {
        copied += rows;
        bar.increment(rows, { speed: rate(copied, started) });
      },
      end: () => bar.stop(),
    };
  };
}

function lines(stream: NodeJS.WriteStream): Progress {
  return (label, total, done) => {
    const started = performance.now();
    let value = done;
    const print = () =>
      stream.write(
        `${label}: ${value}/${total} rows (${total ? Math.floor((100 * value) / total) : 100}%), ${rate(value - done, started)} rows/s\n`,
      );
    print();
    return {
      advance: (rows) => {
        value += rows;
        print();
      },
      end: () => undefined,
    };
  };
}

function rate(rows: number, startedAt: number): number {
  const seconds = (performance.now() - startedAt) / 1000;
  return seconds > 0 ? Math.round(rows / seconds) : 0;
}
