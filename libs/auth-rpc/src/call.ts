import { firstValueFrom, Observable, timeout } from 'rxjs';

/** Awaits a unary call, cancelling it when it takes longer than `timeoutMs`. */
export function unary<T>(call: Observable<T>, timeoutMs: number): Promise<T> {
  return firstValueFrom(call.pipe(timeout(timeoutMs)));
}
