export { BrowserSessionModule } from './browser-session.module';
export { useSessionCookies } from './session-cookie';
