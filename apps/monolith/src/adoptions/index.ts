export { AdoptionsModule } from './adoptions.module';
export { AdoptionsService, type Adopter } from './adoptions.service';
