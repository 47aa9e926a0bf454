import { BenchRun } from './figures';
import { likesCheck, table, tracingShares } from './report';

describe('likesCheck', () => {
  it('accepts every answered like counted once, and timed-out ones that still counted', () => {
    expect(likesCheck({ counted: 1180, sent: 1185, answered: 1172 })).toContain('none lost, none counted twice');
  });

  it('calls out likes that were answered but not counted', () => {
    expect(likesCheck({ counted: 1170, sent: 1185, answered: 1172 })).toContain('LIKES LOST');
  });

  it('calls out more likes counted than were sent', () => {
    expect(likesCheck({ counted: 1186, sent: 1185, answered: 1185 })).toContain('LIKES COUNTED TWICE');
  });
});

describe('table', () => {
  it('aligns columns two spaces apart without trailing spaces', () => {
    expect(
      table(
        ['a', 'bb'],
        [
          ['ccc', 'd'],
          ['e', ''],
        ],
      ),
    ).toBe('a    bb\nccc  d\ne');
  });
});

describe('tracingShares', () => {
  const load = { responses: 1000, seconds: 10, requestsPerSecond: 100, p50Ms: 5, p99Ms: 20, non2xx: 0, errors: 0 };
  const summary = (busyMs: number, tracingShare: number) => ({ busyMs, functions: [], places: [], tracingShare });
  const pass = {
    tracing: 'on',
    getItem: { ...load, dynamodbCpuMsPerRequest: 0.1 },
    sdkFloor: { ...load, cpuMsPerRequest: 0.5 },
    argon2: { parameters: 'argon2id m=19456,t=2,p=1', verificationsPerSecond: 200 },
    residentMiB: {},
    scenarios: [
      {
        ...load,
        scenario: 'first-like',
        route: 'POST /mysfits/:id/like',
        unexpected: 0,
        window: { startUs: 0, endUs: 1 },
        processes: {
          gateway: { cpuMs: 500, residentMiB: 1 },
          like: { cpuMs: 2000, residentMiB: 1 },
          auth: { cpuMs: 1, residentMiB: 1 },
        },
      },
    ],
    profiles: [
      { scenario: 'first-like', app: 'gateway', summary: summary(500, 0.1) },
      { scenario: 'first-like', app: 'like', summary: summary(2000, 0.05) },
      { scenario: 'first-like', app: 'auth', summary: summary(1, 0.5) },
    ],
  } satisfies BenchRun['passes'][number];

  it("gives each hop of a scenario tracing's share and what it adds to the untraced hop, against the 10 % budget", () => {
    const text = tracingShares(pass);
    // 10 % of the traced time is 11.1 % on top of the other 90 %.
    expect(text).toMatch(/first-like\s+gateway\s+10\.0 %\s+\+11\.1 %\s+missed/);
    expect(text).toMatch(/first-like\s+like\s+5\.0 %\s+\+5\.3 %\s+met/);
    // auth takes no part in a like.
    expect(text).not.toContain('auth');
  });
});
