import { runCommand } from '@app/database';
import { monolithConfig } from './config/monolith.config';
import { migrateStores } from './database/migrate-stores';

runCommand('monolith-migrate', () => migrateStores(monolithConfig()));
