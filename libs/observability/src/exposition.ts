/** One sample line of Prometheus's text exposition format. */
export interface Sample {
  /** The series name: `x_bucket`, `x_sum` and `x_count` for a histogram `x`. */
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

/**
 * The samples of a scrape (comments skipped). npm's parse-prometheus-text-format drops the labels, sum
 * and count of a histogram whose bucket lines carry labels, which every histogram here has, hence this
 * reader of the sample lines only.
 */
export function readSamples(text: string): Sample[] {
  return text.split('\n').flatMap((line) => {
    const sample = SAMPLE.exec(line);
    if (!sample) return [];
    const [, name, labelList = '', value] = sample;
    const labels: Record<string, string> = {};
    for (const [, label, escaped] of labelList.matchAll(LABEL)) labels[label] = JSON.parse(`"${escaped}"`) as string;
    return [{ name, labels, value: value === '+Inf' ? Infinity : Number(value) }];
  });
}
