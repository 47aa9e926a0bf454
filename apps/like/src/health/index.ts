export { LikeReadiness } from './like-readiness';
