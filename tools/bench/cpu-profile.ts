/** The parts of a V8 CPU profile (`node --cpu-prof`, a .cpuprofile file) that a summary needs. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  /** The node on top of the stack at each sample. */
  samples: number[];
  /** Microseconds since the previous sample, one per sample. */
  timeDeltas: number[];
  /** Microseconds on the monotonic clock that process.hrtime reads too. */
  startTime: number;
}

/** A span of time on the monotonic clock, in microseconds, as process.hrtime.bigint() / 1000n. */
export interface Window {
  startUs: number;
  endUs: number;
}

export interface CostLine {
  name: string;
  selfMs: number;
  /** Of the time the process was busy (idle samples left out). */
  share: number;
}

export interface ProfileSummary {
  busyMs: number;
  functions: CostLine[];
  /** The same time by package (node_modules), Node.js module, app or library folder. */
  places: CostLine[];
  /**
   * Of the busy time, the share in tracing's own code: OpenTelemetry's packages and libs/tracing. A
   * direct measure of what tracing costs the process that runs it, where comparing two processes cannot
   * tell (two identical ones differ by more than tracing's budget). It leaves out what tracing makes
   * others do: collecting its garbage, and Node.js writing its exports.
   */
  tracingShare: number;
}

const TRACING_PLACE = /^(@opentelemetry\/|libs\/tracing$)/;

const IDLE = '(idle)';

/**
 * Where the process spent its own CPU time, within `window` if given (a profile covers the process's
 * whole life): the top functions and the top places by self time.
 */
export function summarizeProfile(profile: CpuProfile, top: number, window?: Window): ProfileSummary {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  let busyUs = 0;
  let sampledAtUs = profile.startTime;
  profile.samples.forEach((nodeId, index) => {
    const frame = frames.get(nodeId);
    const deltaUs = Math.max(0, profile.timeDeltas[index] ?? 0);
    sampledAtUs += deltaUs;
    if (window && (sampledAtUs < window.startUs || sampledAtUs > window.endUs)) return;
    if (!frame || frame.functionName === IDLE) return;
    busyUs += deltaUs;
    const functionKey = frame.url
      ? `${frame.functionName || '(anonymous)'} ${shortPath(frame.url)}:${frame.lineNumber + 1}`
      : frame.functionName || '(anonymous)';
    byFunction.set(functionKey, (byFunction.get(functionKey) ?? 0) + deltaUs);
    const place = placeOf(frame.url, frame.functionName);
    byPlace.set(place, (byPlace.get(place) ?? 0) + deltaUs);
  });
  const lines = (costs: Map<string, number>) =>
    [...costs]
      .sort(([, a], [, b]) => b - a)
      .slice(0, top)
      .map(([name, us]) => ({ name, selfMs: us / 1000, share: busyUs ? us / busyUs : 0 }));
  const tracingUs = [...byPlace].reduce((sum, [place, us]) => sum + (TRACING_PLACE.test(place) ? us : 0), 0);
  return {
    busyMs: busyUs / 1000,
    functions: lines(byFunction),
    places: lines(byPlace),
    tracingShare: busyUs ? tracingUs / busyUs : 0,
  };
}

/** The package, Node.js module or source folder a frame's script belongs to. */
export function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native code)';
  const path = url.replace(/^file:\/\//, '');
  const packages = path.split('/node_modules/');
  if (packages.length > 1) {
    const [scopeOrName, name] = packages[packages.length - 1].split('/');
    return scopeOrName.startsWith('@') ? `${scopeOrName}/${name}` : scopeOrName;
  }
  if (path.startsWith('node:')) return path.split('/').slice(0, 2).join('/');
  const source = /\/dist\/((?:apps|libs|tools)\/[^/]+)\//.exec(path);
  return source ? source[1] : shortPath(path);
}

function shortPath(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const packages = path.split('/node_modules/');
  if (packages.length > 1) return packages[packages.length - 1];
  const dist = path.indexOf('/dist/');
  return dist >= 0 ? path.slice(dist + '/dist/'.length) : path;
}
