export { MysfitNotFoundError } from './catalogue.errors';
export { CatalogueModule } from './catalogue.module';
export { CatalogueService } from './catalogue.service';
export { FILTERS, type FilterAxis, type Mysfit } from './mysfit';
export { seedCatalogue } from './seed-catalogue';
