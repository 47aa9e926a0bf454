export { MysfitsModule } from './mysfits.module';
