import { tracingEnv, tracingRequested } from './tracing.env';

describe('tracingRequested', () => {
  const requested = (env: Record<string, string>) => tracingRequested(tracingEnv.parse(env));

  it('is off when no OTEL_* variable is set', () => {
    expect(requested({})).toBe(false);
  });

  it('is on once an OTLP endpoint is named', () => {
    expect(requested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(requested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
  });

  it('is on when an exporter other than none is named', () => {
    expect(requested({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe(true);
    expect(requested({ OTEL_TRACES_EXPORTER: 'none, console' })).toBe(true);
    expect(requested({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(
      false,
    );
  });

  it('is off when the SDK is disabled, whatever else is set', () => {
    expect(
      requested({
        OTEL_SDK_DISABLED: 'true',
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      }),
    ).toBe(false);
  });

  it('refuses a malformed endpoint', () => {
    expect(() => tracingEnv.parse({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector 4318' })).toThrow();
  });
});
