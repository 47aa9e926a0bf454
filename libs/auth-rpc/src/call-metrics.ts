import { InterceptingCall, Interceptor, ListenerBuilder, status } from '@grpc/grpc-js';
import { Histogram } from 'prom-client';

// Made with the first client: auth, which serves these calls and makes none, loads this lib too.
let callDuration: Histogram | undefined;

/** A client interceptor that times every call, from its start to its status, in grpc_client_call_duration_seconds. */
export function measureCalls(): Interceptor {
  const duration = (callDuration ??= new Histogram({
    name: 'grpc_client_call_duration_seconds',
    help: 'Duration of gRPC calls this service made to auth, by method and status code',
    labelNames: ['grpc_service', 'grpc_method', 'grpc_code'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  }));
  return (options, nextCall) => {
    // The method's path is /package.Service/Method.
    const [, service = 'unknown', method = 'unknown'] = options.method_definition.path.split('/');
    const started = performance.now();
    const timed = new ListenerBuilder()
      .withOnReceiveStatus((received, next) => {
        duration.observe(
          { grpc_service: service, grpc_method: method, grpc_code: status[received.code] },
          (performance.now() - started) / 1000,
        );
        next(received);
      })
      .build();
    return new InterceptingCall(nextCall(options), {
      start: (metadata, _listener, next) => next(metadata, timed),
    });
  };
}
