import { InterceptingCall, Interceptor } from '@grpc/grpc-js';
import type { RequestContext } from '@app/request-context';

/** A client interceptor that adds the current request context to the metadata of every call. */
export function propagateRequestContext(context: RequestContext): Interceptor {
  return (options, nextCall) =>
    new InterceptingCall(nextCall(options), {
      start: (metadata, listener, next) => {
        for (const [key, value] of Object.entries(context.outgoingHeaders())) metadata.set(key, value);
        next(metadata, listener);
      },
    });
}
