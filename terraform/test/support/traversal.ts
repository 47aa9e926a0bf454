/**
 * Splits a reference as @cdktf/hcl2json reports it, `module.postgres."auth".address`, into its
 * steps, keeping quoted keys (which may hold dots) whole: ['module', 'postgres', 'auth', 'address'].
 */
export function splitTraversal(reference: string): string[] {
  const steps: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of reference) {
    if (char === '"') quoted = !quoted;
    else if (char === '.' && !quoted) {
      steps.push(current);
      current = '';
    } else current += char;
  }
  steps.push(current);
  return steps;
}

const SIMPLE_TRAVERSAL = /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*|\["[^"]*"\]|\[\d+\])*$/;

/** Steps of an expression that is nothing but a traversal (`var.x`, `local.m["k"]`), else undefined. */
export function traversalSteps(expression: string): string[] | undefined {
  if (!SIMPLE_TRAVERSAL.test(expression)) return undefined;
  return splitTraversal(expression.replace(/\[("[^"]*"|\d+)\]/g, '.$1'));
}

/** The expression of a string that is exactly one interpolation, `${var.x}` -> `var.x`. */
export function stripInterpolation(text: string): string | undefined {
  const match = /^\$\{([^]*)\}$/.exec(text);
  return match && !match[1].includes('${') ? match[1].trim() : undefined;
}
