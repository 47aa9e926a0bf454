import { parser } from '@prometheus-io/lezer-promql';

export interface ParsedQuery {
  /** Metric names the query selects, from `name{...}` and `{__name__="name"}`. */
  metrics: string[];
  /** Where the parser gave up, empty when the query is valid PromQL. */
  errors: string[];
}

/** Parses PromQL with the grammar of Prometheus's own UI and lists the metrics it reads. */
export function parsePromql(query: string): ParsedQuery {
  const metrics = new Set<string>();
  const errors: string[] = [];
  parser.parse(query).iterate({
    enter(node) {
      const text = query.slice(node.from, node.to);
      if (node.type.isError)
        errors.push(`cannot parse at ${node.from}: ${JSON.stringify(query.slice(node.from, node.from + 20))}`);
      else if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') metrics.add(text);
      else if (node.name === 'UnquotedLabelMatcher' && /^__name__\s*=[^~]/.test(text)) {
        metrics.add(JSON.parse(text.replace(/^__name__\s*=\s*/, '')) as string);
      }
    },
  });
  return { metrics: [...metrics], errors };
}
