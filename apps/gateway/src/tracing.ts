// The first import of main.ts. The proxy makes its own server spans (inServerSpan) and forwards their
// context: no library needs instrumenting.
import { startTracing } from '@app/tracing';

startTracing({ service: 'gateway', libraries: [] }, process.env);
