export { monolithConfig, storesEnv, type MonolithConfig, type StoresConfig } from './monolith.config';
