import { Metadata } from '@grpc/grpc-js';
import { firstValueFrom, Observable, timeout } from 'rxjs';

/** Metadata carrying the caller's request id, so auth logs the same id as the request that caused the call. */
export function requestMetadata(requestId: string): Metadata {
  const metadata = new Metadata();
  metadata.set('x-request-id', requestId);
  return metadata;
}

/** Awaits a unary call, cancelling it when it takes longer than `timeoutMs`. */
export function unary<T>(call: Observable<T>, timeoutMs: number): Promise<T> {
  return firstValueFrom(call.pipe(timeout(timeoutMs)));
}
