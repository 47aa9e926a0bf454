import { benchSettings } from './settings';

describe('benchSettings', () => {
  it('loads every scenario for 10 s on 10 connections by default', () => {
    expect(benchSettings({})).toEqual({
      BENCH_SECONDS: 10,
      BENCH_WARMUP_SECONDS: 3,
      BENCH_CONNECTIONS: 10,
      BENCH_USERS: 100,
      BENCH_SCENARIOS: ['list', 'get-not-adopted', 'get-adopted', 'first-like', 'repeated-like', 'login'],
      BENCH_TRACING: 'off',
      BENCH_ROUNDS: 9,
      BENCH_TRACES_SAMPLER: 'parentbased_traceidratio',
      BENCH_TRACES_SAMPLER_ARG: '0.05',
      BENCH_NPM_START: true,
      BENCH_CPU_PROFILE: false,
      BENCH_NODE_OPTIONS: '',
    });
  });

  it('runs the chosen scenarios in their own order', () => {
    expect(benchSettings({ BENCH_SCENARIOS: 'login, get-adopted' }).BENCH_SCENARIOS).toEqual(['get-adopted', 'login']);
  });

  it('refuses an unknown scenario, and repeated likes without first likes', () => {
    expect(() => benchSettings({ BENCH_SCENARIOS: 'list,lists' })).toThrow('BENCH_SCENARIOS');
    expect(() => benchSettings({ BENCH_SCENARIOS: 'repeated-like' })).toThrow('list both');
  });

  it('refuses a tracing mode it does not know', () => {
    expect(() => benchSettings({ BENCH_TRACING: 'yes' })).toThrow('BENCH_TRACING');
  });
});
