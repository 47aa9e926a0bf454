export { likeConfig, type LikeConfig } from './like.config';
