// The first import of main.ts: the libraries this app traces must be instrumented before they load.
import { startTracing } from '@app/tracing';

startTracing({ service: 'like', libraries: ['grpc'] }, process.env);
