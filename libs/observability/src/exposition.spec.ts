import { readSamples } from './exposition';

describe('readSamples', () => {
  it('reads each sample line with its labels unescaped, skipping comments and blank lines', () => {
    const scrape = [
      '# HELP http_server_request_duration_seconds Time to answer.',
      '# TYPE http_server_request_duration_seconds histogram',
      'http_server_request_duration_seconds_bucket{le="0.1",route="/mysfits/:id",service="monolith"} 3',
      'http_server_request_duration_seconds_bucket{le="+Inf",route="/mysfits/:id",service="monolith"} 4',
      'http_server_request_duration_seconds_count{route="/mysfits/:id",service="monolith"} 4',
      '',
      'process_start_time_seconds 1764700000',
      'log_note{text="a \\"quoted\\" word, a \\\\ and a \\n"} 1',
    ].join('\n');
    expect(readSamples(scrape)).toEqual([
      {
        name: 'http_server_request_duration_seconds_bucket',
        labels: { le: '0.1', route: '/mysfits/:id', service: 'monolith' },
        value: 3,
      },
      {
        name: 'http_server_request_duration_seconds_bucket',
        labels: { le: '+Inf', route: '/mysfits/:id', service: 'monolith' },
        value: 4,
      },
      {
        name: 'http_server_request_duration_seconds_count',
        labels: { route: '/mysfits/:id', service: 'monolith' },
        value: 4,
      },
      { name: 'process_start_time_seconds', labels: {}, value: 1764700000 },
      { name: 'log_note', labels: { text: 'a "quoted" word, a \\ and a \n' }, value: 1 },
    ]);
  });

  it('reads +Inf as Infinity', () => {
    expect(readSamples('circuit_breaker_open_seconds +Inf')).toEqual([
      { name: 'circuit_breaker_open_seconds', labels: {}, value: Infinity },
    ]);
  });
});
