export { LikesModule } from './likes.module';
