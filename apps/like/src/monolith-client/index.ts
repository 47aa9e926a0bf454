export { MonolithClient } from './monolith.client';
export { MonolithClientModule } from './monolith-client.module';
